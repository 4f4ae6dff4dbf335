import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import type { EditionData } from "../../policy/types";
import { ErrorBar } from "../components/ErrorBar";
import { useSharedStyles } from "../components/styles";
import { useAction } from "../components/useAction";
import type { DownloadFile } from "../download";
import { useI18n } from "../i18n";
import type { ReturnsActions, ReturnsSource } from "../returns/actions";
import { ZIP_MIME, type ReturnFiles, type ReturnsZip } from "../returns/files";
import { defaultReturnMonth } from "../returns/month";
import { ReturnsCollect } from "./ReturnsCollect";
import { ReturnsRemind } from "./ReturnsRemind";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
});

export interface ReturnsPanelProps {
  actions: ReturnsActions;
  edition: EditionData;
  /** The return files' writer and reader (lazily loaded in the pane). */
  files: ReturnFiles;
  /** Saves the .zip (a Blob download); false when the host refused it. */
  download: DownloadFile;
  /** Changes when the workbook was just written elsewhere in the pane: the card reads it again. */
  refreshKey?: number;
  /** Called after a merge was written (the other cards re-read). */
  onMerged?: () => void;
}

type Made = { kind: "downloaded"; zip: ReturnsZip } | { kind: "blocked"; zip: ReturnsZip };

/**
 * 填报: 分发 (one return per leading unit, zipped into one download), 回收 (picked files → preview → merge with its
 * log) and 催报 (who has not answered, and a reminder to paste). Building and reading returns is the file route's
 * own code; Excel is only read and written through `actions`.
 */
export function ReturnsPanel({ actions, edition, files, download, refreshKey = 0, onMerged }: ReturnsPanelProps) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const { t } = useI18n();
  const r = t.returns;
  const reading = useAction();
  const making = useAction();
  const { run: runRead } = reading;
  const [source, setSource] = useState<ReturnsSource | null>(null);
  const [month, setMonth] = useState(0);
  const [deadline, setDeadline] = useState("");
  const [sendTo, setSendTo] = useState("");
  const [made, setMade] = useState<Made | null>(null);
  const year = edition.document.year;

  const read = useCallback(async () => {
    const result = await runRead(() => actions.read(edition));
    if (!result) return;
    setSource(result);
    // The first read picks the workbook's month; later reads (after a merge, a refresh) keep the one chosen.
    setMonth((m) => (m > 0 ? m : defaultReturnMonth(result.reportDate, result.cells, year)));
  }, [actions, edition, runRead, year]);

  useEffect(() => {
    void read();
  }, [read, refreshKey]);

  const make = async () => {
    if (!source) return;
    setMade(null);
    const zip = await making.run(() =>
      files.make(
        edition,
        source.cells,
        { year, month },
        {
          ...(deadline.trim() ? { deadline: deadline.trim() } : {}),
          ...(sendTo.trim() ? { sendTo: sendTo.trim() } : {}),
        },
      ),
    );
    if (zip) setMade({ kind: download(zip.bytes, zip.fileName, ZIP_MIME) ? "downloaded" : "blocked", zip });
  };

  const busy = reading.busy || making.busy;
  const ready = source !== null && source.hasMonthly && month > 0;

  return (
    <section className={styles.root} aria-labelledby="returns-title" data-testid="returns-panel">
      <Text as="h2" className={shared.heading} id="returns-title" size={500} weight="semibold">
        {r.title}
      </Text>
      <Text size={200} className={shared.muted}>
        {r.intro}
      </Text>
      {reading.busy ? <Spinner size="tiny" label={r.reading} labelPosition="after" /> : null}
      <ErrorBar message={reading.error} onDismiss={reading.clearError} />
      {source && !source.hasMonthly ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{r.noMonthly}</MessageBarBody>
        </MessageBar>
      ) : null}
      {!reading.busy ? (
        <div>
          <Button size="small" disabled={busy} onClick={() => void read()}>
            {r.reread}
          </Button>
        </div>
      ) : null}

      {ready ? (
        <>
          <Field label={r.month}>
            <Select
              value={String(month)}
              disabled={busy}
              onChange={(_, data) => {
                setMonth(Number(data.value));
                setMade(null);
              }}
            >
              {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
                <option key={m} value={m}>
                  {r.monthOption(year, m)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={r.deadline} hint={r.deadlineHint}>
            <Input value={deadline} disabled={busy} onChange={(_, d) => setDeadline(d.value)} />
          </Field>
          <Field label={r.sendTo}>
            <Input
              value={sendTo}
              placeholder={r.sendToPlaceholder}
              disabled={busy}
              onChange={(_, d) => setSendTo(d.value)}
            />
          </Field>

          <section className={styles.section} aria-labelledby="returns-distribute" data-testid="returns-distribute">
            <Text as="h3" className={shared.heading} id="returns-distribute" size={400} weight="semibold">
              {r.distribute.title}
            </Text>
            <Text size={200} className={shared.muted}>
              {r.distribute.intro}
            </Text>
            <div>
              <Button appearance="primary" disabled={busy} onClick={() => void make()}>
                {making.busy ? r.distribute.building : r.distribute.button}
              </Button>
            </div>
            <ErrorBar message={making.error} onDismiss={making.clearError} />
            {made ? (
              <MessageBar
                intent={made.kind === "downloaded" ? "success" : "warning"}
                layout="multiline"
                data-testid="returns-made"
              >
                <MessageBarBody>
                  {made.kind === "downloaded"
                    ? r.distribute.done(made.zip.fileName, made.zip.files.length)
                    : r.distribute.blocked}
                  <ul className={styles.list}>
                    {made.zip.files.map((f) => (
                      <li key={f.fileName}>{r.distribute.fileLine(f.fileName, f.targets)}</li>
                    ))}
                  </ul>
                  {made.zip.withoutReturn.length > 0 ? r.distribute.without(made.zip.withoutReturn.join("、")) : null}
                </MessageBarBody>
              </MessageBar>
            ) : null}
          </section>

          <div className={styles.section}>
            <ReturnsCollect
              actions={actions}
              edition={edition}
              files={files}
              // The pane's refresh key brings the re-read (and the other cards'); alone, the card reads itself.
              onApplied={() => (onMerged ? onMerged() : void read())}
            />
          </div>

          <div className={styles.section}>
            <ReturnsRemind edition={edition} cells={source.cells} month={month} deadline={deadline} sendTo={sendTo} />
          </div>
        </>
      ) : null}
    </section>
  );
}
