/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { screen, waitFor } from "@testing-library/react";
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { functionCatalog } from "../../src/functions/catalog";
import { defaultEditionId, editions } from "../../src/policy";
import { unavailableActions } from "../../src/taskpane/actions";
import { App, type AppProps } from "../../src/taskpane/App";
import { FakeActions, SHEETS } from "./fakeActions";

function props(patch: Partial<AppProps> = {}): AppProps {
  return {
    actions: new FakeActions(),
    lang: "zh",
    editions: [{ id: defaultEditionId, data: editions[defaultEditionId].data }],
    defaultEditionId,
    sheetKeys: SHEETS,
    catalog: functionCatalog,
    inExcel: true,
    ...patch,
  };
}

describe("App", () => {
  beforeEach(() => jest.spyOn(console, "error").mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it("opens on 生成 in Chinese with the edition named, and switches panels by tab", async () => {
    render(<App {...props()} />);
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("政策目标");
    expect(screen.getByText(/乐政发〔2025〕4号/)).toBeInTheDocument();
    expect(screen.getByRole("tab", { name: "生成", selected: true })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "生成 / 刷新工作簿" })).toBeVisible();

    const user = userEvent.setup();
    await user.click(screen.getByRole("tab", { name: "目标" }));
    expect(screen.getByRole("heading", { name: "目标浏览" })).toBeVisible();
    expect(screen.queryByRole("button", { name: "生成 / 刷新工作簿" })).not.toBeInTheDocument(); // hidden panel
    await user.click(screen.getByRole("tab", { name: "帮助" }));
    expect(screen.getByRole("heading", { name: "ZC 函数帮助" })).toBeVisible();
    await user.click(screen.getByRole("tab", { name: "状态" }));
    expect(await screen.findByTestId("status-汇总")).toBeVisible();
  });

  it("keeps a panel's state when switching tabs, and re-reads the status after generating", async () => {
    const fake = new FakeActions();
    render(<App {...props({ actions: fake })} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole("tab", { name: "状态" }));
    await screen.findByTestId("status-汇总");
    expect(fake.calls.readStatus).toHaveLength(1);
    await user.click(screen.getByRole("tab", { name: "生成" }));
    await user.click(screen.getByRole("button", { name: "生成 / 刷新工作簿" }));
    expect(await screen.findByTestId("generate-summary")).toBeInTheDocument();
    await waitFor(() => expect(fake.calls.readStatus).toHaveLength(2));
    await user.click(screen.getByRole("tab", { name: "目标" }));
    await user.click(screen.getByRole("tab", { name: "生成" }));
    expect(screen.getByTestId("generate-summary")).toBeInTheDocument();
  });

  it("is in English when Office's display language is English", () => {
    render(<App {...props({ lang: "en" })} />);
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Policy Targets");
    expect(screen.getByRole("tab", { name: "Targets" })).toBeInTheDocument();
  });

  it("outside Excel: says what still works, and a workbook action explains itself", async () => {
    render(<App {...props({ actions: unavailableActions(), inExcel: false })} />);
    expect(screen.getByText(/未连接到 Excel:目标浏览与函数帮助可以使用/)).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole("button", { name: "生成 / 刷新工作簿" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "请在 Excel 中通过“开始”选项卡的“政策目标”按钮打开任务窗格",
    );
  });

  it("opens on the view asked for (the manifest's support link opens help)", () => {
    render(<App {...props({ initialView: "help" })} />);
    expect(screen.getByRole("tab", { name: "帮助", selected: true })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "ZC 函数帮助" })).toBeVisible();
  });

  it("in an Excel without custom functions says ZC formulas need a newer Excel and the workbook works everywhere", () => {
    render(<App {...props({ customFunctions: false })} />);
    expect(screen.getByText(/ZC 公式需要更新的 Excel/)).toHaveTextContent("在任何 Excel、WPS 中都能计算");
  });

  it("says nothing about custom functions where they exist", () => {
    render(<App {...props({ customFunctions: true })} />);
    expect(screen.queryByText(/ZC 公式需要更新的 Excel/)).not.toBeInTheDocument();
  });
});
