/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { functionCatalog } from "../../src/functions/catalog";
import { HelpPanel } from "../../src/taskpane/panels/HelpPanel";
import { renderInPane } from "./render";

describe("HelpPanel", () => {
  it("shows every ZC function with its parameters and an example", () => {
    renderInPane(<HelpPanel catalog={functionCatalog} />);
    expect(functionCatalog.length).toBeGreaterThan(0);
    for (const fn of functionCatalog) {
      const item = screen.getByTestId(`help-${fn.id}`);
      expect(item).toHaveTextContent(`ZC.${fn.id}`);
      expect(item).toHaveTextContent(fn.description);
      for (const p of fn.parameters) expect(item).toHaveTextContent(p.label);
      expect(fn.examples.length).toBeGreaterThan(0);
      const first = fn.examples[0];
      expect(within(item).getByText(first?.formula ?? "?")).toBeInTheDocument();
    }
  });

  it("shows an example's formatted result and its note", () => {
    renderInPane(<HelpPanel catalog={functionCatalog} />);
    const item = screen.getByTestId("help-COMPLETION");
    expect(item).toHaveTextContent('=ZC.COMPLETION("art01-hitech-firms",60)');
    expect(item).toHaveTextContent("→ 80%(75家以上,已完成60家)");
  });

  it("filters functions by name or Chinese words", async () => {
    renderInPane(<HelpPanel catalog={functionCatalog} />);
    await userEvent.setup().type(screen.getByRole("searchbox"), "序时进度");
    const shown = screen.getAllByTestId(/^help-/).map((el) => el.getAttribute("data-testid"));
    expect(shown).toContain("help-TIMEPROGRESS");
    expect(shown).not.toContain("help-BUDGET");
  });
});
