import {
  Button,
  Checkbox,
  Field,
  Input,
  Label,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Radio,
  RadioGroup,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import type { Actions, GenerateOptions, GenerateSummary, RefreshPreview, SheetKey } from "../actions";
import { ErrorBar } from "../components/ErrorBar";
import { useAction } from "../components/useAction";
import type { EditionData } from "../../policy/types";
import { localIsoDate, monthEnds, readReportDate, yearPosition } from "../dates";
import { sheetLabel, useI18n } from "../i18n";
import { useSharedStyles } from "../components/styles";
import { PreviewCard, Summary } from "./GenerateResults";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  sheets: { display: "grid", gridTemplateColumns: "1fr 1fr", columnGap: tokens.spacingHorizontalS },
  all: { gridColumn: "1 / -1" },
  monthEnds: {
    display: "grid",
    gridTemplateColumns: "repeat(6, 1fr)",
    columnGap: tokens.spacingHorizontalXXS,
    rowGap: tokens.spacingVerticalXXS,
  },
  monthEnd: { minWidth: "0", paddingLeft: "0", paddingRight: "0" },
  progress: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  result: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    scrollMarginTop: tokens.spacingVerticalS,
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

export type AmountUnit = NonNullable<GenerateOptions["amountUnit"]>;

export interface GeneratePanelProps {
  actions: Actions;
  /** The pane's edition as data: bundled, loaded from a file or carried by the workbook, it is written as it is. */
  edition: EditionData;
  /** The sheets the template can write, in workbook order. */
  sheetKeys: readonly SheetKey[];
  /** Called after every successful generation (the status panel re-reads). */
  onGenerated?: (summary: GenerateSummary) => void;
  /** Injected clock for tests; the default report date is its local date. */
  now?: () => Date;
}

export function GeneratePanel({ actions, edition, sheetKeys, onGenerated, now }: GeneratePanelProps) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const { t } = useI18n();
  const { busy, error, run, clearError, setError } = useAction();
  const [selected, setSelected] = useState<ReadonlySet<SheetKey>>(() => new Set(sheetKeys));
  const [unit, setUnit] = useState<AmountUnit>("万元");
  // Typed text in the zh-CN order (2025-06-30); a native date input would show the browser's order (12/01/2026).
  const [reportDateText, setReportDateText] = useState(() => localIsoDate(now ? now() : new Date()));
  const reportDate = readReportDate(reportDateText);
  const editionYear = edition.document.year;
  const position = reportDate ? yearPosition(reportDate, editionYear) : "within";
  const [summary, setSummary] = useState<GenerateSummary | null>(null);
  // A refresh of sheets that exist is previewed first; applying re-reads the workbook (a co-author may have typed).
  const [pending, setPending] = useState<{ preview: RefreshPreview; options: GenerateOptions } | null>(null);
  const [foreign, setForeign] = useState<SheetKey[]>([]);
  const [elapsed, setElapsed] = useState(0);
  const resultRef = useRef<HTMLDivElement>(null);

  // The pane is short: bring the result (and any offer to rename) into view once it is there.
  useEffect(() => {
    if (summary) resultRef.current?.scrollIntoView?.({ block: "start" });
  }, [summary, foreign]);

  useEffect(() => {
    if (!busy) return;
    setElapsed(0);
    const started = Date.now();
    const timer = setInterval(() => setElapsed(Math.round((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, [busy]);

  const chosen = useMemo(() => sheetKeys.filter((key) => selected.has(key)), [sheetKeys, selected]);
  const allState = chosen.length === sheetKeys.length ? true : chosen.length === 0 ? false : "mixed";

  const toggle = (key: SheetKey, on: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });

  const generate = async (sheets: readonly SheetKey[], onForeignSheet: "skip" | "rename") => {
    if (sheets.length === 0) {
      setError(t.generate.noSheet);
      return;
    }
    if (reportDate === undefined) {
      setError(t.generate.badDate);
      return;
    }
    const options: GenerateOptions = {
      editionId: edition.document.id,
      edition,
      sheets,
      amountUnit: unit,
      reportDate,
      onForeignSheet,
    };
    await run(async () => {
      const preview = await actions.preview(options);
      // A workbook without our sheets has nothing of the user's to change: it is written straight away.
      if (preview.sheetsRefreshed.length === 0 && !preview.empty) await write(options);
      else {
        setSummary(null);
        setPending({ preview, options });
      }
    });
  };

  const write = async (options: GenerateOptions) => {
    const result = await actions.generate(options);
    const skippedForeign = options.onForeignSheet === "skip" ? await foreignSheets(result) : [];
    setPending(null);
    setSummary(result);
    setForeign(skippedForeign);
    onGenerated?.(result);
  };

  const apply = (options: GenerateOptions) => void run(() => write(options));

  /** Skipped sheets that exist under our name but were not written by us: those can be written renamed. */
  const foreignSheets = async (result: GenerateSummary): Promise<SheetKey[]> => {
    if (result.skipped.length === 0) return [];
    const skipped = new Set(result.skipped.map((s) => s.sheet));
    const status = await actions.readStatus(edition).catch(() => []);
    return status.filter((s) => skipped.has(s.key) && s.exists && !s.ours).map((s) => s.key);
  };

  return (
    <section className={styles.root} aria-labelledby="generate-title">
      <Text as="h2" className={shared.heading} id="generate-title" size={500} weight="semibold">
        {t.generate.title}
      </Text>
      <Text size={200} className={styles.muted}>
        {t.generate.intro}
      </Text>

      {/* Not a Field: a Field gives its one id and label to every Fluent control inside it. */}
      <div className={styles.group} role="group" aria-labelledby="generate-sheets">
        <Label id="generate-sheets" weight="semibold">
          {t.generate.sheets}
        </Label>
        <div className={styles.sheets}>
          <Checkbox
            className={styles.all}
            label={t.generate.allSheets}
            checked={allState}
            disabled={busy}
            onChange={(_, data) => setSelected(new Set(data.checked === true ? sheetKeys : []))}
          />
          {sheetKeys.map((key) => (
            <Checkbox
              key={key}
              label={sheetLabel(t, key)}
              checked={selected.has(key)}
              disabled={busy}
              onChange={(_, data) => toggle(key, data.checked === true)}
            />
          ))}
        </div>
      </div>

      <Field label={t.generate.unit}>
        <RadioGroup
          layout="horizontal"
          value={unit}
          disabled={busy}
          onChange={(_, data) => setUnit(data.value === "亿元" ? "亿元" : "万元")}
        >
          <Radio value="万元" label={t.units["万元"]} />
          <Radio value="亿元" label={t.units["亿元"]} />
        </RadioGroup>
      </Field>

      <Field
        label={t.generate.reportDate}
        hint={t.generate.reportDateHint}
        validationState={reportDate === undefined ? "error" : position === "within" ? "none" : "warning"}
        validationMessage={
          reportDate === undefined
            ? t.generate.badDate
            : position === "within"
              ? undefined
              : // A note, not an alert: it is true on opening whenever today is past the policy year.
                { role: "status", children: position === "after" ? t.generate.afterYear : t.generate.beforeYear }
        }
      >
        <Input
          value={reportDateText}
          placeholder="2025-06-30"
          inputMode="numeric"
          disabled={busy}
          onChange={(_, data) => setReportDateText(data.value)}
          required
        />
      </Field>
      {editionYear !== undefined ? (
        <div className={styles.group} role="group" aria-labelledby="generate-month-ends">
          <Text id="generate-month-ends" size={200} className={styles.muted}>
            {t.generate.monthEnds(editionYear)}
          </Text>
          <div className={styles.monthEnds}>
            {monthEnds(editionYear).map((iso, i) => (
              <Button
                key={iso}
                size="small"
                className={styles.monthEnd}
                appearance={iso === reportDate ? "primary" : "secondary"}
                aria-label={t.generate.monthEndLabel(iso)}
                disabled={busy}
                onClick={() => setReportDateText(iso)}
              >
                {t.generate.month(i + 1)}
              </Button>
            ))}
          </div>
        </div>
      ) : null}

      <Button appearance="primary" disabled={busy} onClick={() => void generate(chosen, "skip")}>
        {t.generate.button}
      </Button>

      {busy ? (
        <div className={styles.progress} role="status" aria-live="polite">
          <ProgressBar thickness="large" aria-label={t.generate.running} />
          <Text size={200}>
            {t.generate.running} {elapsed > 0 ? t.generate.elapsed(elapsed) : ""}
          </Text>
        </div>
      ) : null}

      <ErrorBar message={error} onDismiss={clearError} />

      {pending && !busy ? (
        <PreviewCard
          preview={pending.preview}
          onApply={() => apply(pending.options)}
          onRestore={() => apply({ ...pending.options, restoreFormulas: true })}
          onCancel={() => setPending(null)}
        />
      ) : null}

      {summary && !busy ? (
        <div ref={resultRef} className={styles.result}>
          {foreign.length > 0 ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{t.generate.foreignTitle}</MessageBarTitle>
                {t.generate.foreignBody(foreign.join("”“"))}
              </MessageBarBody>
              <MessageBarActions>
                <Button size="small" onClick={() => void generate(foreign, "rename")}>
                  {t.generate.rename}
                </Button>
              </MessageBarActions>
            </MessageBar>
          ) : null}
          <Summary summary={summary} />
        </div>
      ) : null}
    </section>
  );
}

/** At most `n` lines of a list, then "and k more". */
