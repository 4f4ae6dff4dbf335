/**
 * 绩效自评 recalculated by LibreOffice equals the engine. A 2025 workbook is filled through 12月 the way a person
 * does it (UNO: each target's 12月 figure on 月度填报 — some short, some over, some not reported —, each area's 12月
 * spending, 上年值 of the 上升/下降 targets, 满意度 of seven areas, classes changed in the drop-down); then the settings
 * block is changed three ways (the usual 10/50/30/10, and two local rules with other bands and 满意度 full marks),
 * LibreOffice recalculates, and every area's total and grade and every indicator's weight and score equal
 * areaSelfEvaluation's for the same settings. The 12月 report, reading the saved file, scores each area the same
 * (it reads the sheet's settings, classes and 满意度).
 * Last, `template --update` with a corrected edition keeps everything staff typed or changed on the sheet.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { templateCommand } from "../../src/cli/commands/template";
import { runInProcess } from "../support/inProcessCli";
import {
  areaSelfEvaluation,
  fromYi,
  indexEdition,
  isCalcError,
  proposeIndicatorClass,
  type EvaluationSettings,
  type IndicatorClass,
} from "../../src/engine";
import { getEdition } from "../../src/policy";
import { serializeEditionFile, toEditionFile } from "../../src/policy/editionFile";
import type { EditionData, Target } from "../../src/policy/types";
import { monthReportText } from "../../src/report";
import { columnLetter } from "../../src/workbook/a1";
import { HEADER_ROW } from "../../src/sheets/layout";
import { spendingMonthColumn } from "../../src/sheets/monthly";
import { readFigures } from "../../src/sheets/reportFigures";
import {
  AREA_HEADER_ROW,
  areaCol,
  selfEvaluationCol,
  selfEvaluationHeaderRow,
  SETTINGS,
  settingOf,
  SETTINGS_ROW,
} from "../../src/sheets/selfEvaluationLayout";
import { writeWorkbookEdition } from "../../src/xlsx/editionPart";
import { writeTemplate } from "../../src/xlsx";
import { readFileSnapshot } from "../../src/xlsx/snapshot";
import { requireLibreOfficeUno } from "../support/realEngines";

const describeUno = requireLibreOfficeUno() ? describe : describe.skip;
const HARNESS = path.join(__dirname, "..", "support", "lo_uno.py");
const data = getEdition("yueqing-2025") as EditionData;
const index = indexEdition(data);
const NOW = new Date("2025-12-31T02:00:00Z");
const S = "绩效自评";
const h = selfEvaluationHeaderRow(data.areas.length);

/** The three settings: the Ministry's usual, and two local rules (other weights, bands and 满意度 full marks). */
const SETTINGS_CASES: readonly EvaluationSettings[] = [
  {
    weights: { 预算执行率: 10, 产出: 50, 效益: 30, 满意度: 10 },
    bands: { 优: 90, 良: 80, 中: 60 },
    satisfactionTarget: 0.9,
  },
  {
    weights: { 预算执行率: 20, 产出: 40, 效益: 30, 满意度: 10 },
    bands: { 优: 85, 良: 75, 中: 60 },
    satisfactionTarget: 0.95,
  },
  {
    weights: { 预算执行率: 5, 产出: 60, 效益: 25, 满意度: 10 },
    bands: { 优: 95, 良: 85, 中: 70 },
    satisfactionTarget: 1,
  },
];

/** 12月 of each target (its own scale), or null for not reported: short, met, over and blank in turn. */
function december(t: Target, i: number): number | null {
  if (t.comparator === "increase") return 5.1;
  if (t.comparator === "decrease") return 1.72;
  if (i % 9 === 3 || t.value === null) return null;
  if (t.comparator === "rank<=") return t.value * 2;
  return [0.8, 1, 1.25, 0.55][i % 4]! * t.value;
}
const PREVIOUS: Record<string, number> = { "area6-fai-stable": 6, "area7-income-ratio": 1.75 };
/** 12月 spending as a share of the budget by area; the last area has not reported. */
const SPENT_SHARE = [0.95, 1, 0.8, 1.1, 0.6, 0.9, 0.99, null] as const;
/** 满意度 typed, by area; the last area's is left blank. */
const SATISFACTION = [0.95, 0.88, 0.8, 0.92, 0.7, 0.9, 0.85, null] as const;
/** Classes staff changed: one target of area 1 to 效益, every target of area 4 to 产出 (one class only). */
const CHANGED = new Map<string, IndicatorClass>([
  [data.targets.find((t) => t.area === 1 && proposeIndicatorClass(t) === "产出")!.id, "效益"],
  ...data.targets.filter((t) => t.area === 4).map((t) => [t.id, "产出"] as [string, IndicatorClass]),
]);
const classOf = (t: Target) => CHANGED.get(t.id) ?? proposeIndicatorClass(t);

function engine(settings: EvaluationSettings) {
  return data.areas.map((area, a) => {
    const share = SPENT_SHARE[a] ?? null;
    const indicators = data.targets
      .filter((t) => t.area === area.no)
      .map((t) => ({
        target: t,
        class: classOf(t),
        actual: december(t, data.targets.indexOf(t)),
        previous: PREVIOUS[t.id] ?? null,
      }));
    const e = areaSelfEvaluation(
      {
        budget: area.budgetYi,
        spent: share === null ? null : area.budgetYi * share,
        satisfaction: SATISFACTION[a] ?? null,
        indicators,
      },
      settings,
    );
    if (isCalcError(e)) throw new Error(e.message);
    return e;
  });
}

/** The edition a refresh brings: one target more (as an edition file must be, its quote states its figure). */
function nextEdition(): EditionData {
  const first = data.targets.find((t) => t.id === "art01-hitech-firms")!;
  const added: Target = {
    ...first,
    id: "art01-new-rd-centers",
    indicator: "新增省级企业研发中心",
    value: 12,
    quote: "新增省级企业研发中心12家以上",
  };
  const { text: _text, ...rest } = data;
  return { ...rest, targets: data.targets.flatMap((t) => (t.id === first.id ? [t, added] : [t])) };
}

function uno(dir: string, jobs: unknown[]): void {
  const job = path.join(dir, `job-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(job, JSON.stringify({ profile: path.join(dir, "profile"), jobs }));
  execFileSync("/usr/bin/python3", [HARNESS, job], { stdio: "pipe", timeout: 1_200_000 });
}

const settingOps = (settings: EvaluationSettings) =>
  SETTINGS.map((s, i) => ({
    op: "set",
    sheet: S,
    cell: `${columnLetter(i + 1)}${SETTINGS_ROW}`,
    value: settingOf(settings, s.key),
  }));

type Dump = { cells: Record<string, unknown[][]> };

describeUno("绩效自评 recalculated by LibreOffice equals the engine", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "zc-selfeval-"));
  const file = (name: string) => path.join(dir, name);
  const dumps: Dump[] = [];

  beforeAll(async () => {
    const { buffer } = await writeTemplate(data, { now: NOW, reportDate: "2025-12-31" });
    writeFileSync(file("blank.xlsx"), await writeWorkbookEdition(buffer, data));
    const ops: Record<string, unknown>[] = [];
    data.targets.forEach((t, i) => {
      const v = december(t, i);
      if (v !== null)
        ops.push({ op: "set", sheet: "月度填报", id: t.id, col: "12月", value: t.unit === "%" ? v / 100 : v });
      if (PREVIOUS[t.id] !== undefined)
        ops.push({ op: "set", sheet: "目标任务", id: t.id, col: "上年值", value: PREVIOUS[t.id] });
    });
    data.areas.forEach((area, a) => {
      const share = SPENT_SHARE[a];
      const cell = `${columnLetter(spendingMonthColumn(12))}${HEADER_ROW + 1 + a}`;
      if (share !== null && share !== undefined) {
        ops.push({ op: "set", sheet: "月度支出", cell, value: fromYi(area.budgetYi, "万元") * share });
      }
      const satisfaction = SATISFACTION[a];
      const at = `${columnLetter(areaCol("满意度"))}${AREA_HEADER_ROW + 1 + a}`;
      if (satisfaction !== null && satisfaction !== undefined)
        ops.push({ op: "set", sheet: S, cell: at, value: satisfaction });
    });
    for (const [id, cls] of CHANGED) ops.push({ op: "set", sheet: S, id, col: "类别", value: cls });
    // One soffice session: the staff's year, then each settings case from it, recalculated.
    uno(dir, [
      { in: file("blank.xlsx"), ops, out: file("filled.xlsx") },
      ...SETTINGS_CASES.map((settings, k) => ({
        in: file("filled.xlsx"),
        ops: settingOps(settings),
        out: file(`case${k}.xlsx`),
        recalc: true,
        dump: file(`case${k}.json`),
      })),
    ]);
    SETTINGS_CASES.forEach((_, k) => dumps.push(JSON.parse(readFileSync(file(`case${k}.json`), "utf8")) as Dump));
  }, 1_300_000);

  it.each([0, 1, 2])("settings %i: every area's total and grade, every weight and score", (k) => {
    const settings = SETTINGS_CASES[k]!;
    const cells = dumps[k]!.cells[S]!;
    // The month typed is what the sheet reads (月度支出's layout as assumed above).
    expect(dumps[k]!.cells["月度支出"]![HEADER_ROW]![0]).toBe(`${data.areas[0]!.numeral}、${data.areas[0]!.title}`);
    const expected = engine(settings);
    const grades = new Set<string>();
    data.areas.forEach((area, a) => {
      const row = cells[AREA_HEADER_ROW + a]!;
      const e = expected[a]!;
      if (isCalcError(e.total) || isCalcError(e.grade)) throw new Error("engine could not score");
      expect([area.no, row[areaCol("总分") - 1]]).toEqual([area.no, expect.closeTo(e.total, 6)]);
      expect([area.no, row[areaCol("等级") - 1]]).toEqual([area.no, e.grade]);
      expect(row[areaCol("执行率得分") - 1]).toBeCloseTo(e.execution.score as number, 6);
      expect(row[areaCol("满意度得分") - 1]).toBeCloseTo(e.satisfaction.score, 6);
      grades.add(e.grade);
    });
    // The cases reach more than one grade: the bands are really compared.
    expect(grades.size).toBeGreaterThan(1);
    const byId = new Map(cells.slice(h).map((row) => [row[0], row]));
    for (const e of expected) {
      for (const i of e.indicators) {
        const row = byId.get(i.id)!;
        expect([i.id, row[selfEvaluationCol("权重") - 1]]).toEqual([i.id, expect.closeTo(i.weight, 6)]);
        expect([i.id, row[selfEvaluationCol("得分") - 1]]).toEqual([i.id, expect.closeTo(i.score as number, 6)]);
      }
    }
  });

  it("the 12月 report reads the sheet's settings, classes and 满意度: each area's score and grade are the sheet's", async () => {
    for (const [k, settings] of SETTINGS_CASES.entries()) {
      const snap = await readFileSnapshot(await JSZip.loadAsync(readFileSync(file(`case${k}.xlsx`))));
      const sheets = [...(snap.snapshot.sheets?.values() ?? [])];
      const { figures } = readFigures(data, sheets);
      expect(figures.evaluation?.settings).toEqual(settings);
      expect(figures.evaluation?.classes.get(CHANGED.keys().next().value!)).toBe("效益");
      // What the CLI's report and the pane's draft: the 绩效自评 section, one paragraph per area after the rule.
      const section = monthReportText(figures, 12).sections.at(-1)!;
      expect(section.heading).toMatch(/绩效自评$/);
      expect(section.paragraphs[0]).toContain(
        `预算执行率${settings.weights.预算执行率}分、产出指标${settings.weights.产出}分`,
      );
      const cells = dumps[k]!.cells[S]!;
      data.areas.forEach((area, a) => {
        const row = cells[AREA_HEADER_ROW + a]!;
        const total = Number(row[areaCol("总分") - 1]).toFixed(2);
        expect(section.paragraphs[1 + a]).toContain(
          `${area.title}:自评得分${total}分,等级“${String(row[areaCol("等级") - 1])}”`,
        );
      });
    }
  }, 120_000);

  it("template --update keeps the settings, classes and 满意度 staff changed, and a column they added", async () => {
    const custom = SETTINGS_CASES[1]!;
    const headerCell = `${columnLetter(selfEvaluationCol("核对") + 1)}${h}`;
    const noteCell = `${columnLetter(selfEvaluationCol("核对") + 1)}${h + 1}`;
    uno(dir, [
      {
        in: file("case1.xlsx"),
        ops: [
          { op: "set", sheet: S, cell: headerCell, value: "科室意见" },
          { op: "set", sheet: S, cell: noteCell, value: "已核" },
        ],
        out: file("staff.xlsx"),
      },
    ]);
    const next = nextEdition();
    writeFileSync(file("next.json"), serializeEditionFile(toEditionFile(next)));
    const run = await runInProcess(templateCommand, ["--update", file("staff.xlsx"), "--edition", file("next.json")]);
    expect([run.code, run.stderr]).toEqual([0, expect.not.stringContaining("错误")]);
    uno(dir, [{ in: file("staff.xlsx"), recalc: true, dump: file("staff.json") }]);
    const cells = (JSON.parse(readFileSync(file("staff.json"), "utf8")) as Dump).cells[S]!;
    expect(SETTINGS.map((_, i) => cells[SETTINGS_ROW - 1]![i])).toEqual(SETTINGS.map((s) => settingOf(custom, s.key)));
    data.areas.forEach((_, a) =>
      expect(cells[AREA_HEADER_ROW + a]![areaCol("满意度") - 1]).toBe(SATISFACTION[a] === null ? "" : SATISFACTION[a]),
    );
    const byId = new Map(cells.slice(h).map((row) => [row[0], row]));
    for (const t of data.targets) expect([t.id, byId.get(t.id)?.[3]]).toEqual([t.id, classOf(t)]);
    expect(cells[h - 1]![selfEvaluationCol("核对")]).toBe("科室意见");
    expect(cells[h]![selfEvaluationCol("核对")]).toBe("已核");
    // The new target has its row, with the proposed class, and the area still scores what the engine says.
    const added = next.targets.find((t) => !index.target(t.id))!;
    expect(byId.get(added.id)?.[3]).toBe(proposeIndicatorClass(added));
  }, 600_000);
});
