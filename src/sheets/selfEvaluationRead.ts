import {
  DEFAULT_EVALUATION_SETTINGS,
  type EditionIndex,
  type EvaluationSettings,
  type IndicatorClass,
} from "../engine";
import { readInput, toScalar, type RawCell } from "../workbook/cells";
import type { ExistingSheet } from "../workbook/snapshot";
import { headerKey } from "./layout";
import { areaOfLabel, findHeader } from "./read";
import {
  AREA_HEADER_ROW,
  areaCol,
  isIndicatorClass,
  selfEvaluationHeaderRow,
  SETTINGS,
  SETTINGS_ROW,
  type SettingKey,
} from "./selfEvaluationLayout";

/** The headers that identify 绩效自评's table (its row may have moved down when rows were inserted above). */
export const SELF_EVALUATION_PROBE = ["编号", "类别", "得分"] as const;

/** What staff may have changed on an existing 绩效自评, as the cells hold it (values or their own formulas). */
export interface SelfEvaluationCells {
  /** Rows inserted above the table since it was written (0 when none). */
  readonly offset: number;
  /** Area rows found between the area header and the table, by area number. */
  readonly areaRows: ReadonlyMap<number, number>;
  /** How many area rows the block holds (the edition may have another number of areas). */
  readonly areasRead: number;
  readonly settings: Partial<Record<SettingKey, RawCell>>;
  readonly satisfaction: ReadonlyMap<number, RawCell>;
  /** 类别 by 编号, for every row the table has (the first row of an id wins). */
  readonly classes: ReadonlyMap<string, RawCell>;
}

/** The staff's cells of an existing 绩效自评; undefined when the sheet or its table header is not there. */
export function readSelfEvaluationCells(
  sheet: ExistingSheet | undefined,
  index: EditionIndex,
): SelfEvaluationCells | undefined {
  if (!sheet) return undefined;
  const headerRow = selfEvaluationHeaderRow(index.data.areas.length);
  const found = findHeader(sheet, SELF_EVALUATION_PROBE, headerRow + 30);
  if (found === undefined) return undefined;
  const offset = found + 1 - headerRow;
  const row = (r: number) => sheet.cells[r - 1] ?? [];
  const settings: Partial<Record<SettingKey, RawCell>> = {};
  SETTINGS.forEach((s, i) => {
    const cell = row(SETTINGS_ROW + offset)[i];
    if (cell) settings[s.key] = cell;
  });
  const areaRows = new Map<number, number>();
  const satisfaction = new Map<number, RawCell>();
  let areasRead = 0;
  for (let r = AREA_HEADER_ROW + offset + 1; r <= found; r++) {
    const label = toScalar(row(r)[0]?.value);
    if (typeof label !== "string" || label.trim() === "") break;
    areasRead++;
    const no = areaOfLabel(label.trim(), index);
    if (no === undefined || areaRows.has(no)) continue;
    areaRows.set(no, r);
    const cell = row(r)[areaCol("满意度") - 1];
    if (cell) satisfaction.set(no, cell);
  }
  const heads = row(found + 1).map((c) => headerKey(c?.value));
  const idCol = heads.indexOf("编号");
  const classCol = heads.indexOf("类别");
  const classes = new Map<string, RawCell>();
  for (let r = found + 2; r <= sheet.cells.length; r++) {
    const id = index.target(String(toScalar(row(r)[idCol]?.value) ?? "").trim())?.id;
    // A row whose 类别 is blank is there too: a blank the staff left is not a new row to propose a class for.
    if (id !== undefined && !classes.has(id)) classes.set(id, row(r)[classCol] ?? { value: null });
  }
  return { offset, areaRows, areasRead, settings, satisfaction, classes };
}

const numberIn = (cell: RawCell | undefined): number | undefined => {
  const input = readInput(cell?.value);
  return input.kind === "number" ? input.value : undefined;
};

/**
 * What the 自评报告 scores with, read from 绩效自评: the settings block (a cell that holds no number keeps the usual
 * value), each target's 类别 and each area's 满意度 — so what staff changed on the sheet counts in the report as it
 * does in the sheet's formulas.
 *
 * @example
 * selfEvaluationInputsOf(sheet, index) // { settings: { weights: { 预算执行率: 20, … } }, classes: Map { … }, satisfaction: Map { 1 => 0.95 } }
 */
export function selfEvaluationInputsOf(
  sheet: ExistingSheet | undefined,
  index: EditionIndex,
):
  | {
      settings: EvaluationSettings;
      classes: Map<string, IndicatorClass>;
      satisfaction: Map<number, number>;
    }
  | undefined {
  const cells = readSelfEvaluationCells(sheet, index);
  if (!cells) return undefined;
  const d = DEFAULT_EVALUATION_SETTINGS;
  const get = (key: SettingKey, fallback: number) => numberIn(cells.settings[key]) ?? fallback;
  const settings: EvaluationSettings = {
    weights: {
      预算执行率: get("预算执行率", d.weights.预算执行率),
      产出: get("产出", d.weights.产出),
      效益: get("效益", d.weights.效益),
      满意度: get("满意度", d.weights.满意度),
    },
    bands: { 优: get("优", d.bands.优), 良: get("良", d.bands.良), 中: get("中", d.bands.中) },
    satisfactionTarget: get("满意度满分线", d.satisfactionTarget),
  };
  const classes = new Map<string, IndicatorClass>();
  for (const [id, cell] of cells.classes) {
    const value = toScalar(cell.value);
    const text = typeof value === "string" ? value.trim() : value;
    if (isIndicatorClass(text)) classes.set(id, text);
  }
  const satisfaction = new Map<number, number>();
  for (const [no, cell] of cells.satisfaction) {
    const value = numberIn(cell);
    if (value !== undefined) satisfaction.set(no, value);
  }
  return { settings, classes, satisfaction };
}
