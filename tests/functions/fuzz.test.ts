/**
 * Whatever Excel (or a user) hands a ZC function, the answer is a value of the function's declared kind or a
 * CustomFunctions.Error — never NaN, ±Infinity, −0, undefined, or any other exception. Runs against the BUILT
 * bundle, through the functions as associated.
 */
import fc from "fast-check";
import { indexEdition } from "../../src/engine";
import { createFunctions } from "../../src/functions/definitions";
import type { ResultKind } from "../../src/functions/args";
import { ensureBuilt } from "../support/ensureBuilt";
import {
  ErrorCode,
  loadFunctionsBundle,
  readMetadata,
  StubCustomFunctionsError,
  type LoadedBundle,
} from "./support/loadBundle";
import { edition } from "./support/zc";

const RUNS = 10_000;

const specialNumbers = fc.constantFrom(
  NaN,
  Infinity,
  -Infinity,
  -0,
  0,
  1,
  -1,
  0.5,
  60,
  61,
  45838,
  2958465,
  2958466,
  1e308,
  -1e308,
  Number.MIN_VALUE,
  Number.MAX_SAFE_INTEGER,
  Number.EPSILON,
);

const ids = edition.targets.map((t) => t.id);
const meaningfulText = fc.constantFrom(
  "",
  " ",
  "  \t ",
  "1e400",
  "-1e400",
  "1e-400",
  "60",
  "3.0%",
  "1,234",
  "８５",
  "-0",
  "0",
  "NaN",
  "Infinity",
  "0x10",
  "合计",
  "各领域合计",
  "六",
  "领域六",
  "十",
  "(九)",
  "（三十七）",
  "第九条",
  "有效投资",
  "发展",
  "产业基金",
  "亿元",
  "万元",
  "元",
  "美元",
  "month",
  "day",
  "日",
  "lead",
  "牵头单位",
  "value",
  "quote",
  "2025-06-30",
  "2025年6月30日",
  "2025/2/30",
  "2024-12-31",
  "9999-12-31",
  "中文文本",
  "未填报",
  ...ids,
  ...ids.map((id) => id.toUpperCase()),
);

const richValues = fc.constantFrom<unknown>(
  { type: "FormattedNumber", basicValue: 60, numberFormat: "0" },
  { type: "String", basicValue: "art01-hitech-firms" },
  { type: "Double", basicValue: NaN },
  { type: "Entity", text: "x", properties: {} },
  {},
  Object.create(null),
  { basicValue: { nested: true } },
  { type: "Entity", text: 42 },
  new Date(2025, 5, 30),
  new Date(NaN),
);

const scalar: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: specialNumbers },
  { weight: 2, arbitrary: fc.double() },
  { weight: 2, arbitrary: fc.integer({ min: -100, max: 50_000 }) },
  { weight: 4, arbitrary: meaningfulText },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 6 }) },
  { weight: 2, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.double().map((x) => `${x}%`) },
  { weight: 2, arbitrary: fc.boolean() },
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: richValues },
);

const nested: fc.Arbitrary<unknown> = fc.oneof(
  fc.array(scalar, { maxLength: 2 }),
  fc.array(fc.array(scalar, { maxLength: 3 }), { maxLength: 3 }),
  scalar.map((x) => [[[x]]]),
  fc.anything({ maxDepth: 2 }),
);

const argument: fc.Arbitrary<unknown> = fc.oneof({ weight: 9, arbitrary: scalar }, { weight: 1, arbitrary: nested });

// Plausible values per parameter, so that most calls get past the first argument and exercise the rest; every
// parameter still receives the hostile `argument` values a third of the time.
const plausibleNumber = fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 500 }));
const plausible: Record<string, fc.Arbitrary<unknown>> = {
  id: fc.constantFrom(...ids),
  field: fc.constantFrom(null, "value", "indicator", "unit", "comparator", "kind", "area", "article", "quote", "lead"),
  actual: plausibleNumber,
  previous: fc.oneof(fc.constant(null), plausibleNumber),
  tolerance: fc.oneof(fc.constant(null), fc.double({ min: 0, max: 1, noNaN: true })),
  date: fc.oneof(fc.integer({ min: 45600, max: 46100 }), fc.constantFrom("2025-06-30", "2025年7月31日", "2025/12/31")),
  area: fc.oneof(fc.integer({ min: 1, max: 8 }), fc.constantFrom("六", "合计", "各领域合计", "有效投资", "领域三")),
  item: fc.constantFrom(null, "产业基金", "企业高质量发展", "乡村振兴", "文旅"),
  unit: fc.constantFrom(null, "亿元", "万元", "元"),
  spent: plausibleNumber,
  basis: fc.constantFrom(null, "month", "day"),
  article: fc.oneof(fc.integer({ min: 1, max: 37 }), fc.constantFrom("(九)", "第十八条", "三十七")),
};

function argumentFor(name: string): fc.Arbitrary<unknown> {
  const good = plausible[name];
  if (!good) throw new Error(`no plausible values for parameter ${name}`);
  return fc.oneof({ weight: 2, arbitrary: good }, { weight: 1, arbitrary: argument });
}

function isKind(value: unknown, kind: ResultKind, canBeEmpty: boolean): boolean {
  const number = (x: unknown) => typeof x === "number" && Number.isFinite(x) && !Object.is(x, -0);
  if (canBeEmpty && value === "") return true;
  switch (kind) {
    case "number":
      return number(value);
    case "string":
      return typeof value === "string";
    case "boolean":
      return typeof value === "boolean";
    case "numberOrString":
      return number(value) || typeof value === "string";
    case "matrix":
      return (
        Array.isArray(value) &&
        value.length >= 1 &&
        value.every(
          (row) =>
            Array.isArray(row) && row.length === 5 && row.every((cell) => number(cell) || typeof cell === "string"),
        )
      );
  }
}

const codes = new Set<string>(Object.values(ErrorCode));

function isCustomFunctionsError(value: unknown): boolean {
  if (!(value instanceof StubCustomFunctionsError) || !codes.has(value.code)) return false;
  const messaged = value.code === ErrorCode.invalidValue || value.code === ErrorCode.notAvailable;
  if (!messaged) return true;
  // An internal error is still a CustomFunctions.Error, but it means the engine threw: a bug to fix, not pass.
  return typeof value.message === "string" && value.message.length > 0 && !value.message.startsWith("内部错误");
}

const definitions = createFunctions(indexEdition(edition));
// Functions with an argument whose blank makes the answer "" (see args.ts: arg.number / arg.date).
const CAN_BE_EMPTY = new Set(["COMPLETION", "MET", "GAP", "VARIANCE", "EXECRATE", "TIMEPROGRESS", "PACE"]);

describe("fuzz: every ZC function, as associated in the built bundle", () => {
  let bundle: LoadedBundle;
  beforeAll(() => {
    const dist = ensureBuilt("functions");
    bundle = loadFunctionsBundle(dist);
    // The arities fuzzed below are the definitions'; the metadata Excel reads must agree.
    const arities = readMetadata(dist).functions.map((f) => [f.id, f.parameters.length]);
    expect(arities).toEqual(definitions.map((d) => [d.id, d.args.length]));
  });

  it.each(definitions.map((d) => [d.id, d.args.length] as const))(
    "ZC.%s answers a value of its kind or a CustomFunctions.Error for %i arbitrary arguments",
    (id, _arity) => {
      const fn = bundle.functions.get(id)!;
      const def = definitions.find((d) => d.id === id)!;
      const args = fc.tuple(
        fc.tuple(...def.args.map((a) => argumentFor(a.name))),
        // Excel passes fewer arguments when trailing optionals are omitted, and appends an invocation context.
        fc.constantFrom("all", "trimmed", "invocation"),
      );
      let answered = 0;
      fc.assert(
        fc.property(args, ([values, form]) => {
          const call =
            form === "trimmed"
              ? values.slice(0, def.args.filter((a) => !a.optional).length)
              : form === "invocation"
                ? [...values, { address: "Sheet1!A1", functionName: `ZC.${id}` }]
                : values;
          let result: unknown;
          try {
            result = fn(...call);
          } catch (thrown) {
            if (isCustomFunctionsError(thrown)) return true;
            throw thrown;
          }
          if (result !== "") answered++;
          return isKind(result, def.result, CAN_BE_EMPTY.has(id));
        }),
        { numRuns: RUNS },
      );
      // Not a vacuous pass: a good share of the generated calls reach a real answer, not only errors.
      expect(answered).toBeGreaterThan(RUNS * 0.05);
    },
  );
});
