/**
 * Renders a pane component the way the App does: inside the FluentProvider and the language context.
 */
import { FluentProvider } from "@fluentui/react-components";
import { render, type RenderResult } from "@testing-library/react";
import type { ReactElement } from "react";
import { theme } from "../../src/taskpane/App";
import { I18nContext, strings, type Lang } from "../../src/taskpane/i18n";

export function renderInPane(ui: ReactElement, lang: Lang = "zh"): RenderResult {
  return render(
    <I18nContext.Provider value={{ lang, t: strings[lang] }}>
      <FluentProvider theme={theme}>{ui}</FluentProvider>
    </I18nContext.Provider>,
  );
}
