/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { readFileSync } from "fs";
import path from "path";
import type { Cell, ReviewSheet } from "../../src/importer/review";
import { getEdition } from "../../src/policy";
import type { EditionFile } from "../../src/policy/editionFile";
import type { ImportActions } from "../../src/taskpane/importActions";
import { ImportPanel } from "../../src/taskpane/panels/ImportPanel";
import { summaryOf } from "./fakeActions";
import { renderInPane } from "./render";

const seed = readFileSync(path.join(__dirname, "../../seeds/yueqing-2025-policy.txt"), "utf8");
const current = getEdition("yueqing-2025")!;

/** A workbook with one review sheet: what the pane wrote, as staff then edit it. */
class FakeWorkbook implements ImportActions {
  sheet: ReviewSheet | undefined;
  writes = 0;
  async writeReviewSheet(sheet: ReviewSheet, { replace }: { replace: boolean }) {
    if (this.sheet && !replace) return { written: false, sheet: "导入审核" };
    this.sheet = { ...sheet, rows: sheet.rows.map((r) => [...r]) };
    this.writes++;
    return { written: true, sheet: "导入审核" };
  }
  applied: EditionFile[] = [];
  async applyEdition(file: EditionFile) {
    this.applied.push(file);
    return summaryOf();
  }
  async readReviewSheet() {
    return this.sheet ? { rows: this.sheet.rows as Cell[][], text: this.sheet.text } : undefined;
  }
  /** Sets a cell of the target row with this 编号 (column by header). */
  edit(id: string, header: string, value: Cell) {
    const rows = this.sheet?.rows ?? [];
    const head = rows.find((r) => r[0] === "序号") ?? [];
    const row = rows.find((r) => r[2] === id);
    if (!row) throw new Error(`no row ${id}`);
    row[head.indexOf(header)] = value;
  }
}

function setup(onApply?: (file: EditionFile) => Promise<void>) {
  const workbook = new FakeWorkbook();
  const readFile = jest.fn(
    (file: File) =>
      new Promise<string>((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result));
        reader.onerror = () => reject(reader.error);
        reader.readAsText(file);
      }),
  );
  renderInPane(<ImportPanel actions={workbook} current={current} readFile={readFile} onApply={onApply} />);
  return { workbook, readFile, user: userEvent.setup() };
}

describe("ImportPanel", () => {
  beforeEach(() => jest.spyOn(console, "error").mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it("asks for a text first", async () => {
    const { user, workbook } = setup();
    await user.click(screen.getByRole("button", { name: "生成审核表" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("请先粘贴原文或选择文件");
    expect(workbook.writes).toBe(0);
  });

  it("pick a file → review sheet → staff edit → 确认导入 validates and shows the diff", async () => {
    const onApply = jest.fn(async () => undefined);
    const { user, workbook, readFile } = setup(onApply);
    await user.upload(screen.getByTestId("import-file"), new File([seed], "乐清2025.txt", { type: "text/plain" }));
    await screen.findByText(/已读取“乐清2025.txt”/);
    expect(readFile).toHaveBeenCalled();
    await user.click(screen.getByRole("button", { name: "生成审核表" }));
    // The seed drafts exactly the edition's targets (tests/importer/corpus.test.ts).
    expect(await screen.findByTestId("import-drafted")).toHaveTextContent(`${current.targets.length} 个目标`);
    expect(workbook.sheet?.rows.some((r) => r[0] === "【排除的数字】")).toBe(true);

    // A second build does not overwrite the sheet staff may have edited without asking.
    await user.click(screen.getByRole("button", { name: "生成审核表" }));
    expect(await screen.findByText(/已有“导入审核”表/)).toBeInTheDocument();
    expect(workbook.writes).toBe(1);

    // The reviewer polishes an indicator's wording; its id keeps its place, so the diff has nothing to report.
    const count = current.targets.length;
    const first = current.targets[0]!;
    workbook.edit(first.id, "指标", `${first.indicator}(审核后)`);
    await user.click(screen.getByRole("button", { name: "确认导入" }));
    const valid = await screen.findByTestId("import-valid");
    expect(valid).toHaveTextContent(`版本 yueqing-2025 校验通过,共 ${count} 个目标`);
    // The diff is the one `cli diff` prints (src/policy/diff): the reviewed text is the current edition's own, so
    // no value and no budget changed.
    const diff = screen.getByTestId("import-diff").textContent ?? "";
    expect(diff).toContain("主要变化");
    expect(diff).toContain("一、调整的目标(0 项)");
    expect(diff).toContain("四、预算安排变化(0 项)");
    await user.click(screen.getByRole("button", { name: "应用到工作簿" }));
    await waitFor(() => expect(onApply).toHaveBeenCalledTimes(1));
    const applied = onApply.mock.calls[0] as unknown as [EditionFile];
    expect(applied[0].targets).toHaveLength(count);
    expect(applied[0].targets.find((t) => t.id === first.id)?.indicator).toBe(`${first.indicator}(审核后)`);
  });

  it("a reviewer's value not in the quote is refused with the validator's message", async () => {
    const { user, workbook } = setup();
    await user.type(screen.getByRole("textbox", { name: "政策原文" }), "x");
    await user.clear(screen.getByRole("textbox", { name: "政策原文" }));
    await user.click(screen.getByRole("textbox", { name: "政策原文" }));
    await user.paste(seed);
    await user.click(screen.getByRole("button", { name: "生成审核表" }));
    await screen.findByTestId("import-drafted");
    workbook.edit("art01-hitech-firms", "目标值", 80);
    await user.click(screen.getByRole("button", { name: "确认导入" }));
    expect(await screen.findByTestId("import-invalid")).toHaveTextContent("未写出目标值 80家");
  });

  it("without a review sheet, 确认导入 says to build one", async () => {
    const { user } = setup();
    await user.click(screen.getByRole("button", { name: "确认导入" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("没有“导入审核”表");
  });
});
