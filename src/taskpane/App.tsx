import {
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Tab,
  TabList,
  Text,
  tokens,
  webLightTheme,
  type Theme,
} from "@fluentui/react-components";
import { useMemo, useState, type ReactElement } from "react";
import type { FunctionHelp } from "../functions/catalog";
import type { EditionData } from "../policy/types";
import type { Actions, SheetKey } from "./actions";
import { I18nContext, strings, type Lang } from "./i18n";
import { GeneratePanel } from "./panels/GeneratePanel";
import { EditionPanel } from "./panels/EditionPanel";
import { unavailableEditionActions, type EditionActions } from "./edition/actions";
import { HelpPanel } from "./panels/HelpPanel";
import { ImportPanel } from "./panels/ImportPanel";
import { numberAndTitle } from "../policy/documentLabel";
import { unavailableImportActions, type ImportActions } from "./importActions";
import { readPolicyFile } from "./importFile";
import { StatusPanel } from "./panels/StatusPanel";
import { ReportPanel } from "./panels/ReportPanel";
import { unavailableReportActions, type ReportActions } from "./reportActions";
import { downloadFile, type DownloadFile } from "./download";
import { buildReportDocx, type BuildDocx } from "./reportDocx";
import { TargetsPanel } from "./panels/TargetsPanel";
import { ReturnsPanel } from "./panels/ReturnsPanel";
import { unavailableReturnsActions, type ReturnsActions } from "./returns/actions";
import { returnFiles, type ReturnFiles } from "./returns/files";
import { useSharedStyles } from "./components/styles";
import { NewYearPanel } from "./panels/NewYearPanel";
import { unavailableNewYearActions, type NewYearActions } from "./newYear/actions";

/** Segoe UI as Office has it, then the CJK UI fonts of Windows, macOS and Linux, so Chinese never falls to serif. */
const fontFamilyBase =
  "'Segoe UI', 'Microsoft YaHei UI', 'Microsoft YaHei', 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', sans-serif";

export const theme: Theme = { ...webLightTheme, fontFamilyBase };

export type View = "generate" | "status" | "returns" | "targets" | "import" | "edition" | "help";
export const VIEWS: readonly View[] = ["generate", "status", "returns", "targets", "import", "edition", "help"];

const useStyles = makeStyles({
  provider: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1 },
  root: { display: "flex", flexDirection: "column", minHeight: "100vh" },
  header: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} 0`,
  },
  doc: { color: tokens.colorNeutralForeground3 },
  tabs: {
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    // Seven tabs in a 350 px pane: small tabs fit in Chinese; a longer language scrolls instead of clipping.
    overflowX: "auto",
  },
  main: { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalXXL}` },
  banner: { margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL} 0` },
});

export interface EditionChoice {
  id: string;
  data: EditionData;
}

export interface AppProps {
  actions: Actions;
  lang: Lang;
  editions: readonly EditionChoice[];
  defaultEditionId: string;
  sheetKeys: readonly SheetKey[];
  catalog: readonly FunctionHelp[];
  /** False when the pane runs outside Excel: a banner says what still works. */
  inExcel: boolean;
  /** False in an Excel without custom functions (CustomFunctionsRuntime 1.1): a banner says what still works. */
  customFunctions?: boolean;
  initialView?: View;
  /** The 导入新版本 panel's Excel calls (the review sheet); without them it drafts but cannot write the sheet. */
  importActions?: ImportActions;
  /** The 版本 panel's Excel calls (the workbook's edition part, the functions, recalculation). */
  editionActions?: EditionActions;
  /** The edition the workbook carried when the pane started (validated), if any. */
  workbookEdition?: EditionData;
  /** The 进展情况报告 card's Excel calls (read the figures, write the 进展报告 sheet). */
  reportActions?: ReportActions;
  /** Saves a file from the pane (default: a Blob download). */
  download?: DownloadFile;
  /** Builds the report's .docx (default: the lazily loaded docx writer). */
  buildDocx?: BuildDocx;
  /** The 新年度 card's calls (last year's file read, the carry-over previewed and written). */
  newYearActions?: NewYearActions;
  /** The 填报 card's Excel calls (read the return cells, preview and write a merge). */
  returnsActions?: ReturnsActions;
  /** Writes and reads return files (default: the lazily loaded file-route writer and reader). */
  returnFiles?: ReturnFiles;
}

export function App(props: AppProps) {
  const styles = useStyles();
  const t = strings[props.lang];
  const i18n = useMemo(() => ({ lang: props.lang, t }), [props.lang, t]);
  return (
    <I18nContext.Provider value={i18n}>
      <FluentProvider theme={theme} lang={props.lang === "zh" ? "zh-CN" : "en"} className={styles.provider}>
        <Shell {...props} />
      </FluentProvider>
    </I18nContext.Provider>
  );
}

function Shell(props: AppProps) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const t = strings[props.lang];
  const [view, setView] = useState<View>(props.initialView ?? "generate");
  // Panels stay mounted once opened so switching tabs keeps a summary or a search.
  const [opened, setOpened] = useState<ReadonlySet<View>>(() => new Set([props.initialView ?? "generate"]));
  // An edition applied from a file (or carried by the workbook) joins the bundled ones for this session.
  const [loaded, setLoaded] = useState<readonly EditionChoice[]>(() =>
    props.workbookEdition ? [{ id: props.workbookEdition.document.id, data: props.workbookEdition }] : [],
  );
  const [editionId, setEditionId] = useState(props.workbookEdition?.document.id ?? props.defaultEditionId);
  const [statusKey, setStatusKey] = useState(0);
  const choices = [...loaded, ...props.editions.filter((e) => !loaded.some((l) => l.id === e.id))];
  const edition = choices.find((e) => e.id === editionId) ?? choices[0];

  const open = (next: View) => {
    setView(next);
    setOpened((o) => (o.has(next) ? o : new Set([...o, next])));
  };

  if (!edition) return null;
  const doc = edition.data.document;
  const panels: Record<View, () => ReactElement> = {
    generate: () => (
      <>
        <GeneratePanel
          actions={props.actions}
          edition={edition.data}
          sheetKeys={props.sheetKeys}
          onGenerated={() => setStatusKey((k) => k + 1)}
        />
        <NewYearPanel
          actions={props.newYearActions ?? unavailableNewYearActions()}
          edition={edition.data}
          onApplied={() => setStatusKey((k) => k + 1)}
        />
      </>
    ),
    status: () => (
      <>
        <StatusPanel
          actions={props.actions}
          edition={edition.data}
          refreshKey={statusKey}
          onRefreshed={() => setStatusKey((k) => k + 1)}
        />
        <ReportPanel
          actions={props.reportActions ?? unavailableReportActions()}
          edition={edition.data}
          download={props.download ?? downloadFile}
          buildDocx={props.buildDocx ?? buildReportDocx}
          refreshKey={statusKey}
        />
      </>
    ),
    returns: () => (
      <ReturnsPanel
        actions={props.returnsActions ?? unavailableReturnsActions()}
        edition={edition.data}
        files={props.returnFiles ?? returnFiles}
        download={props.download ?? downloadFile}
        refreshKey={statusKey}
        onMerged={() => setStatusKey((k) => k + 1)}
      />
    ),
    targets: () => <TargetsPanel edition={edition.data} catalog={props.catalog} actions={props.actions} />,
    import: () => (
      <ImportPanel
        actions={props.importActions ?? unavailableImportActions()}
        current={edition.data}
        readFile={readPolicyFile}
        onApply={async (file) => {
          await (props.importActions ?? unavailableImportActions()).applyEdition(file);
          setStatusKey((k) => k + 1);
        }}
      />
    ),
    edition: () => (
      <EditionPanel
        actions={props.editionActions ?? unavailableEditionActions()}
        bundled={props.editions.map((e) => e.data)}
        current={edition.data}
        readFile={(file) => file.text()}
        onApplied={(data) => {
          setLoaded((l) => [{ id: data.document.id, data }, ...l.filter((e) => e.id !== data.document.id)]);
          setEditionId(data.document.id);
          setStatusKey((k) => k + 1);
        }}
      />
    ),
    help: () => <HelpPanel catalog={props.catalog} />,
  };

  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <Text as="h1" className={shared.heading} size={600} weight="bold">
          {t.appTitle}
        </Text>
        {choices.length > 1 ? (
          <Select
            aria-label={t.edition}
            size="small"
            value={edition.id}
            onChange={(_, data) => {
              setEditionId(data.value);
              setStatusKey((k) => k + 1);
            }}
          >
            {choices.map((e) => (
              <option key={e.id} value={e.id}>
                {numberAndTitle(e.data.document)}
              </option>
            ))}
          </Select>
        ) : (
          <Text size={200} className={styles.doc} title={doc.title}>
            {doc.docNumber === undefined ? doc.title : `${doc.docNumber} · ${doc.title}`}
          </Text>
        )}
      </header>
      {!props.inExcel ? (
        <MessageBar intent="info" layout="multiline" className={styles.banner}>
          <MessageBarBody>{t.notInExcel}</MessageBarBody>
        </MessageBar>
      ) : null}
      {props.inExcel && props.customFunctions === false ? (
        <MessageBar intent="warning" layout="multiline" className={styles.banner}>
          <MessageBarBody>{t.noCustomFunctions}</MessageBarBody>
        </MessageBar>
      ) : null}
      <TabList
        className={styles.tabs}
        selectedValue={view}
        onTabSelect={(_, data) => open(data.value as View)}
        aria-label={t.tabsLabel}
        size="small"
      >
        {VIEWS.map((v) => (
          <Tab key={v} value={v}>
            {t.tabs[v]}
          </Tab>
        ))}
      </TabList>
      <main className={styles.main}>
        {VIEWS.filter((v) => opened.has(v)).map((v) => (
          // Panels start afresh on another edition; 版本 itself stays, so its "applied" message is seen.
          <div
            key={v === "edition" ? v : `${v}:${edition.id}`}
            role="tabpanel"
            aria-label={t.tabs[v]}
            hidden={v !== view}
          >
            {panels[v]()}
          </div>
        ))}
      </main>
    </div>
  );
}
