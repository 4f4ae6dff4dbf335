import { readFileSync } from "fs";
import { join } from "path";
import fc from "fast-check";
import { editions } from "../../src/policy";
import { fromEditionFile, toEditionFile, type EditionFile } from "../../src/policy/editionFile";
import { formatIssue, MAX_EDITION_CHARS, parseEdition, validateEdition } from "../../src/policy/validation";
import { syntheticEdition } from "../support/syntheticEdition";

const root = join(__dirname, "..", "..");
const seed = readFileSync(join(root, editions["yueqing-2025"].seedFile), "utf8");
const yueqing = toEditionFile(editions["yueqing-2025"].data);
const shifan = JSON.parse(readFileSync(join(root, "tests/fixtures/editions/shifan-2026.json"), "utf8")) as EditionFile;

/** A file being tampered with: any field, set to anything, as a stranger's file might be. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Tampered = any;
/** A deep copy to tamper with. */
const copy = (file: EditionFile = yueqing): Tampered => JSON.parse(JSON.stringify(file));
const errorsOf = (json: unknown, text?: string) =>
  validateEdition(json, text === undefined ? {} : { text }).errors.map(formatIssue);

describe("validateEdition", () => {
  it("accepts the bundled edition, the 万元 fixture and generated editions of 1×3, 12×400 and 30×2000", () => {
    expect(validateEdition(yueqing, { text: seed })).toMatchObject({ errors: [], warnings: [] });
    const small = validateEdition(shifan);
    expect(small.errors).toEqual([]);
    expect(small.edition?.areas[0]?.budgetYi).toBe(0.35);
    for (const [areas, targets] of [
      [1, 3],
      [12, 400],
      [30, 2000],
    ] as const) {
      const result = validateEdition(syntheticEdition({ areas, targets }));
      expect(result.errors.map(formatIssue)).toEqual([]);
      expect(result.edition?.targets).toHaveLength(targets);
      expect(result.edition?.areas).toHaveLength(areas);
    }
  });

  it("names the place and the problem in Chinese for a structural error", () => {
    const bad = copy();
    bad.targets[12].value = "75";
    delete bad.targets[3].quote;
    bad.edition.signedDate = "2025/3/6";
    bad.targets[4].comparator = "≥";
    bad.extra = 1;
    expect(errorsOf(bad)).toEqual([
      "extra 不是版本文件的字段(拼写错误?)",
      "edition.signedDate 应为日期 yyyy-mm-dd",
      "targets[3].quote 缺失(必填)",
      "targets[4].comparator 应为以下之一:>=、>、~、<=、rank<=、decrease、increase",
      "targets[12].value 应为数字或null",
    ]);
    expect(errorsOf({ ...copy(), schemaVersion: 2 })).toEqual(["schemaVersion 应为 1(本程序只读此版本格式)"]);
    expect(errorsOf(null)).toEqual(["应为对象"]);
    expect(errorsOf([])).toEqual(["应为对象"]);
  });

  it.each<[string, (f: Tampered) => void, string]>([
    [
      "duplicate ids",
      (f) => (f.targets[5].id = f.targets[2].id),
      "targets[5].id 编号“art02-tech-projects”重复(targets[2])",
    ],
    [
      "a quote without its figure",
      (f) => (f.targets[1].quote = "新增高新技术企业七十家以上"),
      "targets[1].quote 未写出目标值 75家",
    ],
    [
      "budget items above the area",
      (f) => (f.areas[1].budgetItems[0].yi = 1.5),
      "areas[1].budgetItems 预算项目合计 1.9亿元,超过领域预算 1.72亿元",
    ],
    [
      "a comparator against its words",
      (f) => (f.targets[1].comparator = ">"),
      "targets[1].comparator 按字样 以上 应为 >=",
    ],
    ["words not in the quote", (f) => f.targets[1].words.push("确保"), "targets[1].words “确保”不在摘录中(或顺序不对)"],
    [
      "a wrong sum of the areas",
      (f) => (f.edition.sumOfAreaBudgetsYi = 49.25),
      "edition.sumOfAreaBudgetsYi 应为各领域预算之和 69.49",
    ],
    ["a target in a missing area", (f) => (f.targets[0].area = 99), "targets[0].area 领域 99 不存在"],
    [
      "an article of another area",
      (f) => (f.targets[1].article = 5),
      "targets[1].article 第5条属于领域 2,不属于领域 1",
    ],
    ["growth not in %", (f) => (f.targets[1].kind = "growth"), "targets[1].unit 增幅(growth)的单位应为 %"],
    [
      "a qualitative target with a value",
      (f) => (f.targets.find((t: Tampered) => t.kind === "qualitative").value = 1),
      "定性指标不应有数值",
    ],
    ["a wrong numeral", (f) => (f.areas[2].numeral = "二"), "areas[2].numeral 应为“三”"],
    ["an impossible date", (f) => (f.edition.printedDate = "2025-02-30"), "edition.printedDate 不是有效日期"],
    [
      "a total without its figure",
      (f) => (f.edition.totalBudgetYi = 50),
      "edition.totalBudgetQuote 未写出支持总额 50亿元",
    ],
  ])("refuses %s", (_what, tamper, expected) => {
    const bad = copy();
    tamper(bad);
    const result = validateEdition(bad, { text: seed });
    expect(result.edition).toBeUndefined();
    expect(result.errors.length).toBeGreaterThan(0);
    expect(result.errors.map(formatIssue).join("\n")).toContain(expected);
  });

  it("checks every quote against the text, given or carried, and the given text wins", () => {
    const bad = copy();
    bad.targets[7].quote = `${bad.targets[7].quote}。`.replace("。", "!");
    expect(errorsOf(bad)).toEqual([]); // no text: nothing to check a quote against
    expect(errorsOf(bad, seed)).toEqual(["targets[7].quote 不是原文中的一段(须逐字摘录)"]);
    expect(errorsOf({ ...bad, text: seed })).toEqual(["targets[7].quote 不是原文中的一段(须逐字摘录)"]);
    const carried = validateEdition({ ...copy(), text: "别的文字" }, { text: seed });
    expect(carried.errors).toEqual([]);
    expect(carried.warnings.map(formatIssue)).toEqual(["text 与所给原文不同,按所给原文核对"]);
    const tampered = copy(shifan);
    tampered.areas[0].budgetItems[0].quote = "支持数字化改造1300万元";
    tampered.areas[0].budgetItems[0].yi = 0.13;
    expect(errorsOf(tampered)).toEqual(["areas[0].budgetItems[0].quote 不是原文中的一段(须逐字摘录)"]);
  });

  it("warns without blocking: an area without budget or targets, an unusual unit", () => {
    const f = copy(shifan);
    f.areas.push({ no: 2, numeral: "二", title: "空领域", lead: "", budgetYi: 0, budgetQuote: "", budgetItems: [] });
    f.targets[1].unit = "家户";
    f.targets[1].quote = "力争完成数字化改造企业30家户以上";
    f.text = `${shifan.text}\n力争完成数字化改造企业30家户以上`;
    const result = validateEdition(f);
    expect(result.errors.map(formatIssue)).toEqual([]);
    expect(result.edition).toBeDefined();
    expect(result.warnings.map(formatIssue)).toEqual([
      "areas[1].budgetYi 领域“空领域”未列预算",
      "targets[1].unit 单位“家户”不在常用单位表中,请核对",
      "areas[1] 领域“空领域”没有目标",
    ]);
  });

  it("round-trips any valid edition losslessly", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 15 }), fc.integer({ min: 1, max: 60 }), (areas, extra) => {
        const file = syntheticEdition({ areas, targets: areas + extra });
        const { edition } = validateEdition(file);
        expect(edition).toBeDefined();
        expect(toEditionFile(edition!)).toEqual(file);
        expect(fromEditionFile(file)).toEqual(edition);
      }),
      { numRuns: 30 },
    );
  });
});

describe("parseEdition", () => {
  it("refuses bad JSON, a byte-order mark is fine, and a 5 MB blob is refused before parsing", () => {
    expect(parseEdition('{"schemaVersion": 1,').errors.map(formatIssue)[0]).toMatch(/^不是有效的 JSON/);
    expect(parseEdition(`\ufeff${JSON.stringify(shifan)}`).errors).toEqual([]);
    const garbage = "x".repeat(5 * 1024 * 1024);
    expect(garbage.length).toBeGreaterThan(MAX_EDITION_CHARS);
    expect(parseEdition(garbage).errors.map(formatIssue)).toEqual(["文件过大(5.2 M 字符,上限 4 M),不是版本文件"]);
  });
});
