/** What 生成 shows around a write: the refresh's preview before it (also on 状态), and the summary after it. */
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from "@fluentui/react-components";
import { Fragment } from "react";
import type { GenerateSummary, RefreshPreview } from "../actions";
import { useI18n } from "../i18n";

const useStyles = makeStyles({
  summaryBox: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  summary: {
    display: "grid",
    gridTemplateColumns: "max-content minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    padding: `0 ${tokens.spacingHorizontalS}`,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
});

function firstLines<T>(items: readonly T[], n: number, line: (item: T) => string, more: (k: number) => string) {
  const lines = items.slice(0, n).map(line);
  if (items.length > n) lines.push(more(items.length - n));
  return lines;
}

/** What a refresh will change, before it changes it: official figures old → new, rows, overrides, skips. */
export function PreviewCard({
  preview,
  onApply,
  onRestore,
  onCancel,
}: {
  preview: RefreshPreview;
  onApply: () => void;
  onRestore: () => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const p = t.generate.preview;
  const show = (v: unknown) => (v === null || v === undefined || v === "" ? p.blank : String(v));
  const rows: [string, string[]][] = [
    [
      p.officialUpdates,
      firstLines(
        preview.officialUpdates,
        8,
        (u) =>
          p.updateLine(
            `${u.sheet}!${u.address}${u.rowKey ? ` ${u.rowKey}` : ""}${u.column ? ` ${u.column}` : ""}`,
            show(u.before),
            show(u.after),
          ),
        p.more,
      ),
    ],
    [p.rowsAppended, firstLines(preview.rowsAppended, 8, (r) => `${r.sheet}:${r.rowKey}`, p.more)],
    [p.rowsFlagged, firstLines(preview.rowsFlagged, 8, (r) => `${r.sheet}:${r.rowKey}(${r.flag})`, p.more)],
    [
      p.overridesKept,
      firstLines(
        preview.overridesKept,
        8,
        (o) => `${o.sheet}!${o.address} ${o.rowKey ?? ""} ${o.column ?? ""}:${show(o.value)}`,
        p.more,
      ),
    ],
    [p.columnsAppended, preview.columnsAppended.map((c) => `${c.sheet}:${c.header}`)],
    [p.sheetsCreated, [...preview.sheetsCreated]],
    [p.blocksAdded, (preview.blocksAdded ?? []).map((b) => p.blockLine(b.sheet, b.title, b.charts))],
    [p.sheetsSkipped, preview.sheetsSkipped.map((s) => t.generate.skipLine(s.sheet, s.reason))],
  ];
  if (preview.unitSwitch) {
    rows.push([p.unit, [p.unitLine(preview.unitSwitch.from, preview.unitSwitch.to, preview.unitSwitch.converted)]]);
  }
  if (preview.formulasFilled + preview.formulasUpgraded > 0) {
    rows.push([p.formulas, [p.formulasLine(preview.formulasFilled, preview.formulasUpgraded)]]);
  }
  if ((preview.valuesMoved ?? 0) > 0) rows.push([p.moved, [p.movedLine(preview.valuesMoved ?? 0)]]);
  return (
    <div className={styles.summaryBox} data-testid="refresh-preview">
      <MessageBar intent={preview.empty ? "success" : "info"} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{preview.empty ? p.emptyTitle : p.title}</MessageBarTitle>
          {preview.empty ? p.emptyBody : p.cells(preview.cellsWritten, preview.inputsKept)}
        </MessageBarBody>
      </MessageBar>
      {preview.empty ? null : (
        <dl className={styles.summary}>
          {rows
            .filter(([, lines]) => lines.length > 0)
            .map(([term, lines]) => (
              <Fragment key={term}>
                <dt className={styles.term}>{term}</dt>
                <dd className={styles.value}>
                  <ul className={styles.list}>
                    {lines.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                </dd>
              </Fragment>
            ))}
        </dl>
      )}
      <div className={styles.actions}>
        {preview.empty ? null : (
          <Button appearance="primary" onClick={onApply}>
            {p.apply}
          </Button>
        )}
        {preview.overridesKept.length > 0 ? <Button onClick={onRestore}>{p.restore}</Button> : null}
        <Button onClick={onCancel}>{preview.empty ? t.dismiss : p.cancel}</Button>
      </div>
      {preview.overridesKept.length > 0 ? (
        <Text size={100} className={styles.muted}>
          {p.restoreHint}
        </Text>
      ) : null}
    </div>
  );
}

export function Summary({ summary }: { summary: GenerateSummary }) {
  const styles = useStyles();
  const { t } = useI18n();
  const kb = (summary.payloadBytes / 1024).toFixed(summary.payloadBytes < 10240 ? 1 : 0);
  return (
    <div className={styles.summaryBox} data-testid="generate-summary">
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t.generate.doneTitle}</MessageBarTitle>
          {t.generate.doneLine(summary.sheetsWritten.length, summary.rowsWritten)}
        </MessageBarBody>
      </MessageBar>
      <dl className={styles.summary}>
        <dt className={styles.term}>{t.generate.sheetsWritten}</dt>
        <dd className={styles.value}>
          {summary.sheetsWritten.length > 0 ? summary.sheetsWritten.join("、") : t.generate.none}
        </dd>
        <dt className={styles.term}>{t.generate.rowsWritten}</dt>
        <dd className={styles.value}>{t.generate.rows(summary.rowsWritten)}</dd>
        <dt className={styles.term}>{t.generate.valuesKept}</dt>
        <dd className={styles.value}>{t.generate.values(summary.valuesKept)}</dd>
        {summary.orphanRows > 0 ? (
          <>
            <dt className={styles.term}>{t.generate.orphanRows}</dt>
            <dd className={styles.value}>{t.generate.rows(summary.orphanRows)}</dd>
          </>
        ) : null}
        {summary.skippedFeatures.length > 0 ? (
          <>
            <dt className={styles.term}>{t.generate.olderExcel}</dt>
            <dd className={styles.value}>
              <ul className={styles.list} data-testid="skipped-features">
                {summary.skippedFeatures.map((s) => (
                  <li key={s.feature}>{t.generate.featureLine(t.features[s.feature], s.excelApi)}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        {summary.skipped.length > 0 ? (
          <>
            <dt className={styles.term}>{t.generate.skipped}</dt>
            <dd className={styles.value}>
              <ul className={styles.list}>
                {summary.skipped.map((s) => (
                  <li key={s.sheet}>{t.generate.skipLine(s.sheet, s.reason)}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
      <Text size={100} className={styles.muted}>
        {t.generate.technical(summary.syncs, kb)}
      </Text>
    </div>
  );
}
