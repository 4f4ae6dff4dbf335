import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useRef, useState } from "react";
import type { EditionFile } from "../../policy/editionFile";
import type { EditionData } from "../../policy/types";
import { ErrorBar } from "../components/ErrorBar";
import { useSharedStyles } from "../components/styles";
import { useAction } from "../components/useAction";
import { useI18n } from "../i18n";
import type { ImportActions } from "../importActions";
import { PolicyFileRefusedError } from "../importFile";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  row: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  muted: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
  diff: { whiteSpace: "pre-wrap", fontSize: tokens.fontSizeBase200, margin: 0 },
  hiddenInput: { display: "none" },
});

/** What the panel needs of the importer and the validator; loaded on first use, so the pane's first paint stays small. */
async function importerModules() {
  const [importer, review, validation, editionFile, diff] = await Promise.all([
    import("../../importer"),
    import("../../importer/review"),
    import("../../policy/validation"),
    import("../../policy/editionFile"),
    import("../../policy/diff"),
  ]);
  return { importer, review, validation, editionFile, diff };
}

export interface ImportPanelProps {
  actions: ImportActions;
  /** The workbook's current edition: its ids are kept for matching targets, and the diff is against it. */
  current: EditionData;
  /** Reads a picked file to text (.txt, .docx, .html); injected so tests need no File API. */
  readFile: (file: File) => Promise<string>;
  /** Applies a validated edition to the workbook; absent while the pane cannot (the panel offers the file). */
  onApply?: (file: EditionFile) => Promise<void>;
}

interface Draftline {
  targets: number;
  low: number;
  excluded: number;
  missing: string[];
  notGenre: boolean;
}

interface Confirmed {
  file?: EditionFile;
  errors: string[];
  warnings: string[];
  /** The year-over-year table against the workbook's current edition (src/policy/diff, as `cli diff` prints it). */
  diff?: string;
}

export function ImportPanel({ actions, current, readFile, onApply }: ImportPanelProps) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const { t } = useI18n();
  const { busy, error, run, clearError, setError } = useAction();
  const [text, setText] = useState("");
  const [picked, setPicked] = useState<string | null>(null);
  const [drafted, setDrafted] = useState<Draftline | null>(null);
  const [exists, setExists] = useState(false);
  const [confirmed, setConfirmed] = useState<Confirmed | null>(null);
  const [applied, setApplied] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    await run(async () => {
      try {
        const content = await readFile(file);
        setText(content);
        setPicked(t.importer.picked(file.name, content.length));
      } catch (error) {
        setError(
          error instanceof PolicyFileRefusedError
            ? t.importer.refused(file.name, error)
            : t.importer.unreadable(file.name),
        );
      }
    });
  };

  const draft = async (replace: boolean) => {
    if (text.trim() === "") {
      setError(t.importer.empty);
      return;
    }
    setConfirmed(null);
    setApplied(null);
    await run(async () => {
      const { importer, review, editionFile } = await importerModules();
      const result = importer.importEdition(text, { previous: editionFile.toEditionFile(current) });
      const written = await actions.writeReviewSheet(review.reviewSheetOf(result), { replace });
      setExists(!written.written);
      if (!written.written) return;
      setDrafted({
        targets: result.targets.length,
        low: result.draft.targets.filter((c) => c.confidence < 0.7).length,
        excluded: result.draft.excluded.length,
        missing: result.draft.missing,
        notGenre: result.areas.length === 0,
      });
    });
  };

  const confirm = async () => {
    setApplied(null);
    await run(async () => {
      const read = await actions.readReviewSheet();
      if (read === undefined) {
        setError(t.importer.noSheet);
        return;
      }
      const { review, validation, diff } = await importerModules();
      const { file, problems } = review.editionFromReview(read.rows, read.text);
      const checked = validation.validateEdition(file, file.text === undefined ? {} : { text: file.text });
      const errors = [...problems, ...checked.errors.map(validation.formatIssue)];
      const warnings = checked.warnings.map(validation.formatIssue);
      const edition = checked.edition;
      setConfirmed(
        errors.length > 0 || edition === undefined
          ? { errors, warnings }
          : { file, errors, warnings, diff: diff.formatDiff(diff.diffEditions(current, edition)) },
      );
    });
  };

  const download = useMemo(() => {
    const file = confirmed?.file;
    if (!file || typeof URL.createObjectURL !== "function") return null;
    return URL.createObjectURL(new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: "application/json" }));
  }, [confirmed]);

  return (
    <section className={styles.root} aria-labelledby="import-title">
      <Text as="h2" className={shared.heading} id="import-title" size={500} weight="semibold">
        {t.importer.title}
      </Text>
      <Text size={200} className={styles.muted}>
        {t.importer.intro}
      </Text>
      <Field label={t.importer.paste} hint={picked ?? undefined}>
        <Textarea
          value={text}
          resize="vertical"
          rows={6}
          placeholder={t.importer.pastePlaceholder}
          disabled={busy}
          onChange={(_, d) => setText(d.value)}
        />
      </Field>
      <div className={styles.row}>
        <input
          ref={fileInput}
          className={styles.hiddenInput}
          type="file"
          accept=".txt,.docx,.html,.htm,text/plain,text/html"
          aria-label={t.importer.pick}
          data-testid="import-file"
          onChange={(e) => void pick(e.target.files?.[0])}
        />
        <Button disabled={busy} onClick={() => fileInput.current?.click()}>
          {t.importer.pick}
        </Button>
        <Button appearance="primary" disabled={busy} onClick={() => void draft(false)}>
          {t.importer.draft}
        </Button>
      </div>
      {busy ? <ProgressBar thickness="large" aria-label={t.importer.drafting} /> : null}
      <ErrorBar message={error} onDismiss={clearError} />
      {exists && !busy ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t.importer.exists}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => void draft(true)}>
              {t.importer.replace}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {drafted && !busy ? (
        <MessageBar intent={drafted.notGenre ? "warning" : "success"} layout="multiline" data-testid="import-drafted">
          <MessageBarBody>
            {drafted.notGenre ? <MessageBarTitle>{t.importer.notGenre}</MessageBarTitle> : null}
            {t.importer.drafted(drafted.targets, drafted.low, drafted.excluded)}
            {drafted.missing.length > 0 ? ` ${t.importer.missing(drafted.missing.join("、"))}` : ""}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <Button disabled={busy} onClick={() => void confirm()}>
        {t.importer.confirm}
      </Button>
      {confirmed && !busy ? (
        <ConfirmResult
          confirmed={confirmed}
          current={current}
          download={download}
          applied={applied}
          onApply={
            onApply
              ? async () => {
                  const file = confirmed.file;
                  if (!file) return;
                  await run(async () => {
                    await onApply(file);
                    setApplied(file.edition.id);
                  });
                }
              : undefined
          }
        />
      ) : null}
    </section>
  );
}

function ConfirmResult(props: {
  confirmed: Confirmed;
  current: EditionData;
  download: string | null;
  applied: string | null;
  onApply?: () => Promise<void>;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const { confirmed } = props;
  if (confirmed.errors.length > 0) {
    return (
      <MessageBar intent="error" layout="multiline" data-testid="import-invalid">
        <MessageBarBody>
          <MessageBarTitle>{t.importer.invalid(confirmed.errors.length)}</MessageBarTitle>
          <ul className={styles.list}>
            {confirmed.errors.slice(0, 20).map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </MessageBarBody>
      </MessageBar>
    );
  }
  const file = confirmed.file;
  const diff = confirmed.diff;
  if (!file || diff === undefined) return null;
  return (
    <div data-testid="import-valid" className={styles.root}>
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          {props.applied ? t.importer.applied(props.applied) : t.importer.valid(file.edition.id, file.targets.length)}
        </MessageBarBody>
      </MessageBar>
      <Text size={200} weight="semibold">
        {t.importer.diffTitle(props.current.document.id)}
      </Text>
      <pre data-testid="import-diff" className={styles.diff}>
        {diff}
      </pre>
      {confirmed.warnings.length > 0 ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.importer.warnings}</MessageBarTitle>
            <ul className={styles.list}>
              {confirmed.warnings.slice(0, 10).map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {props.onApply ? (
        <Button appearance="primary" disabled={props.applied !== null} onClick={() => void props.onApply?.()}>
          {t.importer.apply}
        </Button>
      ) : (
        <Text size={200}>{t.importer.applyMissing}</Text>
      )}
      {props.download ? (
        <a href={props.download} download={`${file.edition.id}.json`}>
          {t.importer.download}
        </a>
      ) : null}
    </div>
  );
}
