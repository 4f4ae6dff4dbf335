import { getEdition, defaultEditionId } from "../../src/policy";
import type { EditionData } from "../../src/policy/types";
import { planPatch, type SheetPatch } from "../../src/sheets";
import { readBackCreated } from "./support/readBack";
import { SHEET_KEYS } from "../../src/sheets/marker";
import { monitorHeaderRow } from "../../src/sheets/monitor";
import { selfEvaluationHeaderRow } from "../../src/sheets/selfEvaluationLayout";

const NOW = new Date("2025-07-01T02:00:00Z");
const data = getEdition(defaultEditionId) as EditionData;

describe("planPatch", () => {
  it("creates every sheet in an empty workbook, then a second refresh has nothing to change", () => {
    const first = planPatch(data, { sheetNames: [], definedNames: [] }, { now: NOW });
    expect(first.sheets.map((s) => s.kind)).toEqual(Array(SHEET_KEYS.length).fill("create"));
    expect(first.summary.cellsWritten).toBeGreaterThan(1000);
    const again = planPatch(data, readBackCreated(first).snapshot, { now: new Date("2025-08-01T00:00:00Z") });
    const changes = (again.sheets as SheetPatch[]).flatMap((s) => s.changes.map((c) => `${s.name}!${c.address}`));
    expect(changes).toEqual([]);
    expect(again.summary.cellsWritten).toBe(0);
    expect(again.names).toEqual([]);
  });
});

/** The edition with one figure corrected and one target added (scenario 14). */
export function correctedEdition(base: EditionData): EditionData {
  const targets = base.targets.map((t) => (t.id === "art01-hitech-firms" ? { ...t, value: (t.value ?? 0) + 5 } : t));
  const model = base.targets.find((t) => t.id === "art01-hitech-firms");
  if (!model) throw new Error("no model target");
  return {
    ...base,
    targets: [...targets, { ...model, id: "art01-new-target", indicator: "新增目标(测试)", value: 12 }],
  };
}

describe("planPatch on an edition change", () => {
  it("updates the corrected figure in place and appends the new target, nothing else on 目标任务", () => {
    const first = planPatch(data, { sheetNames: [], definedNames: [] }, { now: NOW });
    const next = correctedEdition(data);
    const patch = planPatch(next, readBackCreated(first).snapshot, { now: NOW });
    const targets = patch.sheets.find((s) => s.key === "目标任务") as SheetPatch;
    const inPlace = targets.changes.filter((c) => c.reason !== "appendRow");
    expect(inPlace.map((c) => [c.reason, c.rowKey, c.columnKey])).toEqual([
      ["official", "art01-hitech-firms", "目标值"],
    ]);
    expect(patch.summary.officialUpdates.filter((u) => u.sheet === "目标任务")).toHaveLength(1);
    expect(patch.summary.rowsAppended).toEqual([
      { sheet: "目标任务", rowKey: "art01-new-target", row: 118 },
      { sheet: "月度填报", rowKey: "art01-new-target", row: 118 },
      {
        sheet: "绩效监控",
        rowKey: "art01-new-target",
        row: monitorHeaderRow(data.areas.length) + data.targets.length + 1,
      },
      {
        sheet: "绩效自评",
        rowKey: "art01-new-target",
        row: selfEvaluationHeaderRow(data.areas.length) + data.targets.length + 1,
      },
    ]);
    expect(targets.tables).toEqual([
      { table: "ZC_Targets", from: "A4:P117", to: "A4:P118", rowsAdded: 1, columnsAdded: 0, insertsRows: false },
    ]);
    const appended = targets.changes.filter((c) => c.reason === "appendRow");
    expect(new Set(appended.map((c) => c.row))).toEqual(new Set([118]));
    expect(appended.find((c) => c.columnKey === "完成率")?.cell.formula).toContain("J118");
    const others = (patch.sheets as SheetPatch[]).filter((s) => s.key !== "目标任务");
    // 责任分工 lists each department's targets of the article: its count and list change for the article's units.
    for (const sheet of others) {
      const cells = sheet.changes.map((c) => [c.reason, c.column]);
      if (sheet.key === "责任分工") {
        expect(cells.length).toBeGreaterThan(0);
        expect(cells.every(([reason, column]) => reason === "official" && (column === 6 || column === 7))).toBe(true);
      } else if (sheet.key === "月度填报") {
        // The same two changes on the monthly sheet: the corrected 目标值 in place, the new target's row appended.
        const inPlace = sheet.changes.filter((c) => c.reason !== "appendRow");
        expect(inPlace.map((c) => [c.reason, c.rowKey, c.columnKey])).toEqual([
          ["official", "art01-hitech-firms", "目标值"],
        ]);
        expect(new Set(sheet.changes.filter((c) => c.reason === "appendRow").map((c) => c.row))).toEqual(
          new Set([118]),
        );
      } else if (sheet.key === "绩效监控") {
        // 年度指标值 (the form's text of the figure) follows the correction; the new target gets its row.
        const inPlace = sheet.changes.filter((c) => c.reason !== "appendRow");
        expect(inPlace.map((c) => [c.reason, c.rowKey, c.columnKey])).toEqual([
          ["official", "art01-hitech-firms", "年度指标值"],
        ]);
        expect(new Set(sheet.changes.filter((c) => c.reason === "appendRow").map((c) => c.row))).toEqual(
          new Set([monitorHeaderRow(data.areas.length) + data.targets.length + 1]),
        );
      } else if (sheet.key === "绩效自评") {
        // As on 绩效监控: 年度指标值 follows the correction, the new target gets its row (its class proposed).
        const inPlace = sheet.changes.filter((c) => c.reason !== "appendRow");
        expect(inPlace.map((c) => [c.reason, c.rowKey, c.columnKey])).toEqual([
          ["official", "art01-hitech-firms", "年度指标值"],
        ]);
        const appended = sheet.changes.filter((c) => c.reason === "appendRow");
        expect(new Set(appended.map((c) => c.row))).toEqual(
          new Set([selfEvaluationHeaderRow(data.areas.length) + data.targets.length + 1]),
        );
        expect(appended.find((c) => c.columnKey === "类别")?.cell.value).toBe("产出");
      } else if (sheet.key === "说明") {
        // The corrected edition keeps the bundled id: 说明's 版本编号 cell notes that it differs from the bundled one.
        expect(sheet.changes.map((c) => [c.reason, c.column, String(c.cell.value).split("\n")[0]])).toEqual([
          ["official", 2, "yueqing-2025"],
        ]);
      } else expect(cells).toEqual([]);
    }
  });
});
