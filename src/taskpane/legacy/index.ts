/**
 * The pane for old webviews (webpack `legacy`, ECMAScript 5 with core-js; boot.ts loads it in Internet Explorer 11
 * and EdgeHTML). Plain DOM, no React or Fluent UI, and the one job that matters there: choose the sheets and the
 * 报告日期, 生成 / 刷新 the workbook through the same planner and Office.js writer as the main pane
 * (`createExcelActions`), and show what was written. On an Excel below the writer's ExcelApi level (Excel 2016
 * volume-licensed has ExcelApi 1.1–1.2) it says how to build the same workbook with the command line instead.
 */
import "./polyfills";
import { ALL_SHEET_KEYS, createExcelActions, isSetSupported } from "../excel/actions";
import { MIN_EXCEL_API } from "../../excel/capabilities";
import type { GenerateSummary, SheetKey } from "../actions";
import { localIsoDate, readReportDate } from "../dates";
import { legacyText as t } from "./text";

/** How long to wait for Office before saying the pane is not in Excel. */
const OFFICE_WAIT_MS = 10000;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string>,
  children: (Node | string)[],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const name in attributes) {
    if (Object.prototype.hasOwnProperty.call(attributes, name)) node.setAttribute(name, attributes[name] ?? "");
  }
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    node.appendChild(typeof child === "string" ? document.createTextNode(child) : (child as Node));
  }
  return node;
}

function show(root: HTMLElement, nodes: Node[]): void {
  while (root.firstChild) root.removeChild(root.firstChild);
  const page = el("div", { class: "zc-legacy" }, [el("h1", {}, [t.title]), el("p", { class: "zc-note" }, [t.note])]);
  for (let i = 0; i < nodes.length; i++) page.appendChild(nodes[i] as Node);
  root.appendChild(page);
}

function paragraphs(lines: string[], role?: string): HTMLElement {
  const box = el("div", role ? { role } : {}, []);
  for (let i = 0; i < lines.length; i++) box.appendChild(el("p", {}, [lines[i] ?? ""]));
  return box;
}

/** The summary of a write, as the main pane words it. */
function summaryOf(summary: GenerateSummary): HTMLElement {
  const kb = (summary.payloadBytes / 1024).toFixed(summary.payloadBytes < 10240 ? 1 : 0);
  const lines = [
    t.done(summary.sheetsWritten.length, summary.rowsWritten),
    t.sheetsWritten + ":" + (summary.sheetsWritten.length > 0 ? summary.sheetsWritten.join("、") : t.none),
    t.valuesKept + ":" + summary.valuesKept,
  ];
  if (summary.orphanRows > 0) lines.push(t.orphanRows + ":" + summary.orphanRows);
  for (let i = 0; i < summary.skippedFeatures.length; i++) {
    const s = summary.skippedFeatures[i];
    if (s) lines.push(t.skippedFeature(s.feature, s.excelApi, s.sheets.join("、")));
  }
  for (let i = 0; i < summary.skipped.length; i++) {
    const s = summary.skipped[i];
    if (s) lines.push(t.skipped(s.sheet, s.reason));
  }
  lines.push(t.technical(summary.syncs, kb));
  const box = paragraphs(lines, "status");
  box.setAttribute("data-testid", "legacy-summary");
  return box;
}

function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return t.failed(message);
}

/** The form: sheets, 报告日期, one button; the result below it. */
function generateForm(root: HTMLElement): void {
  const actions = createExcelActions();
  const boxes: { key: SheetKey; input: HTMLInputElement }[] = [];
  const sheetList = el("fieldset", {}, [el("legend", {}, [t.sheets])]);
  for (let i = 0; i < ALL_SHEET_KEYS.length; i++) {
    const key = ALL_SHEET_KEYS[i] as SheetKey;
    const input = el("input", { type: "checkbox", id: "zc-sheet-" + i, value: key, checked: "checked" }, []);
    boxes.push({ key, input });
    sheetList.appendChild(el("div", {}, [input, el("label", { for: "zc-sheet-" + i }, [key])]));
  }
  const date = el("input", { type: "text", id: "zc-report-date", value: localIsoDate(), size: "12" }, []);
  const button = el("button", { type: "button", id: "zc-generate" }, [t.button]);
  const result = el("div", { id: "zc-result", "aria-live": "polite" }, []);
  const setResult = (node: Node) => {
    while (result.firstChild) result.removeChild(result.firstChild);
    result.appendChild(node);
  };
  button.onclick = () => {
    const sheets: SheetKey[] = [];
    for (let i = 0; i < boxes.length; i++) if (boxes[i]?.input.checked) sheets.push(boxes[i]?.key as SheetKey);
    const reportDate = readReportDate(date.value);
    if (sheets.length === 0) return setResult(paragraphs([t.noSheet], "alert"));
    if (!reportDate) return setResult(paragraphs([t.badDate], "alert"));
    button.disabled = true;
    setResult(paragraphs([t.running]));
    actions.generate({ sheets, reportDate }).then(
      (summary) => {
        button.disabled = false;
        setResult(summaryOf(summary));
      },
      (error: unknown) => {
        button.disabled = false;
        setResult(paragraphs([errorText(error)], "alert"));
      },
    );
  };
  show(root, [
    el("p", {}, [t.intro]),
    sheetList,
    el("p", {}, [el("label", { for: "zc-report-date" }, [t.reportDate + " "]), date]),
    el("p", { class: "zc-hint" }, [t.reportDateHint]),
    button,
    result,
  ]);
}

function start(): void {
  window.__zcBoot?.started();
  const root = document.getElementById("root");
  if (!root) return;
  if (typeof Office === "undefined") return show(root, [paragraphs(t.noOffice, "alert")]);
  show(root, [paragraphs([t.connecting])]);
  let ready = false;
  const wait = setTimeout(() => {
    if (!ready) show(root, [paragraphs(t.notInExcel, "alert")]);
  }, OFFICE_WAIT_MS);
  Office.onReady(function (info) {
    ready = true;
    clearTimeout(wait);
    if (info.host !== Office.HostType.Excel) return show(root, [paragraphs(t.notInExcel, "alert")]);
    if (!isSetSupported("ExcelApi", MIN_EXCEL_API)) {
      const box = paragraphs(t.tooOld(MIN_EXCEL_API), "alert");
      box.setAttribute("data-testid", "legacy-too-old");
      return show(root, [box]);
    }
    generateForm(root);
  });
}

start();
