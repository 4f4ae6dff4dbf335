/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { getEdition } from "../../src/policy";
import { StatusPanel } from "../../src/taskpane/panels/StatusPanel";
import { FakeActions, officeError, previewOf, SHEETS, statusOf } from "./fakeActions";
import { renderInPane } from "./render";

const yueqing = getEdition("yueqing-2025")!;

describe("StatusPanel", () => {
  beforeEach(() => jest.spyOn(console, "error").mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it("lists which sheets exist, from which edition and when they were generated", async () => {
    const fake = new FakeActions();
    fake.statusResult = [
      statusOf("说明"),
      statusOf("预算安排", { generatedAt: "2025-07-08T06:30:00.000Z" }),
      statusOf("目标任务", { exists: false, ours: false, editionId: undefined, generatedAt: undefined }),
      statusOf("预算执行", { ours: false, editionId: undefined, generatedAt: undefined }),
      statusOf("责任分工", { editionId: "yueqing-2024" }),
      statusOf("汇总"),
    ];
    renderInPane(<StatusPanel actions={fake} edition={yueqing} />);

    const budget = await screen.findByTestId("status-预算安排");
    expect(within(budget).getByText("已生成")).toBeInTheDocument();
    expect(budget).toHaveTextContent("yueqing-2025");
    expect(budget).toHaveTextContent(/2025-07-08 \d\d:30/);
    expect(within(screen.getByTestId("status-目标任务")).getByText("未生成")).toBeInTheDocument();
    expect(within(screen.getByTestId("status-预算执行")).getByText("同名表(非本插件)")).toBeInTheDocument();
    expect(screen.getByTestId("status-责任分工")).toHaveTextContent("来自版本 yueqing-2024");
    expect(fake.calls.readStatus).toEqual(["yueqing-2025"]);
  });

  it("warns about stale sheets and refreshes them in one click", async () => {
    const fake = new FakeActions();
    fake.statusResult = SHEETS.map((key) =>
      key === "预算安排" || key === "目标任务"
        ? statusOf(key, { stale: true, staleReason: "领域一预算为 2.8,版本为 2.74" })
        : statusOf(key),
    );
    const onRefreshed = jest.fn();
    renderInPane(<StatusPanel actions={fake} edition={yueqing} onRefreshed={onRefreshed} />);
    const user = userEvent.setup();

    expect(await screen.findByText("官方数字与政策版本不一致")).toBeInTheDocument();
    expect(screen.getByText(/“预算安排”“目标任务”中的官方数字与当前版本不同/)).toBeInTheDocument();
    expect(within(screen.getByTestId("status-预算安排")).getByText("需刷新")).toBeInTheDocument();
    expect(screen.getByTestId("status-预算安排")).toHaveTextContent("领域一预算为 2.8,版本为 2.74");

    fake.statusResult = SHEETS.map((key) => statusOf(key));
    fake.previewResult = {
      ...previewOf({
        cellsWritten: 1,
        officialUpdates: [{ sheet: "预算安排", address: "C5", rowKey: "一", column: "预算", before: 2.8, after: 2.74 }],
      }),
      empty: false,
      sheetsRefreshed: ["预算安排", "目标任务"],
      syncs: 1,
    };
    await user.click(screen.getByRole("button", { name: "一键刷新" }));
    // The change is shown first; nothing is written until it is applied.
    expect(await screen.findByTestId("refresh-preview")).toHaveTextContent("2.8");
    expect(fake.calls.preview).toHaveLength(1);
    expect(fake.calls.generate).toHaveLength(0);
    await user.click(screen.getByRole("button", { name: "应用刷新" }));
    await waitFor(() => expect(fake.calls.generate).toHaveLength(1));
    expect(fake.calls.generate[0]).toEqual({
      editionId: "yueqing-2025",
      edition: yueqing,
      sheets: ["预算安排", "目标任务"],
      onForeignSheet: "skip",
    });
    expect(await screen.findByText("已刷新。")).toBeInTheDocument();
    expect(screen.queryByText("官方数字与政策版本不一致")).not.toBeInTheDocument();
    expect(onRefreshed).toHaveBeenCalledTimes(1);
  });

  it("says so when nothing has been generated yet", async () => {
    const fake = new FakeActions();
    fake.statusResult = SHEETS.map((key) => statusOf(key, { exists: false, ours: false, editionId: undefined }));
    renderInPane(<StatusPanel actions={fake} edition={yueqing} />);
    expect(await screen.findByText(/还没有本插件生成的工作表/)).toBeInTheDocument();
  });

  it("reads again when the workbook was written elsewhere and on 重新检查", async () => {
    const fake = new FakeActions();
    const { rerender } = renderInPane(<StatusPanel actions={fake} edition={yueqing} refreshKey={0} />);
    await screen.findByTestId("status-汇总");
    expect(fake.calls.readStatus).toHaveLength(1);
    rerender(<StatusPanel actions={fake} edition={yueqing} refreshKey={1} />);
    await waitFor(() => expect(fake.calls.readStatus).toHaveLength(2));
    await userEvent.setup().click(screen.getByRole("button", { name: "重新检查" }));
    await waitFor(() => expect(fake.calls.readStatus).toHaveLength(3));
  });

  it("shows a failure to read in a Chinese MessageBar", async () => {
    const fake = new FakeActions();
    fake.statusResult = officeError("NotInExcel");
    renderInPane(<StatusPanel actions={fake} edition={yueqing} />);
    expect(await screen.findByRole("alert")).toHaveTextContent("未连接到 Excel");
  });
});
