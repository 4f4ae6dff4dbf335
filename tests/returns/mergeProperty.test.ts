import fc from "fast-check";
import { getEdition } from "../../src/policy";
import {
  logRecords,
  makeIdentity,
  monthKey,
  planMerge,
  readReturnedFigure,
  sameValue,
  showValue,
  unitDuties,
  type CellValue,
  type Field,
  type ReturnedFile,
  type WorkbookCells,
} from "../../src/returns";

const edition = getEdition("yueqing-2025")!;
const duties = unitDuties(edition).filter((d) => d.leads.length > 0);
// A few units and their targets keep collisions (same cell from several returns, prior values) frequent.
const units = duties.slice(0, 3);
const ids = [...units.flatMap((d) => d.leads.slice(0, 3).map((t) => t.id)), "no-such-target"];
const targets = new Map(edition.targets.map((t) => [t.id, t]));

const typed = fc.oneof(
  fc.constant(null),
  fc.integer({ min: 0, max: 30 }),
  fc.constantFrom("12", "１２", "12家", "3.3%", "0.033", "第3名", "1.2亿元", "约12家", "待统计", "—", "", "5"),
);
const priorValue = fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 30 }), fc.constant("手填"));
const text = fc.constantFrom(undefined, "进展顺利", "有可能", "确定能", "大概");

const returnFile = fc
  .record({
    unit: fc.constantFrom(...units.map((d) => d.unit)),
    month: fc.integer({ min: 5, max: 8 }),
    rows: fc.array(fc.record({ id: fc.constantFrom(...ids, ""), figure: typed, note: text, likely: text }), {
      maxLength: 6,
    }),
    tamper: fc.constantFrom("none", "none", "none", "checksum", "edition"),
    sendAll: fc.boolean(),
  })
  .map((r): Omit<ReturnedFile, "digest" | "name"> => {
    const sent = r.sendAll ? ids : duties.find((d) => d.unit === r.unit)!.leads.map((t) => t.id);
    const identity = makeIdentity(
      r.unit,
      { year: 2025, month: r.month },
      r.tamper === "edition" ? "x-2025" : edition.document.id,
      sent,
    );
    return {
      identity: r.tamper === "checksum" ? { ...identity, checksum: "0".repeat(16) } : identity,
      rows: r.rows.map((row) => ({
        id: row.id,
        figure: row.figure,
        texts: { 情况说明: row.note, 完成目标可能性: row.likely },
      })),
    };
  });

const prior = fc
  .record({
    months: fc.dictionary(fc.constantFrom(...ids), fc.array(priorValue, { minLength: 12, maxLength: 12 })),
    notes: fc.dictionary(fc.constantFrom(...ids), priorValue),
  })
  .map((p): WorkbookCells => ({
    months: new Map(Object.entries(p.months)),
    texts: new Map(Object.entries(p.notes).map(([id, v]) => [id, { 情况说明: v }])),
  }));

type Key = string;
const key = (id: string, month: number, field: Field): Key =>
  field === "累计值" ? `${id}|${month}|${field}` : `${id}|${field}`;

describe("planMerge property", () => {
  it("every cell ends with the workbook's previous value or a value some return holds; the log accounts for each", () => {
    fc.assert(
      fc.property(
        prior,
        fc.array(returnFile, { maxLength: 5 }),
        fc.boolean(),
        fc.boolean(),
        (wb, raw, takeReturned, acceptNotLead) => {
          const files: ReturnedFile[] = raw.map((f, i) => ({
            ...f,
            name: `r${i}.xlsx`,
            digest: `${i}`.padStart(64, "d"),
          }));
          const plan = planMerge({ edition, workbook: wb, files, takeReturned, acceptNotLead });
          const log = logRecords(plan, "t");

          // What the returns hold, read independently of the plan.
          const held = new Map<Key, CellValue[]>();
          const hold = (k: Key, v: CellValue) => held.set(k, [...(held.get(k) ?? []), v]);
          for (const f of files) {
            const month = Number(f.identity!.month.slice(5));
            for (const row of f.rows) {
              const t = targets.get(row.id);
              if (t) {
                const read = readReturnedFigure(t, row.figure);
                if ("value" in read) hold(key(row.id, month, "累计值"), read.value);
              }
              for (const [field, v] of Object.entries(row.texts ?? {}))
                if (v) hold(key(row.id, month, field as Field), v);
            }
          }

          // Apply the writes as a host does, and check each written cell.
          const seen = new Set<Key>();
          for (const w of plan.writes) {
            const k = key(w.id, w.month, w.field);
            expect(seen.has(k)).toBe(false);
            seen.add(k);
            const before =
              w.field === "累计值"
                ? (wb.months.get(w.id)?.[w.month - 1] ?? null)
                : (wb.texts.get(w.id)?.[w.field] ?? null);
            const fromReturn = (held.get(w.field === "累计值" ? k : key(w.id, w.month, w.field)) ?? []).some((v) =>
              sameValue(v, w.value),
            );
            expect(fromReturn || sameValue(before, w.value)).toBe(true);
            const logged = log.some(
              (r) =>
                r.编号 === w.id &&
                r.栏目 === w.field &&
                r.月份 === monthKey({ year: 2025, month: w.month }) &&
                (r.结果 === "写入" || r.结果 === "已采纳") &&
                r.新值 === showValue(w.value),
            );
            expect(logged).toBe(true);
            // A cell holding a different value is only written when staff take the returned value (or it was an
            // earlier month's merged text, which needs a log this property gives none).
            if (!sameValue(before, null)) expect(takeReturned).toBe(true);
          }

          // Every refused file is logged; every non-blank value of an accepted file is logged once.
          for (const f of plan.files) {
            const rows = log.filter((r) => r.文件.startsWith(`${f.name} `));
            if (f.refused) expect(rows).toEqual([expect.objectContaining({ 结果: "拒绝", 编号: "" })]);
            else {
              const source = files.find((x) => x.digest === f.digest)!;
              const values = source.rows.flatMap((r) => {
                const texts = Object.values(r.texts ?? {}).filter((v) => v);
                return [...(sameValue(r.figure, null) ? [] : [r.figure]), ...texts];
              });
              expect(rows.length).toBe(values.length);
            }
          }

          // Merging again into the result writes nothing.
          const months = new Map([...wb.months].map(([id, v]) => [id, [...v]]));
          const texts = new Map([...wb.texts].map(([id, v]) => [id, { ...v }]));
          for (const w of plan.writes) {
            if (w.field === "累计值") {
              const row = months.get(w.id) ?? Array<CellValue>(12).fill(null);
              row[w.month - 1] = w.value;
              months.set(w.id, row);
            } else texts.set(w.id, { ...texts.get(w.id), [w.field]: w.value });
          }
          const again = planMerge({ edition, workbook: { months, texts }, files, takeReturned, acceptNotLead });
          expect(again.writes).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
