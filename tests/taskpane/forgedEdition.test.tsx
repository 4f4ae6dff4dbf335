/** @jest-environment jsdom */
/**
 * Issue 18, class 9 in the pane: a workbook carrying an edition under the official id `yueqing-2025` with other
 * figures is shown with a warning listing the differences, and one button adopts the bundled edition — through the
 * same apply path as any edition (the part in the workbook, the functions), after which the warning is gone.
 */
import "@testing-library/jest-dom";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { getEdition } from "../../src/policy";
import { fromEditionFile, serializeEditionFile, toEditionFile } from "../../src/policy/editionFile";
import type { EditionData } from "../../src/policy/types";
import type { EditionActions } from "../../src/taskpane/edition/actions";
import { EditionPanel } from "../../src/taskpane/panels/EditionPanel";
import { readWorkbookEdition, storeWorkbookEdition } from "../../src/excel/editionPart";
import { FakeExcel } from "../workbook/support/fakeExcel";
import { renderInPane, renderPaneOnFakeExcel } from "./render";

const official = getEdition("yueqing-2025") as EditionData;

// The edition file as plain JSON, changed the way a hand edit would.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
function forged(change: (file: Json) => void): EditionData {
  const file = JSON.parse(serializeEditionFile(toEditionFile(official))) as Json;
  change(file);
  return fromEditionFile(file);
}
const hitechTo50 = (f: Json) => {
  const t = f.targets.find((x: Json) => x.id === "art01-hitech-firms");
  t.value = 50;
  t.quote = t.quote.replace("75家", "50家");
};
const sameAsOfficial = (data: EditionData) =>
  serializeEditionFile(toEditionFile(data)) === serializeEditionFile(toEditionFile(official));

function renderPanel(carried: EditionData, lang: "zh" | "en" = "zh") {
  const applied: EditionData[] = [];
  const actions: EditionActions = {
    readWorkbookEdition: async () => ({ found: true, edition: carried, errors: [], warnings: [] }),
    applyEdition: async (data) => void applied.push(data),
  };
  const onApplied = jest.fn();
  renderInPane(
    <EditionPanel
      actions={actions}
      bundled={[official]}
      current={carried}
      readFile={async () => ""}
      onApplied={onApplied}
    />,
    lang,
  );
  return { applied, onApplied };
}

describe("版本: a carried edition that claims the official id but differs", () => {
  it("shows the warning with the 75家 → 50家 line; 改用内置版本 applies the bundled edition and the warning goes", async () => {
    const user = userEvent.setup();
    const { applied, onApplied } = renderPanel(forged(hitechTo50));
    const bar = await screen.findByTestId("edition-not-official");
    expect(bar).toHaveTextContent("本工作簿的版本自称“yueqing-2025”(内置的官方版本),但与内置版本有 1 处不同");
    expect(bar).toHaveTextContent("art01-hitech-firms 目标值:75家 → 50家");
    await user.click(within(bar).getByRole("button", { name: "改用内置版本" }));
    await waitFor(() => expect(applied).toHaveLength(1));
    expect(applied[0]).toBe(official);
    expect(onApplied).toHaveBeenCalledWith(official);
    expect(screen.getByTestId("edition-status")).toHaveTextContent("已应用");
    expect(screen.queryByTestId("edition-not-official")).toBeNull();
  });

  it("lists ten differences, then how many there are in all", async () => {
    const data = forged((f) => {
      hitechTo50(f);
      f.targets.splice(5, 12);
    });
    renderPanel(data);
    const bar = await screen.findByTestId("edition-not-official");
    expect(within(bar).getAllByRole("listitem")).toHaveLength(11);
    expect(bar).toHaveTextContent("…共 13 处");
    expect(bar).toHaveTextContent("缺少目标");
  });

  it("says it in English too", async () => {
    renderPanel(forged(hitechTo50), "en");
    const bar = await screen.findByTestId("edition-not-official");
    expect(bar).toHaveTextContent(
      'claims the official id "yueqing-2025" but differs from the bundled one in 1 place(s)',
    );
    expect(within(bar).getByRole("button", { name: "Adopt the bundled edition" })).toBeInTheDocument();
  });

  it("an official carried edition (equal, not the same object) shows no warning", async () => {
    renderPanel(fromEditionFile(JSON.parse(serializeEditionFile(toEditionFile(official)))));
    await screen.findByTestId("edition-current");
    await waitFor(() => expect(screen.getByTestId("edition-panel")).toBeInTheDocument());
    expect(screen.queryByTestId("edition-not-official")).toBeNull();
  });
});

describe("the pane on the fake Excel", () => {
  it("a workbook carrying the forged edition: one click stores the bundled one in the workbook", async () => {
    const excel = new FakeExcel();
    const fake = forged(hitechTo50);
    await storeWorkbookEdition(excel.context, fake);
    const user = renderPaneOnFakeExcel(excel, fake);
    await user.click(screen.getByRole("tab", { name: "版本" }));
    const bar = await screen.findByTestId("edition-not-official");
    expect(bar).toHaveTextContent("art01-hitech-firms 目标值:75家 → 50家");

    await user.click(within(bar).getByRole("button", { name: "改用内置版本" }));
    await screen.findByTestId("edition-status");
    const carried = await readWorkbookEdition(excel.context);
    expect(carried.found && carried.edition !== undefined && sameAsOfficial(carried.edition)).toBe(true);
    expect(screen.queryByTestId("edition-not-official")).toBeNull();
  });

  it("a workbook carrying the official edition shows no warning", async () => {
    const excel = new FakeExcel();
    await storeWorkbookEdition(excel.context, official);
    const user = renderPaneOnFakeExcel(excel, official);
    await user.click(screen.getByRole("tab", { name: "版本" }));
    await waitFor(() => expect(screen.getByTestId("edition-current")).toHaveTextContent("yueqing-2025"));
    expect(screen.queryByTestId("edition-not-official")).toBeNull();
  });
});
