import { editions } from "../../src/policy";
import { NotInExcelError } from "../../src/taskpane/actions";
import { localIsoDate, shortDateTime } from "../../src/taskpane/dates";
import { describeError } from "../../src/taskpane/errors";
import { argumentText, buildFormula } from "../../src/taskpane/formula";
import { pickLang, strings } from "../../src/taskpane/i18n";
import {
  articleLabel,
  buildRows,
  departmentsOf,
  emptyFilter,
  figureText,
  filterRows,
} from "../../src/taskpane/targets/browse";

const edition = editions["yueqing-2025"].data;

describe("pickLang", () => {
  it.each([
    ["en-US", "en"],
    ["en-GB", "en"],
    ["EN", "en"],
    ["zh-CN", "zh"],
    ["zh-TW", "zh"],
    ["de-DE", "zh"],
    ["", "zh"],
    [undefined, "zh"],
  ])("%s → %s", (display, lang) => expect(pickLang(display)).toBe(lang));
});

describe("buildFormula", () => {
  it("leaves a blank required argument as a slot and drops blank optional ones", () => {
    const rest = [
      { text: "", optional: false },
      { text: "", optional: true },
    ];
    expect(buildFormula("COMPLETION", "art01-hitech-firms", rest)).toBe('=ZC.COMPLETION("art01-hitech-firms", )');
  });

  it("keeps a blank optional argument in the middle", () => {
    const rest = [
      { text: "C5", optional: false },
      { text: "", optional: true },
      { text: "D5", optional: true },
    ];
    expect(buildFormula("ZC.STATUS", "x", rest)).toBe('=ZC.STATUS("x", C5, , D5)');
  });

  it("takes only the id when every other argument is optional and blank", () => {
    expect(buildFormula("TARGET", "art01-hitech-firms", [{ text: "", optional: true }])).toBe(
      '=ZC.TARGET("art01-hitech-firms")',
    );
  });

  it("escapes quotes in the id", () => {
    expect(buildFormula("TARGET", 'a"b', [])).toBe('=ZC.TARGET("a""b")');
  });
});

describe("argumentText", () => {
  it.each([
    ["", ""],
    ["  ", ""],
    ["60", "60"],
    ["-1.5", "-1.5"],
    ["8%", "8%"],
    ["C5", "C5"],
    ["$C$5", "$C$5"],
    ["B2:B9", "B2:B9"],
    ["目标任务!F5", "目标任务!F5"],
    ["'预算 执行'!B2", "'预算 执行'!B2"],
    ["TRUE", "TRUE"],
    ['"万元"', '"万元"'],
    ["万元", '"万元"'],
    ["2025-06-30", '"2025-06-30"'],
    ["unit", '"unit"'],
    ["=TODAY()", "TODAY()"],
  ])("%j → %j", (raw, text) => expect(argumentText(raw)).toBe(text));
});

describe("targets browser data", () => {
  const rows = buildRows(edition);

  it("has a row per target with its responsible units", () => {
    expect(rows).toHaveLength(edition.targets.length);
    const row = rows.find((r) => r.target.id === "art01-hitech-firms");
    expect(row?.responsible).toEqual(["市科技局", "市经信局"]);
    expect(row?.articleTitle).toBe("推动高能级科创平台提质增效");
  });

  it("matches search terms in any field, all terms required, full-width folded", () => {
    const ids = (query: string) => filterRows(rows, { ...emptyFilter, query }).map((r) => r.target.id);
    expect(ids("高新技术")).toEqual(["art01-hitech-firms"]);
    expect(ids("ART01-HITECH")).toEqual(["art01-hitech-firms"]);
    expect(ids("高新技术 市经信局")).toEqual(["art01-hitech-firms"]);
    expect(ids("高新技术 市税务局")).toEqual([]);
    expect(ids("3.12%")).toContain("area1-rd-intensity");
  });

  it("lists every responsible unit once, in pinyin order", () => {
    const units = departmentsOf(rows);
    expect(new Set(units).size).toBe(units.length);
    expect(units).toContain("市委组织部<市委人才办>");
    expect(units.indexOf("市财政局")).toBeLessThan(units.indexOf("市发改局"));
  });

  it("writes figures and article numbers as the document does", () => {
    const byId = (id: string) => edition.targets.find((t) => t.id === id)!;
    expect(figureText(byId("art01-hitech-firms"))).toBe("≥ 75家");
    expect(figureText(byId("area1-rd-intensity"))).toBe("≈ 3.12%");
    expect(figureText(byId("art10-trade-in-funds-rank"))).toBe("前 3名");
    expect(figureText(byId("area7-income-ratio"))).toBe("");
    expect(articleLabel(37)).toBe("(三十七)");
  });
});

describe("describeError", () => {
  const t = strings.zh;
  it.each([
    [new NotInExcelError(), "未连接到 Excel"],
    [{ code: "InvalidOperationInCellEditMode", message: "x" }, "正在编辑单元格"],
    [{ code: "RequestPayloadSizeLimitExceeded", message: "x" }, "5 MB"],
    [{ code: "AccessDenied", message: "x" }, "受保护"],
    [{ code: "GeneralException", message: "The sheet is protected" }, "受保护"],
    [{ code: "GeneralException", message: "Boom" }, "操作失败:Boom"],
    ["plain text", "操作失败:plain text"],
    [null, "操作失败,原因未知。"],
  ])("%j", (error, expected) => expect(describeError(error, t)).toContain(expected));

  it("speaks English in the English pane", () => {
    expect(describeError(new NotInExcelError(), strings.en)).toMatch(/^Not connected to Excel/);
  });
});

describe("dates", () => {
  it("gives the local date and a short local time", () => {
    expect(localIsoDate(new Date(2025, 0, 5, 23, 59))).toBe("2025-01-05");
    expect(shortDateTime(new Date(2025, 6, 8, 14, 30).toISOString())).toBe("2025-07-08 14:30");
    expect(shortDateTime("not a date")).toBe("not a date");
    expect(shortDateTime(undefined)).toBe("");
  });
});

describe("strings", () => {
  it("has the same keys in both languages", () => {
    const keys = (o: object, prefix = ""): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        typeof v === "object" && v !== null && !Array.isArray(v) && k !== "sheetNames" && k !== "units"
          ? keys(v as object, `${prefix}${k}.`)
          : [`${prefix}${k}`],
      );
    expect(keys(strings.en).sort()).toEqual(keys(strings.zh).sort());
  });
});
