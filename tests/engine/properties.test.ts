import fc from "fast-check";
import {
  completionRate,
  fromExcelValue,
  fromYi,
  isCalcError,
  isMet,
  readNumber,
  readDate,
  status,
  timeProgress,
  toExcelValue,
  toYi,
  type AmountUnit,
  type CivilDate,
} from "../../src/engine";
import { daysInMonth } from "../../src/engine/readDate";
import type { Comparator, Target } from "../../src/policy/types";
import { target } from "./fixtures";

const positive = fc.double({ min: 0.01, max: 1e6, noNaN: true });
const actual = fc.double({ min: 0, max: 1e7, noNaN: true });
const serial = fc.integer({ min: 61, max: 2_958_465 }); // 1900-03-01 … 9999-12-31

const numeric = (x: unknown): number => {
  if (typeof x !== "number") throw new Error(`expected a number, got ${String(x)}`);
  return x;
};

describe("invariants", () => {
  it("completion is non-decreasing in the actual value for >=, > and ~", () => {
    fc.assert(
      fc.property(fc.constantFrom<Comparator>(">=", ">", "~"), positive, actual, actual, (cmp, value, a, b) => {
        const t = target(cmp, value, "家", "count");
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return numeric(completionRate(t, lo)) <= numeric(completionRate(t, hi));
      }),
    );
  });

  it("completion is non-increasing in the actual value for <= and ranks (smaller is better)", () => {
    fc.assert(
      fc.property(fc.constantFrom<Comparator>("<=", "rank<="), positive, positive, positive, (cmp, value, a, b) => {
        const t = target(cmp, value, cmp === "rank<=" ? "名" : "%", cmp === "rank<=" ? "rank" : "ratio");
        const [lo, hi] = a <= b ? [a + 1, b + 1] : [b + 1, a + 1];
        return numeric(completionRate(t, lo)) >= numeric(completionRate(t, hi));
      }),
    );
  });

  it("a >= target is met exactly when its completion reaches 1", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 0, max: 20_000 }), (value, a) => {
        const t = target(">=", value, "家", "count");
        return isMet(t, a) === numeric(completionRate(t, a)) >= 1;
      }),
    );
  });

  it("once 已完成, a larger actual stays 已完成 (any report date)", () => {
    fc.assert(
      fc.property(positive, actual, actual, fc.double({ min: 0, max: 1, noNaN: true }), (value, a, b, progress) => {
        const t: Target = target(">=", value, "亿元", "amount");
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return (
          status(t, lo, { timeProgress: progress }) !== "已完成" ||
          status(t, hi, { timeProgress: progress }) === "已完成"
        );
      }),
    );
  });

  it("amount units round-trip through 亿元", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 100), // 亿元 with 2 decimals, as the document writes
        fc.constantFrom<AmountUnit>("亿元", "万元", "元"),
        (yi, unit) => toYi(fromYi(yi, unit), unit) === yi,
      ),
    );
  });

  it("percentages round-trip between the document's scale and Excel fractions", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }).map((n) => n / 100),
        (pct) => {
          return fromExcelValue({ unit: "%" }, toExcelValue({ unit: "%" }, pct)) === pct;
        },
      ),
    );
  });

  it("timeProgress stays within [0, 1] and never decreases as the date advances", () => {
    const asDate = (s: number): CivilDate => {
      const d = readDate(s);
      if (d === null || isCalcError(d)) throw new Error(`bad serial ${s}`);
      return d;
    };
    fc.assert(
      fc.property(serial, serial, fc.constantFrom("month" as const, "day" as const), (a, b, basis) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const p = timeProgress(asDate(lo), 2025, basis);
        const q = timeProgress(asDate(hi), 2025, basis);
        return p >= 0 && q <= 1 && p <= q;
      }),
    );
  });

  it("readNumber reads back any finite number written as text", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const read = readNumber(String(n));
        return read === (n === 0 ? 0 : n);
      }),
    );
  });

  it("readNumber never returns NaN or Infinity, whatever it is given", () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const read = readNumber(input);
        return read === null || isCalcError(read) || Number.isFinite(read);
      }),
    );
  });

  it("daysInMonth is the calendar's: the day before the next month's first (Gregorian leap years)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 9999 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        return daysInMonth(year, month) === new Date(Date.UTC(year, month, 0)).getUTCDate();
      }),
    );
    expect([1900, 2000, 2024, 2025].map((y) => daysInMonth(y, 2))).toEqual([28, 29, 29, 28]);
  });
});
