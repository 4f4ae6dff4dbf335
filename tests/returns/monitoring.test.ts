/**
 * The 绩效运行监控 inputs of a return (偏差原因分析, 完成目标可能性, 纠偏措施) only on the rows behind 序时进度 when
 * the return is made — judged from the workbook's last figure by the engine's status: open, yellow and with the
 * drop-down there; locked and grey elsewhere. The open rows travel in the identity (under the checksum), and a
 * merge takes monitoring texts only for them.
 */
import JSZip from "jszip";
import { getEdition } from "../../src/policy";
import {
  behindPace,
  identityIntact,
  makeIdentity,
  planMerge,
  returnsForMonth,
  type CellValue,
  type ReturnedFile,
} from "../../src/returns";
import { RETURN_HEADER_ROW, returnWorkbook } from "../../src/sheets/returnSheet";
import { readReturnFile, writeReturnFile } from "../../src/xlsx/returnFile";

const edition = getEdition("yueqing-2025")!;
const target = (id: string) => edition.targets.find((t) => t.id === id)!;
const JULY = { year: 2025, month: 7 };
const blank = (n: number): CellValue[] => Array<CellValue>(n).fill(null);

describe("behindPace", () => {
  const hitech = target("art01-hitech-firms"); // ≥ 75家, cumulative
  const rd = target("area1-rd-intensity"); // ≈ 3.12%, annual
  it("judges the last figure the workbook holds at the month's end 序时进度", () => {
    // 40 of 75 by 6月: on pace at 6月底 (0.53 ≥ 0.5), behind at 7月底 (0.53 < 0.58) when 7月 is not in yet.
    expect(behindPace(hitech, [...blank(5), 40], { year: 2025, month: 6 })).toBe(false);
    expect(behindPace(hitech, [...blank(5), 40], JULY)).toBe(true);
    // The month's own figure counts when the workbook already has it.
    expect(behindPace(hitech, [...blank(5), 40, 50], JULY)).toBe(false);
    expect(behindPace(hitech, [...blank(6), 75], JULY)).toBe(false); // met
  });
  it("an annual target not met needs monitoring; no figure yet, nothing to analyse", () => {
    expect(behindPace(rd, [...blank(6), 0.025], JULY)).toBe(true); // 2.5% of 3.12%: 未完成
    expect(behindPace(rd, [...blank(6), 0.0312], JULY)).toBe(false);
    expect(behindPace(hitech, blank(12), JULY)).toBe(false);
    expect(behindPace(hitech, [...blank(6), "待统计"], JULY)).toBe(false);
  });
});

describe("a return's monitoring inputs", () => {
  const months = new Map<string, CellValue[]>([
    ["art01-hitech-firms", [...blank(5), 40]], // behind at 7月底
    ["art02-tech-projects", [...blank(5), 10]], // met
    ["area1-rd-intensity", [...blank(5), 0.025]], // annual, not met
  ]);
  const keji = returnsForMonth(edition, { months, texts: new Map() }, JULY).returns.find((r) => r.unit === "市科技局")!;
  const open = ["area1-rd-intensity", "art01-hitech-firms"];

  it("are open only on the rows behind, and the identity says which, under its checksum", async () => {
    expect(keji.rows.filter((r) => r.monitored).map((r) => r.target.id)).toEqual(open);
    expect(keji.identity.monitored).toEqual(open);
    const bytes = await writeReturnFile(returnWorkbook(keji));
    const read = await readReturnFile(bytes, keji.fileName, "d".repeat(64), edition);
    expect(read.identity).toEqual(keji.identity);
    expect(identityIntact(read.identity!)).toBe(true);
    // Opening one more row by hand in the hidden identity breaks the checksum.
    expect(identityIntact({ ...read.identity!, monitored: [...open, "art02-tech-projects"] })).toBe(false);
  });

  it("are unlocked, yellow and with the drop-down on those rows; locked and grey on the others", async () => {
    const zip = await JSZip.loadAsync(await writeReturnFile(returnWorkbook(keji)));
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const styles = await zip.file("xl/styles.xml")!.async("string");
    const xfs = [
      ...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? "").matchAll(
        /<xf [^>]*\/>|<xf [^>]*[^/]>[\s\S]*?<\/xf>/g,
      ),
    ];
    const fills = [...(/<fills[^>]*>([\s\S]*?)<\/fills>/.exec(styles)?.[1] ?? "").matchAll(/<fill>[\s\S]*?<\/fill>/g)];
    const cellStyle = (ref: string) => {
      const s = Number(new RegExp(`<c r="${ref}"[^>]*\\bs="(\\d+)"`).exec(sheet)?.[1] ?? 0);
      const xf = xfs[s]?.[0] ?? "";
      const fill = fills[Number(/fillId="(\d+)"/.exec(xf)?.[1] ?? 0)]?.[0] ?? "";
      return { unlocked: /locked="0"/.test(xf), rgb: /fgColor rgb="(\w+)"/.exec(fill)?.[1] };
    };
    // The rows in the order sent, below the header (RETURN_HEADER_ROW).
    const rowOf = (id: string) => RETURN_HEADER_ROW + 1 + keji.rows.findIndex((r) => r.target.id === id);
    for (const row of keji.rows) {
      const r = rowOf(row.target.id);
      expect(sheet).toContain(`<c r="A${r}"`);
      expect(cellStyle(`I${r}`).unlocked).toBe(true); // the figure: every row
      expect(cellStyle(`K${r}`).unlocked).toBe(true); // 情况说明: every row
      for (const col of ["L", "M", "N"]) {
        const c = cellStyle(`${col}${r}`);
        expect(c.unlocked).toBe(row.monitored);
        expect(c.rgb).toBe(row.monitored ? "FFFFF2CC" : "FFE7E6E6");
      }
    }
    const dropDowns = [...sheet.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]).join(" ");
    const covered = (r: number) =>
      dropDowns.split(/\s+/).some((ref) => {
        const [a, b] = ref.split(":");
        const top = Number(a?.slice(1));
        const bottom = Number((b ?? a)?.slice(1));
        return a?.startsWith("M") && r >= top && r <= bottom;
      });
    for (const row of keji.rows) expect(covered(rowOf(row.target.id))).toBe(row.monitored);
  });

  it("a merge takes monitoring texts only for the open rows, 情况说明 on any row", () => {
    const file: ReturnedFile = {
      name: keji.fileName,
      digest: "e".repeat(64),
      identity: keji.identity,
      rows: [
        { id: "art01-hitech-firms", figure: null, texts: { 偏差原因分析: "项目审批延后", 完成目标可能性: "有可能" } },
        { id: "art02-tech-projects", figure: null, texts: { 情况说明: "已完成", 纠偏措施: "无" } },
      ],
    };
    const plan = planMerge({ edition, workbook: { months, texts: new Map() }, files: [file] });
    const outcome = (id: string, field: string) => plan.cells.find((c) => c.id === id && c.field === field);
    expect(outcome("art01-hitech-firms", "偏差原因分析")?.outcome).toBe("写入");
    expect(outcome("art01-hitech-firms", "完成目标可能性")?.outcome).toBe("写入");
    expect(outcome("art02-tech-projects", "情况说明")?.outcome).toBe("写入");
    const refused = outcome("art02-tech-projects", "纠偏措施")!;
    expect(refused.outcome).toBe("拒绝");
    expect(refused.notes.map((n) => n.code)).toEqual(["notMonitored"]);
    expect(plan.writes.some((w) => w.id === "art02-tech-projects" && w.field === "纠偏措施")).toBe(false);
    // A return that does not say which rows are open (made before returns did) had every row's inputs open.
    const id = keji.identity;
    const older = { ...file, identity: makeIdentity(id.unit, JULY, id.editionId, id.ids) };
    const olderPlan = planMerge({ edition, workbook: { months, texts: new Map() }, files: [older] });
    expect(olderPlan.writes.some((w) => w.id === "art02-tech-projects" && w.field === "纠偏措施")).toBe(true);
  });
});
