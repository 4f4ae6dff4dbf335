/**
 * Renders a pane component the way the App does (inside the FluentProvider and the language context), or the
 * whole pane on the fake Excel.
 */
import { FluentProvider } from "@fluentui/react-components";
import { render, type RenderResult } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactElement } from "react";
import { FULL_CAPABILITIES, SHEET_KEYS } from "../../src/excel";
import { functionCatalog } from "../../src/functions/catalog";
import { defaultEditionId, getEdition } from "../../src/policy";
import type { EditionData } from "../../src/policy/types";
import { App, theme } from "../../src/taskpane/App";
import { createEditionActions } from "../../src/taskpane/edition/excelActions";
import { createExcelActions, type ExcelRun } from "../../src/taskpane/excel/actions";
import { I18nContext, strings, type Lang } from "../../src/taskpane/i18n";
import type { FakeExcel } from "../workbook/support/fakeExcel";

export function renderInPane(ui: ReactElement, lang: Lang = "zh"): RenderResult {
  return render(
    <I18nContext.Provider value={{ lang, t: strings[lang] }}>
      <FluentProvider theme={theme}>{ui}</FluentProvider>
    </I18nContext.Provider>,
  );
}

/**
 * The whole pane in Chinese on the fake Excel, through the real action layer (createExcelActions,
 * createEditionActions over the fake's request context, so what the pane passes is what the writer gets), with the
 * bundled edition; `workbookEdition` is the edition the workbook carries. Returns the user who clicks.
 */
export function renderPaneOnFakeExcel(excel: FakeExcel, workbookEdition?: EditionData) {
  const run: ExcelRun = (batch) => batch(excel.context);
  render(
    <App
      actions={createExcelActions({ run, capabilities: () => FULL_CAPABILITIES })}
      editionActions={createEditionActions(run)}
      workbookEdition={workbookEdition}
      lang="zh"
      editions={[{ id: defaultEditionId, data: getEdition(defaultEditionId)! }]}
      defaultEditionId={defaultEditionId}
      sheetKeys={SHEET_KEYS}
      catalog={functionCatalog}
      inExcel
    />,
  );
  return userEvent.setup();
}
