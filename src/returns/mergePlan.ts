import { CUMULATIVE_KINDS } from "../engine/status";
import type { EditionData, Target } from "../policy/types";
import { identityIntact, readMonthKey } from "./identity";
import { leadOf } from "./leads";
import type { LogRecord } from "./log";
import { message, type Message } from "./messages";
import { readReturnedFigure } from "./readFigure";
import { isBlank, sameValue, showValue } from "./sameValue";
import {
  LIKELIHOODS,
  TEXT_FIELDS,
  type CellPlan,
  type CellValue,
  type CellWrite,
  type Field,
  type FilePlan,
  type MergePlan,
  type ReturnedFile,
  type WorkbookCells,
} from "./types";

/** A cell a staff member decides on in the preview: a file's value for one 编号, month and field. */
export interface CellChoice {
  readonly digest: string;
  readonly id: string;
  readonly month: number;
  readonly field: Field;
}

export interface MergeInput {
  readonly edition: EditionData;
  readonly workbook: WorkbookCells;
  readonly files: readonly ReturnedFile[];
  /** 填报记录 as it stands: a text an earlier month's merge wrote, untouched since, gives way to a later month's. */
  readonly log?: readonly LogRecord[];
  /** Take the returned value over a different one in the workbook (`--take-returned`), for all or chosen cells. */
  readonly takeReturned?: boolean | ((cell: CellChoice) => boolean);
  /** Accept rows of targets the unit does not lead, for all or chosen ones (by file digest and 编号). */
  readonly acceptNotLead?: boolean | ((row: { readonly digest: string; readonly id: string }) => boolean);
}

/** A value some return holds for a cell, before it is weighed against the workbook and the other returns. */
interface Candidate {
  readonly file: ReturnedFile;
  readonly unit: string;
  readonly monthKey: string;
  readonly id: string;
  readonly month: number;
  readonly field: Field;
  readonly value: CellValue;
  readonly notes: readonly Message[];
  readonly flagged: boolean;
  /** Where the value stood among all the returns' cells: the plan lists cells in file and row order. */
  readonly seq: number;
}

const decide = <T>(choice: boolean | ((x: T) => boolean) | undefined, x: T) =>
  typeof choice === "function" ? choice(x) : choice === true;

/**
 * Plans a merge of returned files into a workbook, writing nothing: per file merged or refused, per cell 写入 /
 * 相同 / 冲突 / 拒绝 / 已采纳 and why, and exactly the cells to write (by 编号 and month, wherever the row sits).
 *
 * The rules: a refused file (not a return, checksum mismatch, another edition or year) contributes nothing; a
 * cell already holding a different value is a conflict and is written only when staff take the returned value;
 * returns disagreeing on one cell write none of it; the same value is a no-op, so merging the same files again
 * writes nothing; a return's own month decides the column; the 绩效运行监控 texts are taken only for the rows the
 * return opened them on (behind 序时进度 when it was made); a cumulative figure below the unit's previous month is
 * written but flagged (下降-type targets excepted); a text an earlier month's merge wrote, untouched since, is
 * replaced by a later month's.
 */
export function planMerge(input: MergeInput): MergePlan {
  const targets = new Map(input.edition.targets.map((t) => [t.id, t]));
  const files: FilePlan[] = [];
  const candidates: Candidate[] = [];
  const cells: (CellPlan & { seq: number })[] = [];
  let seq = 0;
  const seen = new Map<string, string>();
  for (const file of input.files) {
    const verdict = checkFile(input.edition, file, seen);
    files.push(verdict);
    if (verdict.refused || !file.identity) continue;
    const month = readMonthKey(file.identity.month)?.month ?? 0;
    const unit = file.identity.unit;
    const sent = new Set(file.identity.ids);
    // The rows whose monitoring inputs the return opened; a return that does not say opened them all.
    const monitored = file.identity.monitored && new Set(file.identity.monitored);
    const base = { file, unit, monthKey: file.identity.month, month };
    for (const row of file.rows) {
      const typed = row.figure;
      const texts = TEXT_FIELDS.filter((f) => !isBlank(row.texts?.[f]));
      if (isBlank(typed) && texts.length === 0) continue;
      const rejectRow = (why: Message) => {
        const fields: Field[] = isBlank(typed) ? [...texts] : ["累计值", ...texts];
        for (const field of fields) {
          const returned = field === "累计值" ? typed : (row.texts?.[field] ?? null);
          cells.push({ ...rejected({ ...base, id: row.id, field, before: null, returned, why }), seq: seq++ });
        }
      };
      const target = targets.get(row.id);
      if (row.id.trim() === "") rejectRow(message("noId"));
      else if (!target) rejectRow(message("unknownId", row.id));
      else if (!sent.has(row.id)) rejectRow(message("notInReturn", row.id));
      else {
        const lead = leadOf(input.edition, target) ?? "—";
        const notes: Message[] = [];
        if (lead !== unit) {
          if (!decide(input.acceptNotLead, { digest: file.digest, id: row.id })) {
            rejectRow(message("notLead", target.indicator, lead));
            continue;
          }
          notes.push(message("notLeadAccepted", lead));
        }
        const flagged = lead !== unit;
        const cell = { ...base, id: row.id, flagged };
        if (!isBlank(typed)) {
          const read = readReturnedFigure(target, typed, row.percentCell);
          const before = input.workbook.months.get(row.id)?.[month - 1] ?? null;
          if ("rejected" in read)
            cells.push({
              ...rejected({ ...cell, field: "累计值", before, returned: typed, why: read.rejected }),
              seq: seq++,
            });
          else if ("value" in read)
            candidates.push({
              ...cell,
              field: "累计值",
              value: read.value,
              notes: [...notes, ...read.notes],
              seq: seq++,
            });
        }
        for (const field of texts) {
          const text = String(row.texts?.[field] ?? "").trim();
          const why =
            field !== "情况说明" && monitored && !monitored.has(row.id)
              ? message("notMonitored", field)
              : field === "完成目标可能性" && !(LIKELIHOODS as readonly string[]).includes(text)
                ? message("notLikelihood", text)
                : undefined;
          if (why) {
            const before = input.workbook.texts.get(row.id)?.[field] ?? null;
            cells.push({ ...rejected({ ...cell, field, before, returned: text, why }), seq: seq++ });
          } else candidates.push({ ...cell, field, value: text, notes, seq: seq++ });
        }
      }
    }
  }
  cells.push(...weigh(input, candidates));
  const ordered = cells.sort((a, b) => a.seq - b.seq).map(({ seq: _seq, ...c }): CellPlan => c);
  const flaggedCells = flagFalls(input, targets, ordered);
  const writes: CellWrite[] = flaggedCells
    .filter((c) => c.outcome === "写入" || c.outcome === "已采纳")
    .map((c) => ({ id: c.id, month: c.month, field: c.field, value: c.returned }));
  return { files, cells: flaggedCells, writes: dedupeWrites(writes) };
}

function checkFile(edition: EditionData, file: ReturnedFile, seen: Map<string, string>): FilePlan {
  const plan = { name: file.name, digest: file.digest };
  const identity = file.identity;
  if (!identity) return { ...plan, refused: message("notReturn") };
  const named = { ...plan, unit: identity.unit, month: identity.month };
  if (!identityIntact(identity)) return { ...named, refused: message("checksumMismatch") };
  if (identity.editionId !== edition.document.id)
    return { ...named, refused: message("otherEdition", identity.editionId, edition.document.id) };
  const month = readMonthKey(identity.month);
  if (!month || month.year !== edition.document.year)
    return { ...named, refused: message("otherYear", identity.month, String(edition.document.year)) };
  const twin = seen.get(file.digest);
  if (twin !== undefined) return { ...named, refused: message("duplicateFile", twin) };
  seen.set(file.digest, file.name);
  return named;
}

function rejected(c: {
  file: ReturnedFile;
  unit: string;
  id: string;
  month: number;
  field: Field;
  before: CellValue;
  returned: CellValue;
  why: Message;
}): CellPlan {
  return {
    file: { name: c.file.name, digest: c.file.digest },
    unit: c.unit,
    id: c.id,
    month: c.month,
    field: c.field,
    before: c.before,
    returned: c.returned,
    outcome: "拒绝",
    notes: [c.why],
    flagged: c.why.code === "notLead",
  };
}

const cellKey = (c: { id: string; month: number; field: Field }) =>
  c.field === "累计值" ? `${c.id}\u0000${c.month}\u0000${c.field}` : `${c.id}\u0000${c.field}`;

/** Each candidate against the workbook and the other returns for the same cell. */
function weigh(input: MergeInput, candidates: readonly Candidate[]): (CellPlan & { seq: number })[] {
  const groups = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const key = cellKey(c);
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const out: (CellPlan & { seq: number })[] = [];
  for (const group of groups.values()) {
    const first = group[0];
    if (!first) continue;
    const before = beforeOf(input.workbook, first);
    // Texts are one cell for the year, figures one per month: the latest month's return speaks for a text.
    const latest = first.field === "累计值" ? group : latestMonth(group);
    const values = latest.filter((c, i) => latest.findIndex((d) => sameValue(c.value, d.value)) === i);
    const decided = values.length === 1 && values[0] ? outcomeOf(input, values[0], before) : undefined;
    for (const c of group) {
      const plan = {
        file: { name: c.file.name, digest: c.file.digest },
        unit: c.unit,
        id: c.id,
        month: c.month,
        seq: c.seq,
      };
      const common = { ...plan, field: c.field, before, returned: c.value, flagged: c.flagged };
      if (!latest.includes(c)) {
        const why = message("supersededByLaterMonth", latest[0]?.monthKey ?? "");
        out.push({ ...common, outcome: "拒绝", notes: [...c.notes, why] });
      } else if (!decided) {
        const shown = values.map((v) => showValue(v.value)).join(" / ");
        out.push({ ...common, outcome: "冲突", notes: [...c.notes, message("returnsDisagree", shown)] });
      } else out.push({ ...common, outcome: decided.outcome, notes: [...c.notes, ...decided.notes] });
    }
  }
  return out;
}

function latestMonth(group: readonly Candidate[]): Candidate[] {
  const last = Math.max(...group.map((c) => c.month));
  return group.filter((c) => c.month === last);
}

function beforeOf(workbook: WorkbookCells, c: { id: string; month: number; field: Field }): CellValue {
  if (c.field === "累计值") return workbook.months.get(c.id)?.[c.month - 1] ?? null;
  return workbook.texts.get(c.id)?.[c.field] ?? null;
}

/** The one value the returns give a cell, against what the workbook holds (the notes beyond the candidate's own). */
function outcomeOf(input: MergeInput, c: Candidate, before: CellValue): Pick<CellPlan, "outcome" | "notes"> {
  if (sameValue(before, c.value)) return { outcome: "相同", notes: [] };
  if (isBlank(before)) return { outcome: "写入", notes: [] };
  if (c.field !== "累计值") {
    const earlier = writtenByEarlierMonth(input.log ?? [], c, before);
    if (earlier) return { outcome: "写入", notes: [message("replacesEarlierMonth", earlier)] };
  }
  const choice = { digest: c.file.digest, id: c.id, month: c.month, field: c.field };
  if (decide(input.takeReturned, choice)) return { outcome: "已采纳", notes: [message("taken", showValue(before))] };
  return { outcome: "冲突", notes: [message("conflict", showValue(before))] };
}

/** The month of the merge that last wrote this text, when the text is still what it wrote and that month is earlier. */
function writtenByEarlierMonth(log: readonly LogRecord[], c: Candidate, before: CellValue): string | undefined {
  for (let i = log.length - 1; i >= 0; i--) {
    const r = log[i];
    if (!r || r.编号 !== c.id || r.栏目 !== c.field || (r.结果 !== "写入" && r.结果 !== "已采纳")) continue;
    return sameValue(r.新值, before) && r.月份 < c.monthKey ? r.月份 : undefined;
  }
  return undefined;
}

/**
 * Flags a cumulative figure written below the same target's nearest earlier month (as it will stand after the
 * merge): cumulative figures rarely fall, so it is written but shown. 下降-type targets fall by design.
 */
function flagFalls(input: MergeInput, targets: ReadonlyMap<string, Target>, cells: readonly CellPlan[]): CellPlan[] {
  const after = new Map<string, CellValue[]>();
  for (const c of cells) {
    if (c.field !== "累计值" || (c.outcome !== "写入" && c.outcome !== "已采纳")) continue;
    const months = after.get(c.id) ?? [...(input.workbook.months.get(c.id) ?? Array<CellValue>(12).fill(null))];
    months[c.month - 1] = c.returned;
    after.set(c.id, months);
  }
  return cells.map((c) => {
    const target = targets.get(c.id);
    if (c.field !== "累计值" || (c.outcome !== "写入" && c.outcome !== "已采纳") || !target) return c;
    if (!CUMULATIVE_KINDS.includes(target.kind) || target.comparator === "decrease" || target.comparator === "<=")
      return c;
    const months = after.get(c.id) ?? [];
    for (let m = c.month - 1; m >= 1; m--) {
      const previous = months[m - 1];
      if (typeof previous !== "number") continue;
      if (typeof c.returned === "number" && c.returned < previous)
        return {
          ...c,
          flagged: true,
          notes: [...c.notes, message("lowerThanPrevious", `${m}月`, showValue(previous))],
        };
      return c;
    }
    return c;
  });
}

function dedupeWrites(writes: readonly CellWrite[]): CellWrite[] {
  const out = new Map<string, CellWrite>();
  for (const w of writes) if (!out.has(cellKey(w))) out.set(cellKey(w), w);
  return [...out.values()];
}
