#!/usr/bin/python3
"""Edits workbooks in LibreOffice the way a person does, through UNO, in one soffice session for many files.

Usage: /usr/bin/python3 tests/support/lo_uno.py JOB.json   (Debian's python3 with python3-uno)

JOB.json: {"profile": "/tmp/dir", "jobs": [JOB, ...]} where a JOB is
  {"in": "a.xlsx", "ops": [OP, ...], "out": "b.xlsx"}        edit and save as .xlsx
  {"in": "a.xlsx", "recalc": true, "dump": "a.json"}         recalculate and dump every sheet as JSON
(a job may do both: ops, then save, then dump). A cell is {"sheet", "cell": "J5"} or
{"sheet", "id": "<编号>", "col": "<header>"}: the row whose 编号 is id, the column whose header starts with col.

OPs: set (value: number, text, "=formula" or {"bool": true}), type (text, parsed as typed input), unprotect, sort (header, descending), insertRows / deleteRows
(row 1-based, count), renameSheet (to), insertSheet (name, position), comment (text), fill (rgb "#RRGGBB"),
hideColumn (header or column letter), chart (name, range, at), pivot (name, range, rowField, dataField, at).
A dump's chartData holds, by sheet, what each chart plots (title, chart types, missing-value treatment, series).
Prints one line per job; exits non-zero on the first failure with the reason.
"""
import json
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.awt import Rectangle
from com.sun.star.table import CellAddress, CellRangeAddress


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(profile):
    pipe = "zcuno%d" % os.getpid()
    os.makedirs(profile, exist_ok=True)
    proc = subprocess.Popen(
        [
            "soffice",
            "-env:UserInstallation=file://" + profile,
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(240):
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            smgr = ctx.ServiceManager
            return proc, smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        except Exception:
            if proc.poll() is not None:
                raise RuntimeError("soffice exited with %s" % proc.returncode)
            time.sleep(0.5)
    proc.kill()
    raise RuntimeError("soffice did not accept a connection in 120 s")


def url(path):
    return uno.systemPathToFileUrl(os.path.abspath(path))


def col_letter(n):
    s = ""
    while n >= 0:
        s = chr(65 + n % 26) + s
        n = n // 26 - 1
    return s


def col_index(letters):
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def used(sheet):
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    a = cursor.getRangeAddress()
    return a.EndRow, a.EndColumn


def header_row(sheet):
    rows, cols = used(sheet)
    data = sheet.getCellRangeByPosition(0, 0, cols, min(rows, 60)).getDataArray()
    # A row with 编号 first: 绩效监控 has a 领域 block above its table of targets.
    for r, row in enumerate(data):
        if "编号" in row:
            return r, list(row)
    for r, row in enumerate(data):
        if any(isinstance(v, str) and v.startswith("领域") for v in row[:1]):
            return r, list(row)
    raise RuntimeError("no header row on " + sheet.Name)


def column_of(sheet, header):
    r, row = header_row(sheet)
    for c, v in enumerate(row):
        if isinstance(v, str) and v.startswith(header):
            return r, c
    raise RuntimeError("no column %s on %s" % (header, sheet.Name))


def locate(doc, spec):
    sheet = doc.Sheets.getByName(spec["sheet"])
    if "cell" in spec:
        return sheet, sheet.getCellRangeByName(spec["cell"])
    hr, idc = column_of(sheet, "编号")
    _, c = column_of(sheet, spec["col"])
    rows, _ = used(sheet)
    ids = sheet.getCellRangeByPosition(idc, 0, idc, rows).getDataArray()
    for r, (v,) in enumerate(ids):
        if r > hr and v == spec["id"]:
            return sheet, sheet.getCellByPosition(c, r)
    raise RuntimeError("no row with 编号 %s on %s" % (spec["id"], spec["sheet"]))


def apply(doc, op):
    kind = op["op"]
    if kind == "set":
        _, cell = locate(doc, op)
        v = op["value"]
        if isinstance(v, dict) and "bool" in v:
            cell.setValue(1 if v["bool"] else 0)
            fmts = doc.NumberFormats
            cell.NumberFormat = fmts.getStandardFormat(uno.getConstantByName("com.sun.star.util.NumberFormat.LOGICAL"), doc.CharLocale)
        elif isinstance(v, (int, float)):
            cell.setValue(v)
        elif isinstance(v, str) and v.startswith("="):
            cell.setFormula(v)
        else:
            cell.setString(v)
    elif kind == "type":
        # As typed into the cell: LibreOffice's input parsing decides (3.3% a percentage, １２ a number or text).
        _, cell = locate(doc, op)
        cell.setFormula(op["text"])
    elif kind == "unprotect":
        doc.Sheets.getByName(op["sheet"]).unprotect(op.get("password", ""))
    elif kind == "sort":
        sheet = doc.Sheets.getByName(op["sheet"])
        hr, c = column_of(sheet, op["header"])
        rows, cols = used(sheet)
        # The table's rows only (the header and everything contiguous below it).
        _, idc = column_of(sheet, "编号")
        ids = sheet.getCellRangeByPosition(idc, hr, idc, rows).getDataArray()
        last = hr
        while last + 1 - hr < len(ids) and ids[last + 1 - hr][0] != "":
            last += 1
        rng = sheet.getCellRangeByPosition(0, hr, cols, last)
        field = uno.createUnoStruct("com.sun.star.table.TableSortField")
        field.Field = c
        field.IsAscending = not op.get("descending", False)
        desc = rng.createSortDescriptor()
        for d in desc:
            if d.Name == "SortFields":
                d.Value = uno.Any("[]com.sun.star.table.TableSortField", (field,))
            elif d.Name == "ContainsHeader":
                d.Value = True
        uno.invoke(rng, "sort", (desc,))
    elif kind == "insertRows":
        doc.Sheets.getByName(op["sheet"]).Rows.insertByIndex(op["row"] - 1, op.get("count", 1))
    elif kind == "deleteRows":
        doc.Sheets.getByName(op["sheet"]).Rows.removeByIndex(op["row"] - 1, op.get("count", 1))
    elif kind == "deleteTargetRow":
        sheet, cell = locate(doc, {**op, "col": "编号"})
        sheet.Rows.removeByIndex(cell.CellAddress.Row, 1)
    elif kind == "renameSheet":
        doc.Sheets.getByName(op["sheet"]).Name = op["to"]
    elif kind == "insertSheet":
        doc.Sheets.insertNewByName(op["name"], op.get("position", doc.Sheets.Count))
    elif kind == "comment":
        sheet, cell = locate(doc, op)
        sheet.Annotations.insertNew(cell.CellAddress, op["text"])
    elif kind == "fill":
        _, cell = locate(doc, op)
        cell.CellBackColor = int(op["rgb"].lstrip("#"), 16)
    elif kind == "hideColumn":
        sheet = doc.Sheets.getByName(op["sheet"])
        c = column_of(sheet, op["header"])[1] if "header" in op else col_index(op["column"])
        sheet.Columns.getByIndex(c).IsVisible = False
    elif kind == "chart":
        sheet = doc.Sheets.getByName(op["sheet"])
        a = sheet.getCellRangeByName(op["range"]).getRangeAddress()
        at = sheet.getCellRangeByName(op["at"]).Position
        rect = Rectangle(at.X, at.Y, 12000, 7000)
        sheet.Charts.addNewByName(op["name"], rect, (a,), True, True)
    elif kind == "pivot":
        sheet = doc.Sheets.getByName(op["sheet"])
        source = doc.Sheets.getByName(op.get("source", op["sheet"]))
        tables = sheet.getDataPilotTables()
        desc = tables.createDataPilotDescriptor()
        desc.setSourceRange(source.getCellRangeByName(op["range"]).getRangeAddress())
        fields = desc.getDataPilotFields()
        names = [fields.getByIndex(i).Name for i in range(fields.Count)]
        row_field = fields.getByIndex(names.index(op["rowField"]))
        row_field.Orientation = uno.Enum("com.sun.star.sheet.DataPilotFieldOrientation", "ROW")
        data_field = fields.getByIndex(names.index(op["dataField"]))
        data_field.Orientation = uno.Enum("com.sun.star.sheet.DataPilotFieldOrientation", "DATA")
        data_field.Function = uno.Enum("com.sun.star.sheet.GeneralFunction", op.get("function", "COUNT"))
        tables.insertNewByName(op["name"], sheet.getCellRangeByName(op["at"]).CellAddress, desc)
    else:
        raise RuntimeError("unknown op " + kind)


def plain(v):
    return v if isinstance(v, (int, float, str)) else str(v)


def chart_data(sheet):
    """What each chart of a sheet plots: its title, chart type, missing-value treatment (0 gap, 1 zero, 2 continue)
    and every series' name and values as the chart reads them (a value that is no number is null)."""
    out = []
    charts = sheet.Charts
    for k in range(charts.Count):
        chart = charts.getByIndex(k).EmbeddedObject
        title = chart.getTitleObject()
        diagram = chart.getFirstDiagram()
        entry = {
            "title": "".join(t.getString() for t in title.getText()) if title is not None else "",
            "types": [],
            "missing": diagram.getPropertyValue("MissingValueTreatment"),
            "series": [],
        }
        for system in diagram.getCoordinateSystems():
            for chart_type in system.getChartTypes():
                entry["types"].append(chart_type.getChartType())
                for series in chart_type.getDataSeries():
                    for seq in series.getDataSequences():
                        values = seq.getValues()
                        if values.getPropertyValue("Role") != "values-y":
                            continue
                        label = seq.getLabel()
                        name = "".join(str(v) for v in label.getData()) if label is not None else ""
                        data = [v if isinstance(v, float) else None for v in values.getData()]
                        entry["series"].append({"name": name, "values": data})
        out.append(entry)
    return out


def dump(doc):
    out = {
        "sheets": [],
        "cells": {},
        "formulas": {},
        "comments": {},
        "hidden": {},
        "charts": {},
        "chartData": {},
        "pivots": {},
    }
    for i in range(doc.Sheets.Count):
        sheet = doc.Sheets.getByIndex(i)
        name = sheet.Name
        out["sheets"].append(name)
        rows, cols = used(sheet)
        rng = sheet.getCellRangeByPosition(0, 0, cols, rows)
        # An error result comes back as None: its text instead (#N/A, #DIV/0! …), as a file caches it.
        out["cells"][name] = [
            [plain(v) if v is not None else sheet.getCellByPosition(c, r).getString() for c, v in enumerate(row)]
            for r, row in enumerate(rng.getDataArray())
        ]
        out["formulas"][name] = [list(row) for row in rng.getFormulaArray()]
        ann = sheet.Annotations
        out["comments"][name] = {
            col_letter(ann.getByIndex(k).Position.Column) + str(ann.getByIndex(k).Position.Row + 1): ann.getByIndex(k).String
            for k in range(ann.Count)
        }
        out["hidden"][name] = [col_letter(c) for c in range(cols + 1) if not sheet.Columns.getByIndex(c).IsVisible]
        out["charts"][name] = sheet.Charts.Count
        out["chartData"][name] = chart_data(sheet)
        out["pivots"][name] = sheet.getDataPilotTables().Count
    return out


def main():
    job = json.load(open(sys.argv[1], encoding="utf-8"))
    proc, desktop = connect(job["profile"])
    try:
        for j in job["jobs"]:
            doc = desktop.loadComponentFromURL(url(j["in"]), "_blank", 0, (prop("Hidden", True),))
            if doc is None:
                raise RuntimeError("LibreOffice could not open " + j["in"])
            try:
                for op in j.get("ops", []):
                    try:
                        apply(doc, op)
                    except Exception as e:
                        raise RuntimeError("%s: %s failed: %s" % (j["in"], json.dumps(op, ensure_ascii=False), e))
                if j.get("recalc"):
                    doc.calculateAll()
                if "out" in j:
                    doc.storeToURL(url(j["out"]), (prop("FilterName", "Calc MS Excel 2007 XML"),))
                if "dump" in j:
                    with open(j["dump"], "w", encoding="utf-8") as f:
                        json.dump(dump(doc), f, ensure_ascii=False)
            finally:
                doc.close(True)
            print("ok", j.get("out", j.get("dump", j["in"])))
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        try:
            proc.wait(timeout=30)
        except Exception:
            proc.kill()


if __name__ == "__main__":
    main()
