/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { functionCatalog } from "../../src/functions/catalog";
import { editions } from "../../src/policy";
import { TargetsPanel } from "../../src/taskpane/panels/TargetsPanel";
import { FakeActions, officeError } from "./fakeActions";
import { renderInPane } from "./render";

const edition = editions["yueqing-2025"].data;

function setup(fake = new FakeActions()) {
  renderInPane(<TargetsPanel edition={edition} catalog={functionCatalog} actions={fake} />);
  return { fake, user: userEvent.setup() };
}

const shownIds = () => screen.queryAllByTestId(/^target-/).map((el) => el.getAttribute("data-testid")?.slice(7));

describe("TargetsPanel", () => {
  beforeEach(() => jest.spyOn(console, "error").mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it("shows each target with its figure, quote, article and responsible units (the lead first)", () => {
    setup();
    expect(screen.getByText(`共 ${edition.targets.length} 项目标`)).toBeInTheDocument();
    const card = screen.getByTestId("target-art01-hitech-firms");
    expect(card).toHaveTextContent("新增高新技术企业");
    expect(card).toHaveTextContent("≥ 75家");
    expect(card).toHaveTextContent("“新增高新技术企业75家以上”");
    expect(card).toHaveTextContent("(一)推动高能级科创平台提质增效");
    expect(card).toHaveTextContent("责任单位:市科技局(牵头)、市经信局");
    // A preamble target answers to the area's lead unit.
    const headline = screen.getByTestId("target-area1-rd-intensity");
    expect(headline).toHaveTextContent("领域总体目标");
    expect(headline).toHaveTextContent("≈ 3.12%");
    expect(headline).toHaveTextContent("责任单位:市科技局");
  });

  it("searches the Chinese text", async () => {
    const { user } = setup();
    await user.type(screen.getByRole("searchbox"), "高新技术");
    expect(shownIds()).toEqual(["art01-hitech-firms"]);
    expect(screen.getByText(`筛选出 1 项 / 共 ${edition.targets.length} 项`)).toBeInTheDocument();
    await user.clear(screen.getByRole("searchbox"));
    await user.type(screen.getByRole("searchbox"), "不存在的指标");
    expect(screen.getByText("没有符合条件的目标。")).toBeInTheDocument();
  });

  it("filters by area, then article, and by responsible unit", async () => {
    const { user } = setup();
    await user.selectOptions(screen.getByRole("combobox", { name: "领域" }), "1");
    expect(shownIds().every((id) => /^(area1|art0[1-4])-/.test(id ?? ""))).toBe(true);
    // The article list narrows to the area's articles.
    const article = screen.getByRole("combobox", { name: "条款" });
    expect(within(article).getAllByRole("option")).toHaveLength(1 + 4);
    await user.selectOptions(article, "2");
    expect(shownIds()).toEqual(["art02-tech-projects", "art02-keystone-projects", "art02-enterprise-led-share"]);

    await user.selectOptions(screen.getByRole("combobox", { name: "领域" }), "");
    await user.selectOptions(screen.getByRole("combobox", { name: "责任单位" }), "市税务局");
    expect(shownIds()).toContain("art07-tech-vice-presidents");
    for (const card of screen.getAllByTestId(/^target-/)) expect(card).toHaveTextContent("市税务局");
  });

  it('inserts =ZC.COMPLETION("<id>", ) into the selected cell, Smart View style', async () => {
    const { fake, user } = setup();
    const card = screen.getByTestId("target-art01-hitech-firms");
    await user.click(within(card).getByRole("button", { name: "插入公式" }));
    const builder = within(card).getByRole("group", { name: "插入公式" });
    expect(within(builder).getByTestId("formula-preview")).toHaveTextContent('=ZC.COMPLETION("art01-hitech-firms", )');
    const write = await within(builder).findByRole("button", { name: "写入选中单元格 Sheet1!B2" });
    await user.click(write);
    await waitFor(() => expect(fake.calls.insertFormula).toEqual(['=ZC.COMPLETION("art01-hitech-firms", )']));
    expect(await within(builder).findByText("已在 目标任务!F5 写入公式。")).toBeInTheDocument();
  });

  it("builds another ZC function with the arguments typed", async () => {
    const { fake, user } = setup();
    const card = screen.getByTestId("target-art01-hitech-firms");
    await user.click(within(card).getByRole("button", { name: "插入公式" }));
    const builder = within(card).getByRole("group", { name: "插入公式" });
    const fn = within(builder).getByRole("combobox", { name: "函数" });
    // Only functions that take a target id are offered.
    expect(
      within(fn)
        .getAllByRole("option")
        .map((o) => o.getAttribute("value")),
    ).toEqual(["TARGET", "COMPLETION", "MET", "GAP", "STATUS"]);
    await user.selectOptions(fn, "STATUS");
    await user.type(within(builder).getByRole("textbox", { name: /实际值/ }), "C5");
    await user.type(within(builder).getByRole("textbox", { name: /报告日期/ }), "2025-06-30");
    const preview = within(builder).getByTestId("formula-preview");
    expect(preview).toHaveTextContent('=ZC.STATUS("art01-hitech-firms", C5, "2025-06-30")');
    await user.click(within(builder).getByRole("button", { name: /写入选中单元格/ }));
    await waitFor(() =>
      expect(fake.calls.insertFormula).toEqual(['=ZC.STATUS("art01-hitech-firms", C5, "2025-06-30")']),
    );
  });

  it("explains in Chinese when the formula cannot be written", async () => {
    const fake = new FakeActions();
    fake.insertResult = officeError("InvalidOperationInCellEditMode");
    const { user } = setup(fake);
    const card = screen.getByTestId("target-art01-hitech-firms");
    await user.click(within(card).getByRole("button", { name: "插入公式" }));
    await user.click(await within(card).findByRole("button", { name: /写入选中单元格/ }));
    expect(await within(card).findByRole("alert")).toHaveTextContent("Excel 正在编辑单元格");
  });

  it("pages long lists", async () => {
    const { user } = setup();
    expect(shownIds()).toHaveLength(40);
    await user.click(screen.getByRole("button", { name: `显示更多(还有 ${edition.targets.length - 40} 项)` }));
    expect(shownIds()).toHaveLength(Math.min(80, edition.targets.length));
  });
});
