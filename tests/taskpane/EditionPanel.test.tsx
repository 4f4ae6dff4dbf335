/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { readFileSync } from "node:fs";
import path from "node:path";
import { getEdition } from "../../src/policy";
import { fromEditionFile } from "../../src/policy/editionFile";
import type { EditionData } from "../../src/policy/types";
import type { EditionActions } from "../../src/taskpane/edition/actions";
import { EditionPanel } from "../../src/taskpane/panels/EditionPanel";
import { renderInPane } from "./render";

const fixtureText = readFileSync(path.join(__dirname, "../fixtures/editions/shifan-2026.json"), "utf8");
const yueqing = getEdition("yueqing-2025")!;

function fakeActions(carried: Awaited<ReturnType<EditionActions["readWorkbookEdition"]>> = { found: false }) {
  const applied: EditionData[] = [];
  const actions: EditionActions = {
    readWorkbookEdition: async () => carried,
    applyEdition: async (data) => {
      applied.push(data);
    },
  };
  return { actions, applied };
}

function setup(text: string, carried?: Parameters<typeof fakeActions>[0]) {
  const { actions, applied } = fakeActions(carried);
  const onApplied = jest.fn();
  renderInPane(
    <EditionPanel
      actions={actions}
      bundled={[yueqing]}
      current={yueqing}
      readFile={async () => text}
      onApplied={onApplied}
    />,
  );
  return { applied, onApplied };
}

const upload = (user: ReturnType<typeof userEvent.setup>) =>
  user.upload(screen.getByLabelText("载入版本文件(.json)"), new File(["x"], "e.json", { type: "application/json" }));

describe("EditionPanel", () => {
  it("loads an edition file, shows its summary, warnings and the diff, and applies it", async () => {
    const user = userEvent.setup();
    const file = JSON.parse(fixtureText);
    file.articles[1].responsible = [];
    const { applied, onApplied } = setup(JSON.stringify(file));
    expect(await screen.findByText("工作簿未内嵌版本,使用内置默认版本")).toBeInTheDocument();
    await upload(user);
    expect(await screen.findByTestId("edition-summary")).toHaveTextContent(
      "示范县人民政府 · 示政发〔2026〕1号 · 2026年度 · 1 个领域、2 条、3 个目标 · 支持总额 0.35亿元",
    );
    expect(screen.getByTestId("edition-warnings")).toHaveTextContent("articles[1].responsible 未列责任单位");
    expect(screen.getByTestId("edition-diff")).toHaveTextContent("三、取消的目标(112 项)");
    await user.click(screen.getByRole("button", { name: "应用到工作簿" }));
    await waitFor(() => expect(applied).toHaveLength(1));
    expect(applied[0]).toEqual(fromEditionFile(file));
    expect(onApplied).toHaveBeenCalledWith(fromEditionFile(file));
    expect(screen.getByTestId("edition-status")).toHaveTextContent("已应用");
  });

  it("refuses a broken file with its errors and offers no apply", async () => {
    const user = userEvent.setup();
    const file = JSON.parse(fixtureText);
    file.targets[0].value = "8";
    setup(JSON.stringify(file));
    await upload(user);
    expect(await screen.findByTestId("edition-errors")).toHaveTextContent("targets[0].value 应为数字或null");
    expect(screen.queryByRole("button", { name: "应用到工作簿" })).toBeNull();
  });

  it("shows markup in a file as text, never as HTML", async () => {
    const user = userEvent.setup();
    const file = JSON.parse(fixtureText);
    file.edition.title = "<img src=x onerror=alert(1)>";
    setup(JSON.stringify(file));
    await upload(user);
    expect((await screen.findAllByText("<img src=x onerror=alert(1)>")).length).toBeGreaterThan(0);
    expect(document.querySelector("img")).toBeNull();
  });

  it("says when the workbook's own edition was refused", async () => {
    setup(fixtureText, { found: true, errors: [{ path: "", message: "不是有效的 JSON" }], warnings: [] });
    expect(await screen.findByTestId("edition-refused")).toHaveTextContent("工作簿内嵌的版本无效,已拒绝");
  });

  it("offers the bundled editions", async () => {
    const user = userEvent.setup();
    setup(fixtureText);
    await user.selectOptions(screen.getByLabelText("内置版本"), "yueqing-2025");
    expect(await screen.findByTestId("edition-summary")).toHaveTextContent("8 个领域、37 条、113 个目标");
  });
});
