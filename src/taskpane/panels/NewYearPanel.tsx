/**
 * 新年度: the year's turn in the pane. Staff choose last year's workbook; the card reads it in the browser (the
 * package limits every file gets), previews what the carry-over would write into the open workbook — how many
 * 上年值, typed values that differ, unit conversions and refusals, targets without predecessor and predecessors
 * without successor — and writes it as one patch (the values and their 核对 notes), then says what it did. A file
 * that cannot be carried from is a clear bar, never a crash; everything from the file is shown as text.
 */
import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from "@fluentui/react-components";
import { useMemo, useState, type ChangeEvent } from "react";
import type { CarryOverPlan, PreviousYear } from "../../carryover";
import { numberAndTitle } from "../../policy/documentLabel";
import type { EditionData } from "../../policy/types";
import { ErrorBar } from "../components/ErrorBar";
import { useSharedStyles } from "../components/styles";
import { useAction } from "../components/useAction";
import { useI18n, type Strings } from "../i18n";
import type { CarryOverApplied, NewYearActions } from "../newYear/actions";
import { checkYears, overviewOf, type CarryOverOverview } from "../newYear/overview";
import { PreviousFileError } from "../newYear/readPreviousFile";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalL,
    marginTop: tokens.spacingVerticalL,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  box: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
});

export interface NewYearPanelProps {
  actions: NewYearActions;
  /** The open workbook's edition: the new year's. */
  edition: EditionData;
  /** Called after the carry-over wrote into the workbook (the status is read again). */
  onApplied?: () => void;
}

/** The card's own errors in its words; others get the pane's common sentence. */
function describeNewYearError(error: unknown, t: Strings, lang: "zh" | "en"): string | undefined {
  const e = t.newYear.errors;
  if (error instanceof PreviousFileError) {
    const p = error.problem;
    switch (p.kind) {
      case "limits":
        return e.limits(p.file, lang === "zh" ? p.chinese : p.english);
      case "sameYear":
        return e.sameYear(p.file, p.year, p.current);
      default:
        return e[p.kind](p.file);
    }
  }
  if (typeof error === "object" && error !== null && (error as { code?: unknown }).code === "NoTargetsSheet")
    return e.noTargets;
  return undefined;
}

export function NewYearPanel({ actions, edition, onApplied }: NewYearPanelProps) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const { t, lang } = useI18n();
  const w = t.newYear;
  const action = useAction((error) => describeNewYearError(error, t, lang));
  const [chosen, setChosen] = useState<{ previous: PreviousYear; plan: CarryOverPlan } | null>(null);
  const [applied, setApplied] = useState<CarryOverApplied | null>(null);
  const overview = useMemo(
    () => (chosen ? overviewOf(applied?.plan ?? chosen.plan, edition, lang) : null),
    [chosen, applied, edition, lang],
  );

  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // The same file chosen again (after an edit in Excel) must fire again.
    event.target.value = "";
    if (!file) return;
    setChosen(null);
    setApplied(null);
    const result = await action.run(async () => {
      const previous = await actions.readFile(file);
      checkYears(previous, edition);
      return { previous, plan: await actions.preview(edition, previous) };
    });
    if (result) setChosen(result);
  };

  const apply = async () => {
    if (!chosen) return;
    const done = await action.run(() => actions.apply(edition, chosen.previous));
    if (done) {
      setApplied(done);
      onApplied?.();
    }
  };

  return (
    <section className={styles.root} aria-labelledby="new-year-title" data-testid="new-year-panel">
      <Text as="h2" className={shared.heading} id="new-year-title" size={500} weight="semibold">
        {w.title}
      </Text>
      <Text size={200} className={shared.muted}>
        {w.intro}
      </Text>
      <input
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label={w.choose}
        disabled={action.busy}
        onChange={(e) => void pick(e)}
      />
      {action.busy && !chosen ? <Spinner size="tiny" label={w.reading} labelPosition="after" /> : null}
      <ErrorBar message={action.error} onDismiss={action.clearError} />

      {chosen && overview ? (
        <>
          <Text size={200}>{w.from(chosen.previous.file, numberAndTitle(chosen.previous.edition.document))}</Text>
          <div
            className={styles.box}
            data-testid={applied ? "new-year-summary" : "new-year-preview"}
            aria-label={applied ? w.done(applied.written, applied.notes) : w.previewTitle}
          >
            <Text weight="semibold">{applied ? w.done(applied.written, applied.notes) : w.previewTitle}</Text>
            {applied ? null : <Overview overview={overview} t={t} />}
          </div>
          {!applied && overview.carried === 0 ? (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>{w.nothing}</MessageBarBody>
            </MessageBar>
          ) : null}
          {applied ? null : (
            <div>
              <Button appearance="primary" disabled={action.busy} onClick={() => void apply()}>
                {action.busy ? w.applying : w.apply}
              </Button>
            </div>
          )}
          {applied ? <Overview overview={overview} t={t} written /> : null}
        </>
      ) : null}
    </section>
  );
}

/** The plan's counts and lists; once `written`, the count to write is in the summary above instead. */
function Overview({ overview: o, t, written = false }: { overview: CarryOverOverview; t: Strings; written?: boolean }) {
  const w = t.newYear;
  return (
    <>
      {written ? null : (
        <Text size={200}>
          {w.carried(o.carried)}
          {o.agrees > 0 ? `;${w.agrees(o.agrees)}` : ""}
        </Text>
      )}
      <WarningList
        title={w.differs(o.differs.length)}
        lines={o.differs.map((d) => [d.id, w.differsLine(d.id, d.typed, d.carried)])}
      />
      <WarningList
        title={w.refused(o.refused.length)}
        lines={o.refused.map((r) => [r.id, w.refusedLine(r.id, r.reason)])}
      />
      {o.converted.length > 0 ? (
        <Text size={200}>
          {w.converted(o.converted.length)}
          {o.converted.map((c) => w.convertedLine(c.id, c.from, c.to)).join(";")}
        </Text>
      ) : null}
      {o.noFigure.length > 0 ? <Text size={200}>{w.noFigure(o.noFigure)}</Text> : null}
      {o.withoutPredecessor.length > 0 ? <Text size={200}>{w.withoutPredecessor(o.withoutPredecessor)}</Text> : null}
      {o.withoutSuccessor.length > 0 ? <Text size={200}>{w.withoutSuccessor(o.withoutSuccessor)}</Text> : null}
    </>
  );
}

/** Entries that need a person, one line each (by target id); nothing when there are none. */
function WarningList({ title, lines }: { title: string; lines: readonly (readonly [string, string])[] }) {
  const styles = useStyles();
  if (lines.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        {title}
        <ul className={styles.list}>
          {lines.map(([id, line]) => (
            <li key={id}>{line}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
