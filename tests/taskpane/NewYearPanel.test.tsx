/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { planCarryOver, type FinalFigure, type PreviousYear } from "../../src/carryover";
import type { EditionData } from "../../src/policy/types";
import type { NewYearActions } from "../../src/taskpane/newYear/actions";
import { PreviousFileError } from "../../src/taskpane/newYear/readPreviousFile";
import { NewYearPanel } from "../../src/taskpane/panels/NewYearPanel";
import { COUNTED, DROPPED, edition2026, figure2025, NEW_ID, y2025 } from "../carryover/support/years";
import { renderInPane } from "./render";

const y2026 = edition2026();
const FILE = "2025台账.xlsx";
const previous: PreviousYear = {
  file: FILE,
  edition: y2025,
  finals: new Map(
    y2025.targets.map((t): [string, FinalFigure] => [
      t.id,
      { value: figure2025(t.id), sheet: "月度填报", period: "12月" },
    ]),
  ),
};
const TYPED = "art02-tech-projects";

/** The card's calls over a plan of the real planner; the open workbook has one 上年值 typed (999). */
function fakeActions(read: (file: File) => Promise<PreviousYear> = () => Promise.resolve(previous)) {
  const plan = (edition: EditionData, p: PreviousYear) => planCarryOver(p, edition, new Map([[TYPED, 999]]));
  const applied: string[] = [];
  const actions: NewYearActions = {
    readFile: read,
    preview: (edition, p) => Promise.resolve(plan(edition, p)),
    apply: (edition, p) => {
      applied.push(p.file);
      const done = plan(edition, p);
      const written = done.entries.filter((e) => e.status === "carried").length;
      return Promise.resolve({ plan: done, written, notes: written + 2 });
    },
  };
  return { actions, applied };
}

const xlsx = (name: string) => new File(["PK"], name);

describe("NewYearPanel", () => {
  beforeEach(() => jest.spyOn(console, "error").mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it("previews the carry-over of the chosen file, writes it on click and says what it wrote", async () => {
    const user = userEvent.setup();
    const { actions, applied } = fakeActions();
    const onApplied = jest.fn();
    renderInPane(<NewYearPanel actions={actions} edition={y2026} onApplied={onApplied} />);
    await user.upload(screen.getByLabelText("选择上年工作簿(.xlsx)"), xlsx(FILE));
    const preview = await screen.findByTestId("new-year-preview");
    const carried = y2026.targets.length - 3; // the new one, the refused one, the typed one
    expect(preview).toHaveTextContent(`将写入上年值 ${carried} 项`);
    expect(preview).toHaveTextContent(`${TYPED}:已填 999,上年 ${figure2025(TYPED)}`);
    expect(preview).toHaveTextContent(`${COUNTED}:单位不一致:“%”不能换算为“个”`);
    expect(preview).toHaveTextContent(`本年新增目标(上年无对应)1 项:${NEW_ID}`);
    expect(preview).toHaveTextContent(`上年目标本年已无 1 项:${DROPPED}`);
    expect(applied).toEqual([]);
    await user.click(screen.getByRole("button", { name: "写入本工作簿" }));
    expect(await screen.findByTestId("new-year-summary")).toHaveTextContent(
      `已写入上年值 ${carried} 项;核对列写明来源或差异 ${carried + 2} 处。`,
    );
    expect(applied).toEqual([FILE]);
    expect(onApplied).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole("button", { name: "写入本工作簿" })).toBeNull();
  });

  it("shows a file it cannot carry from as an error bar, in the pane's language", async () => {
    const user = userEvent.setup();
    const { actions } = fakeActions((file) =>
      Promise.reject(new PreviousFileError({ kind: "noEdition", file: file.name })),
    );
    renderInPane(<NewYearPanel actions={actions} edition={y2026} />, "en");
    await user.upload(screen.getByLabelText("Choose last year's workbook (.xlsx)"), xlsx("other.xlsx"));
    expect(await screen.findByRole("alert")).toHaveTextContent(`"other.xlsx" stores no policy edition`);
    expect(screen.queryByTestId("new-year-preview")).toBeNull();
  });

  it("refuses a workbook of this year (or later) as last year's", async () => {
    const user = userEvent.setup();
    const { actions } = fakeActions(() => Promise.resolve({ ...previous, edition: y2026 }));
    renderInPane(<NewYearPanel actions={actions} edition={y2026} />);
    await user.upload(screen.getByLabelText("选择上年工作簿(.xlsx)"), xlsx("2026.xlsx"));
    await waitFor(() =>
      expect(screen.getByRole("alert")).toHaveTextContent("是 2026 年度的台账,不早于本工作簿的 2026 年度"),
    );
  });
});
