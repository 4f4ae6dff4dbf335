/**
 * The task pane's entry (webpack `taskpane`). It waits for Office, picks the language from Office's display
 * language, and renders the App with the real Excel actions — or, outside Excel, with actions that explain why
 * they cannot run while browsing and help keep working.
 */
import { createRoot, type Root } from "react-dom/client";
import { functionCatalog } from "../functions/catalog";
import { defaultEditionId, editionIds, getEdition } from "../policy";
import { unavailableActions } from "./actions";
import { App, VIEWS, type EditionChoice, type View } from "./App";
import { ALL_SHEET_KEYS, createExcelActions, isSetSupported } from "./excel/actions";
import { createImportActions } from "./excel/reviewSheet";
import { createReportActions } from "./excel/reportActions";
import { unavailableReportActions } from "./reportActions";
import { createNewYearActions } from "./excel/newYearActions";
import { unavailableNewYearActions } from "./newYear/actions";
import { createReturnsActions } from "./returns/excelActions";
import { unavailableReturnsActions } from "./returns/actions";
import { unavailableImportActions } from "./importActions";
import { pickLang } from "./i18n";
import { adoptWorkbookEdition, createEditionActions } from "./edition/excelActions";
import { unavailableEditionActions } from "./edition/actions";
import type { EditionData } from "../policy/types";

/** How long to wait for Office before showing the pane in "not in Excel" mode (it still switches once ready). */
const OFFICE_WAIT_MS = 8000;

const editionChoices: EditionChoice[] = editionIds().flatMap((id) => {
  const data = getEdition(id);
  return data ? [{ id, data }] : [];
});

function initialView(): View | undefined {
  const view = new URLSearchParams(window.location.search).get("view");
  return VIEWS.find((v) => v === view);
}

function render(root: Root, inExcel: boolean, displayLanguage: string | undefined, workbookEdition?: EditionData) {
  const lang = pickLang(displayLanguage);
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  root.render(
    <App
      // A workbook edition read after the first render remounts the pane on it.
      key={workbookEdition?.document.id ?? ""}
      actions={inExcel ? createExcelActions() : unavailableActions()}
      importActions={inExcel ? createImportActions() : unavailableImportActions()}
      editionActions={inExcel ? createEditionActions() : unavailableEditionActions()}
      reportActions={inExcel ? createReportActions() : unavailableReportActions()}
      newYearActions={inExcel ? createNewYearActions() : unavailableNewYearActions()}
      returnsActions={inExcel ? createReturnsActions() : unavailableReturnsActions()}
      workbookEdition={workbookEdition}
      lang={lang}
      editions={editionChoices}
      defaultEditionId={defaultEditionId}
      // Every sheet, the monthly ones and 绩效监控 included: staff follow the year month by month in Excel too (an
      // Excel below ExcelApi 1.9 leaves those four out and says so).
      sheetKeys={ALL_SHEET_KEYS}
      catalog={functionCatalog}
      inExcel={inExcel}
      customFunctions={inExcel ? isSetSupported("CustomFunctionsRuntime", "1.1") : undefined}
      initialView={initialView()}
    />,
  );
}

function start() {
  // The page's boot script (boot/boot.ts) waits for this: the build runs, its errors are now the pane's to show.
  window.__zcBoot?.started();
  const container = document.getElementById("root");
  if (!container) return;
  const root = createRoot(container);
  if (typeof Office === "undefined") {
    // office.js did not load (offline, blocked): browsing and help still work.
    render(root, false, undefined);
    return;
  }
  let ready = false;
  const fallback = setTimeout(() => {
    if (!ready) render(root, false, undefined);
  }, OFFICE_WAIT_MS);
  Office.onReady()
    .then((info) => {
      ready = true;
      clearTimeout(fallback);
      const inExcel = info.host === Office.HostType.Excel;
      render(root, inExcel, Office.context?.displayLanguage);
      // The workbook's own edition (validated) drives the functions and the pane once read; a refused or
      // unreadable part leaves the default edition in use, and the 版本 panel says why.
      if (inExcel)
        adoptWorkbookEdition().then(
          (data) => data && render(root, true, Office.context?.displayLanguage, data),
          (error: unknown) => console.error(error),
        );
    })
    .catch((error: unknown) => {
      console.error(error);
      ready = true;
      clearTimeout(fallback);
      render(root, false, undefined);
    });
}

start();
