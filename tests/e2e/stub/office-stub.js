/* A stand-in for https://appsforoffice.microsoft.com/lib/1/hosted/office.js in the end-to-end tests (the CDN is
 * unreachable here, and there is no Excel). The test routes the office.js request to this file.
 *
 * It defines `Office` (onReady resolves with host Excel), `Excel.run` over a fake RequestContext whose workbook
 * keeps sheets as sparse cell maps, and `CustomFunctions` for the functions bundle that shares the page. Writes
 * apply at once (a real context queues them until sync); reads are always "loaded". Members the fake does not
 * model are recorded and return a chainable recorder, so code that formats, charts or prints still runs.
 * Everything is inspectable from the test through `window.__zc`.
 */
/* eslint-disable */
(function () {
  "use strict";

  var settings = window.__zcStub || {};
  var log = [];
  var record = function (path, kind, args) {
    log.push({ path: path, kind: kind, args: args });
  };

  // ---------- a recorder for everything not modelled ----------
  function recorder(path) {
    var target = function () {};
    return new Proxy(target, {
      get: function (_, key) {
        if (key === "then" || key === Symbol.toPrimitive || key === Symbol.iterator) return undefined;
        if (key === "isNullObject") return false;
        if (key === "load" || key === "track" || key === "untrack")
          return function () {
            return this;
          };
        if (key === "toJSON")
          return function () {
            return {};
          };
        if (key === "__path") return path;
        return recorder(path + "." + String(key));
      },
      set: function (_, key, value) {
        record(path + "." + String(key), "set", [value]);
        return true;
      },
      apply: function (_, __, args) {
        record(path, "call", args);
        return recorder(path + "()");
      },
    });
  }

  /** An object with real members first, the recorder for the rest. */
  function withFallback(obj, path) {
    return new Proxy(obj, {
      get: function (t, key) {
        if (key in t) return t[key];
        if (typeof key === "symbol" || key === "then") return undefined;
        return recorder(path + "." + String(key));
      },
      set: function (t, key, value) {
        var desc = Object.getOwnPropertyDescriptor(t, key) || findSetter(t, key);
        if (desc) {
          t[key] = value;
        } else {
          record(path + "." + String(key), "set", [value]);
        }
        return true;
      },
    });
  }
  function findSetter(obj, key) {
    for (var p = Object.getPrototypeOf(obj); p; p = Object.getPrototypeOf(p)) {
      var d = Object.getOwnPropertyDescriptor(p, key);
      if (d) return d;
    }
    return undefined;
  }

  function apiError(code, message) {
    var e = new Error(message || code);
    e.code = code;
    e.name = "RichApi.Error";
    return e;
  }

  // ---------- A1 addresses ----------
  function colIndex(letters) {
    var n = 0;
    for (var i = 0; i < letters.length; i++) n = n * 26 + (letters.toUpperCase().charCodeAt(i) - 64);
    return n - 1;
  }
  function colLetters(index) {
    var s = "";
    for (var n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  }
  var MAX_ROW = 1048575;
  var MAX_COL = 16383;
  function parseAddress(address) {
    var a = String(address);
    var bang = a.lastIndexOf("!");
    if (bang >= 0) a = a.slice(bang + 1);
    a = a.replace(/\$/g, "");
    var parts = a.split(":");
    function one(p, end) {
      var m = /^([A-Za-z]*)(\d*)$/.exec(p);
      if (!m) throw apiError("InvalidArgument", "Bad address " + address);
      var row = m[2] ? Number(m[2]) - 1 : end ? MAX_ROW : 0;
      var col = m[1] ? colIndex(m[1]) : end ? MAX_COL : 0;
      return { row: row, col: col };
    }
    var s = one(parts[0], false);
    var e = parts[1] ? one(parts[1], true) : s;
    if (!parts[1]) {
      var m0 = /^([A-Za-z]*)(\d*)$/.exec(parts[0]);
      if (m0 && (!m0[1] || !m0[2])) e = one(parts[0], true);
    }
    return {
      row: Math.min(s.row, e.row),
      col: Math.min(s.col, e.col),
      rows: Math.abs(e.row - s.row) + 1,
      cols: Math.abs(e.col - s.col) + 1,
    };
  }
  /** A formula moved by (dr, dc) as a fill moves it: relative references shift; "text", 'sheet' and $ parts stay. */
  function shiftFormula(formula, dr, dc) {
    return String(formula)
      .split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/)
      .map(function (part, k) {
        if (k % 2 === 1) return part;
        return part.replace(
          /(^|[^A-Za-z0-9_.$])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g,
          function (_, lead, ac, c, ar, r) {
            var column = ac ? c : colLetters(colIndex(c) + dc);
            var rowText = ar ? r : String(Number(r) + dr);
            return lead + ac + column + ar + rowText;
          },
        );
      })
      .join("");
  }
  function a1(row, col, rows, cols) {
    var start = colLetters(col) + (row + 1);
    return rows === 1 && cols === 1 ? start : start + ":" + colLetters(col + cols - 1) + (row + rows);
  }
  function qualify(sheetName) {
    return /^[\p{L}\p{N}_.]+$/u.test(sheetName) && !/^\d/.test(sheetName)
      ? sheetName
      : "'" + sheetName.replace(/'/g, "''") + "'";
  }

  // ---------- the model ----------
  var workbook;
  var sheets = [];
  var names = [];
  var active = { sheet: null, row: 1, col: 1 };
  var syncs = 0;

  /**
   * worksheet.tables / worksheet.charts: what was added, so a refresh can load and delete them. A table's
   * columns.add writes its values right of the table and widens it, as Excel does (the returns merge adds 情况说明).
   */
  function objectCollection(kind, owner, sheet) {
    var items = [];
    return withFallback(
      {
        get items() {
          return items.slice();
        },
        get count() {
          return items.length;
        },
        load: function () {
          return this;
        },
        add: function () {
          var args = Array.prototype.slice.call(arguments);
          record(owner() + "." + kind + ".add", "call", args);
          var address = String(args[0] || "").replace(/^.*!/, "");
          var entry = withFallback(
            {
              name: kind + (items.length + 1),
              // Tables know their sheet and range, as workbook.tables lists them for a refresh.
              get worksheet() {
                return { name: owner().replace(/^worksheet\((.*)\)$/, "$1") };
              },
              getRange: function () {
                return {
                  address: "'" + owner().replace(/^worksheet\((.*)\)$/, "$1") + "'!" + address,
                  load: function () {
                    return this;
                  },
                };
              },
              delete: function () {
                items.splice(items.indexOf(entry), 1);
                record(owner() + "." + kind + ".delete", "call", []);
              },
              columns: {
                add: function (index, values) {
                  record(owner() + "." + kind + ".columns.add", "call", [index, values]);
                  var box = parseAddress(address);
                  var width = values && values[0] ? values[0].length : 1;
                  for (var i = 0; i < box.rows; i++)
                    for (var j = 0; j < width; j++)
                      setCellInput(sheet().cell(box.row + i, box.col + box.cols + j, true), values ? values[i][j] : "");
                  address = a1(box.row, box.col, box.rows, box.cols + width);
                },
              },
              load: function () {
                return this;
              },
            },
            owner() + "." + kind + "[" + items.length + "]",
          );
          items.push(entry);
          return entry;
        },
        getItemOrNullObject: function (name) {
          return (
            items.find(function (i) {
              return i.name === name;
            }) || nullObject(kind + "(" + name + ")")
          );
        },
        // A table by name (the returns merge widens 月度填报's); other kinds stay recorded only, as before.
        getItem: function (name) {
          if (kind !== "tables") {
            record(kind + ".getItem", "call", [name]);
            return recorder(kind + ".getItem()");
          }
          var found = items.find(function (i) {
            return i.name === name;
          });
          if (!found) throw apiError("ItemNotFound", "No table " + name);
          return found;
        },
      },
      kind,
    );
  }

  function Sheet(name) {
    var self = this;
    this.tables = objectCollection(
      "tables",
      function () {
        return "worksheet(" + self.name + ")";
      },
      function () {
        return self;
      },
    );
    this.charts = objectCollection("charts", function () {
      return "worksheet(" + self.name + ")";
    });
    this.name = name;
    this.id = "{" + Math.random().toString(16).slice(2) + "}";
    this.cells = new Map(); // "r,c" → { value, formula, numberFormat }
    this.visibility = "Visible";
    this.tabColor = "";
    this.deleted = false;
    // Merged areas as { row, col, rows, cols } (the 进展报告 sheet merges its text rows).
    this.merges = [];
  }
  Sheet.prototype.cell = function (r, c, create) {
    var key = r + "," + c;
    var cell = this.cells.get(key);
    if (!cell && create) {
      cell = { value: "", formula: undefined, numberFormat: "General" };
      this.cells.set(key, cell);
    }
    return cell;
  };
  Sheet.prototype.bounds = function () {
    var minR = Infinity,
      minC = Infinity,
      maxR = -1,
      maxC = -1;
    this.cells.forEach(function (cell, key) {
      if ((cell.value === "" || cell.value === null) && cell.formula === undefined) return;
      var rc = key.split(",").map(Number);
      minR = Math.min(minR, rc[0]);
      minC = Math.min(minC, rc[1]);
      maxR = Math.max(maxR, rc[0]);
      maxC = Math.max(maxC, rc[1]);
    });
    return maxR < 0 ? null : { row: minR, col: minC, rows: maxR - minR + 1, cols: maxC - minC + 1 };
  };

  function nullObject(path) {
    return withFallback(
      {
        isNullObject: true,
        load: function () {
          return this;
        },
      },
      path + "<null>",
    );
  }

  function grid(rows, cols, fn) {
    var out = [];
    for (var r = 0; r < rows; r++) {
      var line = [];
      for (var c = 0; c < cols; c++) line.push(fn(r, c));
      out.push(line);
    }
    return out;
  }

  function writeGrid(range, input, write) {
    var rows = range.rowCount,
      cols = range.columnCount;
    if (!Array.isArray(input)) {
      for (var r0 = 0; r0 < rows; r0++) for (var c0 = 0; c0 < cols; c0++) write(r0, c0, input);
      return;
    }
    // As Excel: exactly rows × columns, every row an array (a hole in a sparse array arrives as null).
    var bad = input.length !== rows ? "has " + input.length + " rows, the range " + rows : "";
    for (var i = 0; !bad && i < input.length; i++) {
      if (!Array.isArray(input[i]))
        bad = "row " + (i + 1) + " is " + (i in input ? String(input[i]) : "a hole (sparse array)");
      else if (input[i].length !== cols)
        bad = "row " + (i + 1) + " has " + input[i].length + " columns, the range " + cols;
    }
    if (bad) {
      throw apiError(
        "InvalidArgument",
        "The number of rows or columns in the input array doesn't match the size or dimensions of the range. (stub: " +
          range.address +
          ": " +
          bad +
          ")",
      );
    }
    for (var r = 0; r < rows; r++) for (var c = 0; c < cols; c++) write(r, c, input[r][c]);
  }

  function setCellInput(cell, v) {
    if (typeof v === "string" && v.charAt(0) === "=" && v.length > 1) {
      cell.formula = v;
      cell.value = "";
    } else if (typeof v === "string" && v.charAt(0) === "'") {
      // Excel's quote prefix: the text after the apostrophe, stored as text (textInput sends 6月, 0012 … this way).
      cell.formula = undefined;
      cell.value = v.slice(1);
    } else {
      cell.formula = undefined;
      cell.value = v === null || v === undefined ? "" : v;
    }
  }

  function makeRange(sheet, row, col, rows, cols) {
    var path = "range(" + sheet.name + "!" + a1(row, col, rows, cols) + ")";
    var r = {
      isNullObject: false,
      rowIndex: row,
      columnIndex: col,
      rowCount: rows,
      columnCount: cols,
      get address() {
        return qualify(sheet.name) + "!" + a1(row, col, rows, cols);
      },
      get addressLocal() {
        return this.address;
      },
      get worksheet() {
        return sheetProxy(sheet);
      },
      get values() {
        return grid(rows, cols, function (i, j) {
          var c = sheet.cell(row + i, col + j);
          return c ? c.value : "";
        });
      },
      set values(input) {
        writeGrid(r, input, function (i, j, v) {
          setCellInput(sheet.cell(row + i, col + j, true), v);
        });
        record(path + ".values", "set", [input]);
      },
      get formulas() {
        return grid(rows, cols, function (i, j) {
          var c = sheet.cell(row + i, col + j);
          return !c ? "" : c.formula !== undefined ? c.formula : c.value;
        });
      },
      set formulas(input) {
        writeGrid(r, input, function (i, j, v) {
          setCellInput(sheet.cell(row + i, col + j, true), v);
        });
        record(path + ".formulas", "set", [input]);
      },
      get formulasLocal() {
        return this.formulas;
      },
      set formulasLocal(input) {
        this.formulas = input;
      },
      get text() {
        return grid(rows, cols, function (i, j) {
          var c = sheet.cell(row + i, col + j);
          return c ? String(c.value) : "";
        });
      },
      get valueTypes() {
        return grid(rows, cols, function (i, j) {
          var c = sheet.cell(row + i, col + j);
          var v = c ? c.value : "";
          return v === "" ? "Empty" : typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : "String";
        });
      },
      get numberFormat() {
        return grid(rows, cols, function (i, j) {
          var c = sheet.cell(row + i, col + j);
          return c ? c.numberFormat : "General";
        });
      },
      set numberFormat(input) {
        writeGrid(r, input, function (i, j, v) {
          sheet.cell(row + i, col + j, true).numberFormat = v;
        });
      },
      load: function () {
        return this;
      },
      set: function (props) {
        Object.keys(props).forEach(function (k) {
          proxy[k] = props[k];
        });
      },
      select: function () {
        active = { sheet: sheet, row: row, col: col };
      },
      activate: function () {
        active = { sheet: sheet, row: row, col: col };
      },
      clear: function (what) {
        record(path + ".clear", "call", [what]);
        if (what === "Formats") return;
        // Only the cells that exist: a whole-sheet range has 17 billion.
        sheet.cells.forEach(function (c, key) {
          var rc = key.split(",").map(Number);
          if (rc[0] < row || rc[0] >= row + rows || rc[1] < col || rc[1] >= col + cols) return;
          c.value = "";
          c.formula = undefined;
          if (what !== "Contents") c.numberFormat = "General";
        });
      },
      delete: function (shift) {
        record(path + ".delete", "call", [shift]);
        this.clear("All");
      },
      merge: function (across) {
        record(path + ".merge", "call", [across]);
        var overlaps = sheet.merges.some(function (m) {
          return m.row < row + rows && row < m.row + m.rows && m.col < col + cols && col < m.col + m.cols;
        });
        // Excel refuses to merge over part of a merged area.
        if (overlaps) throw apiError("InvalidOperation", "Cannot merge over a merged area: " + path);
        sheet.merges.push({ row: row, col: col, rows: rows, cols: cols });
      },
      unmerge: function () {
        record(path + ".unmerge", "call", []);
        sheet.merges = sheet.merges.filter(function (m) {
          return !(m.row < row + rows && row < m.row + m.rows && m.col < col + cols && col < m.col + m.cols);
        });
      },
      // range.copyFrom(source, "Formulas") as Excel pastes: the source tiled over this range, relative references
      // of each formula moved by its offset ($-anchored parts stay), constants copied as they are.
      copyFrom: function (source, copyType) {
        record(path + ".copyFrom", "call", [source, copyType]);
        var text = typeof source === "string" ? source : source.address;
        var bang = text.lastIndexOf("!");
        var from =
          bang < 0
            ? sheet
            : findSheet(
                text
                  .slice(0, bang)
                  .replace(/^'(.*)'$/, "$1")
                  .replace(/''/g, "'"),
              );
        if (!from) throw apiError("ItemNotFound", "No sheet for " + text);
        var src = parseAddress(text);
        for (var i = 0; i < rows; i++) {
          for (var j = 0; j < cols; j++) {
            var sr = src.row + (i % src.rows);
            var sc = src.col + (j % src.cols);
            var c = from.cell(sr, sc);
            var v = !c ? "" : c.formula !== undefined ? shiftFormula(c.formula, row + i - sr, col + j - sc) : c.value;
            setCellInput(sheet.cell(row + i, col + j, true), v);
          }
        }
      },
      getCell: function (i, j) {
        return makeRange(sheet, row + i, col + j, 1, 1);
      },
      getRow: function (i) {
        return makeRange(sheet, row + i, col, 1, cols);
      },
      getColumn: function (j) {
        return makeRange(sheet, row, col + j, rows, 1);
      },
      getEntireRow: function () {
        return makeRange(sheet, row, 0, rows, MAX_COL + 1);
      },
      getEntireColumn: function () {
        return makeRange(sheet, 0, col, MAX_ROW + 1, cols);
      },
      getOffsetRange: function (dr, dc) {
        return makeRange(sheet, row + dr, col + dc, rows, cols);
      },
      getResizedRange: function (dr, dc) {
        return makeRange(sheet, row, col, rows + dr, cols + dc);
      },
      getLastCell: function () {
        return makeRange(sheet, row + rows - 1, col + cols - 1, 1, 1);
      },
      getBoundingRect: function (other) {
        var o =
          typeof other === "string"
            ? parseAddress(other)
            : { row: other.rowIndex, col: other.columnIndex, rows: other.rowCount, cols: other.columnCount };
        var r0 = Math.min(row, o.row),
          c0 = Math.min(col, o.col);
        var r1 = Math.max(row + rows, o.row + o.rows),
          c1 = Math.max(col + cols, o.col + o.cols);
        return makeRange(sheet, r0, c0, r1 - r0, c1 - c0);
      },
      getUsedRange: function () {
        return usedRange(sheet, false, { row: row, col: col, rows: rows, cols: cols });
      },
      getUsedRangeOrNullObject: function () {
        return usedRange(sheet, true, { row: row, col: col, rows: rows, cols: cols });
      },
      getRange: function (addr) {
        var p = parseAddress(addr);
        return makeRange(sheet, row + p.row, col + p.col, p.rows, p.cols);
      },
    };
    var proxy = withFallback(r, path);
    return proxy;
  }

  function usedRange(sheet, orNull, within) {
    var b = sheet.bounds();
    if (b && within) {
      var r0 = Math.max(b.row, within.row),
        c0 = Math.max(b.col, within.col);
      var r1 = Math.min(b.row + b.rows, within.row + within.rows),
        c1 = Math.min(b.col + b.cols, within.col + within.cols);
      b = r1 > r0 && c1 > c0 ? { row: r0, col: c0, rows: r1 - r0, cols: c1 - c0 } : null;
    }
    if (!b) return orNull ? nullObject("usedRange(" + sheet.name + ")") : makeRange(sheet, 0, 0, 1, 1);
    return makeRange(sheet, b.row, b.col, b.rows, b.cols);
  }

  var sheetProxies = new WeakMap();
  function sheetProxy(sheet) {
    var existing = sheetProxies.get(sheet);
    if (existing) return existing;
    var path = "worksheet(" + sheet.name + ")";
    var ws = {
      isNullObject: false,
      get id() {
        return sheet.id;
      },
      get name() {
        return sheet.name;
      },
      set name(value) {
        if (
          sheets.some(function (s) {
            return s !== sheet && s.name.toLowerCase() === String(value).toLowerCase();
          })
        ) {
          throw apiError("ItemAlreadyExists", "A sheet named " + value + " already exists");
        }
        sheet.name = String(value);
      },
      get position() {
        return sheets.indexOf(sheet);
      },
      set position(p) {
        sheets.splice(sheets.indexOf(sheet), 1);
        sheets.splice(Math.max(0, Math.min(p, sheets.length)), 0, sheet);
      },
      get visibility() {
        return sheet.visibility;
      },
      set visibility(v) {
        sheet.visibility = v;
      },
      get tables() {
        return sheet.tables;
      },
      get charts() {
        return sheet.charts;
      },
      get tabColor() {
        return sheet.tabColor;
      },
      set tabColor(v) {
        sheet.tabColor = v;
      },
      load: function () {
        return this;
      },
      set: function (props) {
        Object.keys(props).forEach(function (k) {
          proxy[k] = props[k];
        });
      },
      activate: function () {
        active = { sheet: sheet, row: 0, col: 0 };
      },
      delete: function () {
        sheet.deleted = true;
        sheets.splice(sheets.indexOf(sheet), 1);
        if (active.sheet === sheet) active = { sheet: sheets[0] || null, row: 0, col: 0 };
      },
      getRange: function (address) {
        if (address === undefined || address === "") return makeRange(sheet, 0, 0, MAX_ROW + 1, MAX_COL + 1);
        var p = parseAddress(address);
        return makeRange(sheet, p.row, p.col, p.rows, p.cols);
      },
      getRangeByIndexes: function (r, c, rows, cols) {
        return makeRange(sheet, r, c, rows, cols);
      },
      getCell: function (r, c) {
        return makeRange(sheet, r, c, 1, 1);
      },
      getUsedRange: function (valuesOnly) {
        return usedRange(sheet, false);
      },
      getUsedRangeOrNullObject: function (valuesOnly) {
        return usedRange(sheet, true);
      },
    };
    var proxy = withFallback(ws, path);
    sheetProxies.set(sheet, proxy);
    return proxy;
  }

  function findSheet(name) {
    var lower = String(name).toLowerCase();
    for (var i = 0; i < sheets.length; i++) if (sheets[i].name.toLowerCase() === lower) return sheets[i];
    return undefined;
  }

  var worksheets = withFallback(
    {
      get items() {
        return sheets.map(sheetProxy);
      },
      load: function () {
        return this;
      },
      getCount: function () {
        return {
          value: sheets.length,
          load: function () {
            return this;
          },
        };
      },
      getItem: function (name) {
        var s = findSheet(name);
        if (!s) throw apiError("ItemNotFound", "The requested resource doesn't exist: " + name);
        return sheetProxy(s);
      },
      getItemOrNullObject: function (name) {
        var s = findSheet(name);
        return s ? sheetProxy(s) : nullObject("worksheets(" + name + ")");
      },
      getActiveWorksheet: function () {
        return sheetProxy(active.sheet || sheets[0]);
      },
      add: function (name) {
        var wanted = name || "Sheet" + (sheets.length + 1);
        if (findSheet(wanted)) throw apiError("ItemAlreadyExists", "A sheet named " + wanted + " already exists");
        var s = new Sheet(wanted);
        sheets.push(s);
        record("worksheets.add", "call", [wanted]);
        return sheetProxy(s);
      },
    },
    "worksheets",
  );

  function nameItem(entry) {
    return withFallback(
      {
        isNullObject: false,
        get name() {
          return entry.name;
        },
        get type() {
          return entry.type;
        },
        get value() {
          return entry.value;
        },
        get formula() {
          return entry.formula;
        },
        get visible() {
          return entry.visible;
        },
        set visible(v) {
          entry.visible = v;
        },
        get comment() {
          return entry.comment;
        },
        set comment(v) {
          entry.comment = v;
        },
        load: function () {
          return this;
        },
        delete: function () {
          names.splice(names.indexOf(entry), 1);
        },
        getRange: function () {
          return recorder("name(" + entry.name + ").getRange()");
        },
        getRangeOrNullObject: function () {
          return nullObject("name(" + entry.name + ").range");
        },
      },
      "name(" + entry.name + ")",
    );
  }
  function addName(name, reference, comment) {
    var existing = names.find(function (n) {
      return n.name.toLowerCase() === String(name).toLowerCase();
    });
    if (existing) throw apiError("ItemAlreadyExists", "The name " + name + " already exists");
    var formula =
      typeof reference === "string"
        ? reference.charAt(0) === "="
          ? reference
          : "=" + reference
        : "=" + (reference && reference.address);
    var m = /^="((?:[^"]|"")*)"$/.exec(formula);
    var entry = {
      name: String(name),
      formula: formula,
      value: m ? m[1].replace(/""/g, '"') : formula.slice(1),
      type: m ? "String" : "Range",
      visible: true,
      comment: comment || "",
    };
    names.push(entry);
    return nameItem(entry);
  }
  var namesCollection = withFallback(
    {
      get items() {
        return names.map(nameItem);
      },
      load: function () {
        return this;
      },
      add: addName,
      addFormulaLocal: addName,
      getItem: function (name) {
        var e = names.find(function (n) {
          return n.name.toLowerCase() === String(name).toLowerCase();
        });
        if (!e) throw apiError("ItemNotFound", "No name " + name);
        return nameItem(e);
      },
      getItemOrNullObject: function (name) {
        var e = names.find(function (n) {
          return n.name.toLowerCase() === String(name).toLowerCase();
        });
        return e ? nameItem(e) : nullObject("names(" + name + ")");
      },
      getCount: function () {
        return {
          value: names.length,
          load: function () {
            return this;
          },
        };
      },
    },
    "names",
  );

  // The workbook's custom XML parts (the edition the workbook carries): a list of { id, xml }, found by namespace.
  var xmlParts = [];
  var namespaceOf = function (xml) {
    var m = /<[^?!][^>]*?\sxmlns="([^"]*)"/.exec(xml);
    return m ? m[1] : "";
  };
  function xmlPartItem(part) {
    return withFallback(
      {
        get id() {
          return part.id;
        },
        getXml: function () {
          return { value: part.xml };
        },
        setXml: function (xml) {
          part.xml = xml;
          record("customXmlParts.setXml", "call", [part.id]);
        },
        delete: function () {
          xmlParts = xmlParts.filter(function (p) {
            return p !== part;
          });
        },
        load: function () {
          return this;
        },
      },
      "customXmlParts(" + part.id + ")",
    );
  }
  var customXmlParts = withFallback(
    {
      add: function (xml) {
        var part = { id: "{PART-" + (xmlParts.length + 1) + "}", xml: xml };
        xmlParts.push(part);
        record("customXmlParts.add", "call", [part.id]);
        return xmlPartItem(part);
      },
      getByNamespace: function (ns) {
        return withFallback(
          {
            get items() {
              return xmlParts
                .filter(function (p) {
                  return namespaceOf(p.xml) === ns;
                })
                .map(xmlPartItem);
            },
            load: function () {
              return this;
            },
          },
          "customXmlParts.getByNamespace",
        );
      },
      load: function () {
        return this;
      },
    },
    "customXmlParts",
  );

  // workbook.tables: every sheet's tables, by name.
  var allTables = function () {
    return sheets
      .filter(function (sh) {
        return !sh.deleted;
      })
      .reduce(function (acc, sh) {
        return acc.concat(sh.tables.items);
      }, []);
  };
  var workbookTables = withFallback(
    {
      get items() {
        return allTables();
      },
      load: function () {
        return this;
      },
      getItem: function (name) {
        var t = allTables().find(function (x) {
          return x.name.toLowerCase() === String(name).toLowerCase();
        });
        if (!t) throw apiError("ItemNotFound", "No table " + name);
        return t;
      },
    },
    "tables",
  );

  workbook = withFallback(
    {
      worksheets: worksheets,
      names: namesCollection,
      customXmlParts: customXmlParts,
      tables: workbookTables,
      application: withFallback(
        {
          calculationMode: "Automatic",
          suspendApiCalculationUntilNextSync: function () {
            record("application.suspendApiCalculationUntilNextSync", "call", []);
          },
          suspendScreenUpdatingUntilNextSync: function () {
            record("application.suspendScreenUpdatingUntilNextSync", "call", []);
          },
          calculate: function () {},
          load: function () {
            return this;
          },
        },
        "application",
      ),
      getActiveCell: function () {
        if (!active.sheet) throw apiError("ItemNotFound", "No active sheet");
        return makeRange(active.sheet, active.row, active.col, 1, 1);
      },
      getSelectedRange: function () {
        if (!active.sheet) throw apiError("ItemNotFound", "No active sheet");
        return makeRange(active.sheet, active.row, active.col, 1, 1);
      },
      load: function () {
        return this;
      },
    },
    "workbook",
  );

  // The blank workbook Excel opens with; the active cell is B2.
  sheets.push(new Sheet(settings.firstSheet || "Sheet1"));
  active = { sheet: sheets[0], row: 1, col: 1 };
  (settings.foreignSheets || []).forEach(function (name) {
    var s = new Sheet(name);
    s.cell(0, 0, true).value = "别人的表";
    sheets.push(s);
  });

  function RequestContext() {
    this.workbook = workbook;
    this.application = workbook.application;
    this.trackedObjects = { add: function () {}, remove: function () {} };
    this.runtime = recorder("runtime");
  }
  RequestContext.prototype.sync = function (passThrough) {
    syncs++;
    return new Promise(function (resolve) {
      setTimeout(function () {
        resolve(passThrough);
      }, settings.syncDelayMs || 5);
    });
  };
  RequestContext.prototype.load = function (obj) {
    return obj;
  };

  var runs = 0;
  function run(a, b) {
    var batch = typeof a === "function" ? a : b;
    runs++;
    return Promise.resolve().then(function () {
      return batch(new RequestContext());
    });
  }

  /** Enums read at run time (Excel.ChartType.barStacked …) answer their own member name, as the real strings do. */
  function enumProxy(name) {
    return new Proxy(
      {},
      {
        get: function (_, key) {
          return typeof key === "string" ? key : undefined;
        },
      },
    );
  }
  var excelBase = {
    run: run,
    RequestContext: RequestContext,
    ErrorCodes: enumProxy("ErrorCodes"),
    createWorkbook: function () {
      return Promise.resolve();
    },
  };
  window.Excel = new Proxy(excelBase, {
    get: function (t, key) {
      return key in t ? t[key] : typeof key === "string" ? enumProxy(key) : undefined;
    },
  });

  function OfficeError(code, message) {
    var e = apiError(code, message);
    return e;
  }
  window.OfficeExtension = {
    Error: OfficeError,
    ErrorCodes: enumProxy("ErrorCodes"),
    config: {},
    Promise: Promise,
  };

  // ---------- custom functions (the functions bundle shares the page) ----------
  var associated = {};
  function CFError(code, message) {
    this.code = code;
    this.message = message;
  }
  window.CustomFunctions = {
    associate: function (id, fn) {
      if (typeof id === "object")
        Object.keys(id).forEach(function (k) {
          associated[k] = id[k];
        });
      else associated[id] = fn;
    },
    Error: CFError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    },
  };

  // ---------- Office ----------
  var displayLanguage = settings.displayLanguage || "zh-CN";
  var info = { host: "Excel", platform: "OfficeOnline" };
  var officeBase = {
    HostType: {
      Excel: "Excel",
      Word: "Word",
      PowerPoint: "PowerPoint",
      Outlook: "Outlook",
      OneNote: "OneNote",
      Project: "Project",
      Access: "Access",
    },
    PlatformType: {
      PC: "PC",
      OfficeOnline: "OfficeOnline",
      Mac: "Mac",
      iOS: "iOS",
      Android: "Android",
      Universal: "Universal",
    },
    context: {
      displayLanguage: displayLanguage,
      contentLanguage: displayLanguage,
      host: "Excel",
      platform: "OfficeOnline",
      diagnostics: { host: "Excel", platform: "OfficeOnline", version: "16.0.0.0" },
      requirements: {
        // settings.excelApi ("1.7", "1.1" …): an older Excel, whose ExcelApi stops at that version.
        isSetSupported: function (name, version) {
          if (name !== "ExcelApi" || !settings.excelApi) return true;
          var want = String(version || "1.1").split(".");
          var have = String(settings.excelApi).split(".");
          for (var i = 0; i < 2; i++) {
            var d = Number(want[i] || 0) - Number(have[i] || 0);
            if (d !== 0) return d < 0;
          }
          return true;
        },
      },
      document: recorder("Office.context.document"),
      officeTheme: undefined,
    },
    onReady: function (callback) {
      var ready = new Promise(function (resolve) {
        setTimeout(function () {
          resolve(info);
        }, settings.readyDelayMs || 0);
      });
      if (typeof callback === "function") ready.then(callback);
      return ready;
    },
    initialize: undefined,
    actions: { associate: function () {} },
    addin: {
      setStartupBehavior: function () {
        return Promise.resolve();
      },
      showAsTaskpane: function () {
        return Promise.resolve();
      },
      hide: function () {
        return Promise.resolve();
      },
      onVisibilityModeChanged: function () {
        return Promise.resolve();
      },
    },
  };
  window.Office = new Proxy(officeBase, {
    get: function (t, key) {
      return key in t ? t[key] : typeof key === "string" ? recorder("Office." + key) : undefined;
    },
  });

  // ---------- what the test inspects ----------
  window.__zc = {
    log: log,
    get syncs() {
      return syncs;
    },
    get runs() {
      return runs;
    },
    customFunctions: associated,
    /** The workbook's custom XML parts as { id, xml }. */
    xmlParts: function () {
      return xmlParts.map(function (p) {
        return { id: p.id, xml: p.xml };
      });
    },
    sheetNames: function () {
      return sheets.map(function (s) {
        return s.name;
      });
    },
    names: function () {
      return names.map(function (n) {
        return { name: n.name, value: n.value, formula: n.formula, visible: n.visible };
      });
    },
    /** A sheet's cells as { "A1": { value, formula } } (non-empty only). */
    cells: function (sheetName) {
      var s = findSheet(sheetName);
      if (!s) return null;
      var out = {};
      s.cells.forEach(function (c, key) {
        if ((c.value === "" || c.value === null) && c.formula === undefined) return;
        var rc = key.split(",").map(Number);
        out[colLetters(rc[1]) + (rc[0] + 1)] =
          c.formula !== undefined ? { value: c.value, formula: c.formula } : { value: c.value };
      });
      return out;
    },
    /** A sheet's merged areas as A1 ranges, in the order merged. */
    merges: function (sheetName) {
      var s = findSheet(sheetName);
      return s
        ? s.merges.map(function (m) {
            return a1(m.row, m.col, m.rows, m.cols);
          })
        : null;
    },
    /** A cell's number format ("@" for text). */
    numberFormat: function (sheetName, address) {
      var s = findSheet(sheetName);
      var p = parseAddress(address);
      var c = s && s.cell(p.row, p.col);
      return c ? c.numberFormat : "General";
    },
    /** Types a value into a cell as a user would. */
    type: function (sheetName, address, value) {
      var s = findSheet(sheetName);
      var p = parseAddress(address);
      setCellInput(s.cell(p.row, p.col, true), value);
    },
    select: function (sheetName, address) {
      var p = parseAddress(address);
      active = { sheet: findSheet(sheetName), row: p.row, col: p.col };
    },
    addSheet: function (name) {
      worksheets.add(name);
    },
    /** Rewrites a defined name's string constant (e.g. to age a sheet's marker). */
    setName: function (name, text) {
      var entry = names.find(function (n) {
        return n.name === name;
      });
      entry.value = text;
      entry.formula = '="' + text.replace(/"/g, '""') + '"';
    },
  };
})();
