import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Select,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useState } from "react";
import type { EditionData } from "../../policy/types";
import { monthReportText } from "../../report";
import { ErrorBar } from "../components/ErrorBar";
import { useSharedStyles } from "../components/styles";
import { useAction } from "../components/useAction";
import { DOCX_MIME, type DownloadFile } from "../download";
import { useI18n } from "../i18n";
import type { BuildDocx } from "../reportDocx";
import type { ReportActions, ReportSheetWritten, ReportSource } from "../reportActions";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalL,
    marginTop: tokens.spacingVerticalL,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  preview: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  buttons: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

export interface ReportPanelProps {
  actions: ReportActions;
  edition: EditionData;
  /** Saves the .docx (a Blob download); false when the host refused it. */
  download: DownloadFile;
  /** Builds the .docx (lazy-loads the docx library). */
  buildDocx: BuildDocx;
  /** Changes when the workbook was just written elsewhere in the pane: the figures are read again. */
  refreshKey?: number;
}

type Outcome =
  { kind: "downloaded"; name: string } | { kind: "blocked" } | { kind: "written"; result: ReportSheetWritten };

/**
 * 进展情况报告: reads the workbook's figures, drafts the chosen month's report (pure, in the pane), and saves it as
 * a .docx download or as the 进展报告 sheet — both are offered, since some hosts drop downloads silently.
 */
export function ReportPanel({ actions, edition, download, buildDocx, refreshKey = 0 }: ReportPanelProps) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const { t } = useI18n();
  const reading = useAction();
  const saving = useAction();
  const [source, setSource] = useState<ReportSource | null>(null);
  const [month, setMonth] = useState(0);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [step, setStep] = useState<"docx" | "sheet" | null>(null);
  const { run: runRead } = reading;
  const year = edition.document.year;

  const read = useCallback(async () => {
    const result = await runRead(() => actions.read(edition));
    if (result) {
      setSource(result);
      setMonth(result.reportMonth > 0 ? result.reportMonth : 1);
      setOutcome(null);
    }
  }, [actions, edition, runRead]);

  useEffect(() => {
    void read();
  }, [read, refreshKey]);

  const text = useMemo(() => (source && month > 0 ? monthReportText(source.figures, month) : null), [source, month]);
  const fileName = `进展报告-${year}-${String(month).padStart(2, "0")}.docx`;

  const saveDocx = async () => {
    if (!text) return;
    setOutcome(null);
    setStep("docx");
    const bytes = await saving.run(() => buildDocx(text));
    setStep(null);
    if (!bytes) return;
    setOutcome(download(bytes, fileName, DOCX_MIME) ? { kind: "downloaded", name: fileName } : { kind: "blocked" });
  };
  const writeSheet = async () => {
    if (!text) return;
    setOutcome(null);
    setStep("sheet");
    const result = await saving.run(() => actions.writeSheet(text));
    setStep(null);
    if (result) setOutcome({ kind: "written", result });
  };

  const busy = reading.busy || saving.busy;
  // A workbook of the earlier layout holds one month only: the one of its 报告日期.
  const single = source?.layout === "current" ? source.reportMonth : 0;
  const overview = text?.sections[0]?.paragraphs ?? [];

  return (
    <section className={styles.root} aria-labelledby="report-title" data-testid="report-panel">
      <Text as="h2" className={shared.heading} id="report-title" size={500} weight="semibold">
        {t.report.title}
      </Text>
      <Text size={200} className={shared.muted}>
        {t.report.intro}
      </Text>
      {reading.busy ? <Spinner size="tiny" label={t.report.reading} labelPosition="after" /> : null}
      <ErrorBar message={reading.error} onDismiss={reading.clearError} />
      {!reading.busy ? (
        <div>
          <Button size="small" disabled={busy} onClick={() => void read()}>
            {source ? t.report.reread : t.report.read}
          </Button>
        </div>
      ) : null}

      {source ? (
        <>
          <Field label={t.report.month}>
            <Select
              value={String(month)}
              disabled={busy}
              onChange={(_, data) => {
                setMonth(Number(data.value));
                setOutcome(null);
              }}
            >
              {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
                <option key={m} value={m} disabled={single > 0 && m !== single}>
                  {`${year}年${t.report.monthOption(m, source.filled[m - 1] === true)}`}
                </option>
              ))}
            </Select>
          </Field>
          {source.reportMonth > 0 ? (
            <Text size={200} className={shared.muted}>
              {t.report.reportMonth(source.reportMonth)}
            </Text>
          ) : (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{t.report.noFigures}</MessageBarBody>
            </MessageBar>
          )}
          {single > 0 ? (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>{t.report.currentLayout(single)}</MessageBarBody>
            </MessageBar>
          ) : null}

          {text ? (
            <div className={styles.preview} data-testid="report-preview" aria-label={t.report.preview}>
              <Text weight="semibold">{text.title}</Text>
              {overview.map((p) => (
                <Text key={p} size={200}>
                  {p}
                </Text>
              ))}
            </div>
          ) : null}

          <div className={styles.buttons}>
            <Button appearance="primary" disabled={busy || !text} onClick={() => void saveDocx()}>
              {step === "docx" ? t.report.building : t.report.download}
            </Button>
            <Button disabled={busy || !text} onClick={() => void writeSheet()}>
              {step === "sheet" ? t.report.writing : t.report.writeSheet}
            </Button>
          </div>
          <ErrorBar message={saving.error} onDismiss={saving.clearError} />

          {outcome?.kind === "downloaded" ? (
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody>{t.report.downloaded(outcome.name)}</MessageBarBody>
            </MessageBar>
          ) : null}
          {outcome?.kind === "blocked" ? (
            <MessageBar intent="warning" layout="multiline" role="alert">
              <MessageBarBody>{t.report.blocked}</MessageBarBody>
              <MessageBarActions>
                <Button size="small" appearance="primary" disabled={busy} onClick={() => void writeSheet()}>
                  {t.report.writeSheet}
                </Button>
              </MessageBarActions>
            </MessageBar>
          ) : null}
          {outcome?.kind === "written" ? (
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody>{t.report.written(outcome.result.sheet, outcome.result.replaced)}</MessageBarBody>
            </MessageBar>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
