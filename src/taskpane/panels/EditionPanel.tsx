/**
 * 版本: which edition the workbook follows. Lists the bundled editions, loads an edition file (.json) and checks it
 * with the validation library, shows its summary and warnings and what changes against the workbook's current
 * edition, and applies it (stored in the workbook, ZC formulas recalculated). Everything from a file is shown as
 * text — React escapes it; nothing here is ever set as HTML.
 */
import { Button, makeStyles, MessageBar, MessageBarBody, Select, Text, tokens } from "@fluentui/react-components";
import { useEffect, useState, type ChangeEvent } from "react";
import { diffEditions, formatDiff } from "../../policy/diff";
import { numberAndTitle } from "../../policy/documentLabel";
import type { EditionData } from "../../policy/types";
import { formatIssue, parseEdition, type EditionValidation } from "../../policy/validation";
import type { WorkbookEdition } from "../../policy/editionPart";
import type { EditionActions } from "../edition/actions";
import { OfficialDifferenceBar } from "../components/OfficialDifferenceBar";
import { useI18n } from "../i18n";

const words = {
  zh: {
    current: "工作簿当前版本",
    none: "工作簿未内嵌版本,使用内置默认版本",
    refused: "工作簿内嵌的版本无效,已拒绝(使用内置默认版本):",
    bundled: "内置版本",
    load: "载入版本文件(.json)",
    summary: (d: EditionData) =>
      `${d.document.issuer} · ${d.document.docNumber ?? "无文号"} · ${d.document.year}年度 · ${d.areas.length} 个领域、${d.articles.length} 条、${d.targets.length} 个目标 · ${d.document.totalBudgetYi === undefined ? "未写支持总额" : `支持总额 ${d.document.totalBudgetYi}亿元`}`,
    errors: "版本文件有错误,不能应用:",
    warnings: "提示:",
    diff: "与工作簿当前版本相比:",
    apply: "应用到工作簿",
    applied: "已应用:版本已存入工作簿,ZC 公式已重算。",
  },
  en: {
    current: "The workbook's edition",
    none: "The workbook carries no edition: the default bundled edition is used",
    refused: "The workbook's edition is invalid and was refused (the default is used):",
    bundled: "Bundled editions",
    load: "Load an edition file (.json)",
    summary: (d: EditionData) =>
      `${d.document.issuer} · ${d.document.docNumber ?? "no 文号"} · ${d.document.year} · ${d.areas.length} areas, ${d.articles.length} articles, ${d.targets.length} targets · ${d.document.totalBudgetYi === undefined ? "no stated total" : `total ${d.document.totalBudgetYi} 亿元`}`,
    errors: "The edition file has errors and cannot be applied:",
    warnings: "Warnings:",
    diff: "Against the workbook's current edition:",
    apply: "Apply to the workbook",
    applied: "Applied: the edition is stored in the workbook and ZC formulas were recalculated.",
  },
} as const;

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  diff: { whiteSpace: "pre-wrap", fontSize: tokens.fontSizeBase200, margin: 0 },
});

export interface EditionPanelProps {
  actions: EditionActions;
  bundled: readonly EditionData[];
  /** The edition the pane uses now (the workbook's, else the default). */
  current: EditionData;
  /** Reads a picked file's text (the browser's File API in the pane, a fake in tests). */
  readFile: (file: File) => Promise<string>;
  onApplied: (data: EditionData) => void;
}

export function EditionPanel(props: EditionPanelProps) {
  const { lang } = useI18n();
  const w = words[lang];
  const styles = useStyles();
  const [carried, setCarried] = useState<WorkbookEdition | undefined>();
  const [candidate, setCandidate] = useState<EditionValidation | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    props.actions.readWorkbookEdition().then(
      (r) => live && setCarried(r),
      () => live && setCarried({ found: false }),
    );
    return () => {
      live = false;
    };
  }, [props.actions]);

  const pickBundled = (event: ChangeEvent<HTMLSelectElement>) => {
    const data = props.bundled.find((d) => d.document.id === event.target.value);
    setStatus(undefined);
    setCandidate(data ? { edition: data, errors: [], warnings: [] } : undefined);
  };
  const pickFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setStatus(undefined);
    setCandidate(parseEdition(await props.readFile(file)));
  };
  const apply = async (data: EditionData) => {
    setBusy(true);
    try {
      await props.actions.applyEdition(data);
      setStatus(w.applied);
      setCarried({ found: true, edition: data, errors: [], warnings: [] });
      props.onApplied(data);
    } catch (error) {
      setStatus(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  const edition = candidate?.edition;
  // What applying changes is measured against the edition stored in the workbook, when it carries a valid one.
  const applied = carried?.found && carried.edition !== undefined ? carried.edition : props.current;
  return (
    <section className={styles.panel} data-testid="edition-panel">
      <Text weight="semibold">{w.current}</Text>
      <Text data-testid="edition-current">
        {props.current.document.id} · {props.current.document.title}
      </Text>
      {carried && !carried.found ? <Text size={200}>{w.none}</Text> : null}
      {carried?.found && carried.edition === undefined ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody data-testid="edition-refused">
            {w.refused} {carried.errors.map(formatIssue).join(";")}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <OfficialDifferenceBar edition={applied} disabled={busy} onAdopt={(official) => void apply(official)} />

      <label>
        <Text>{w.bundled}</Text>
        <Select aria-label={w.bundled} onChange={pickBundled} defaultValue="">
          <option value="" />
          {props.bundled.map((d) => (
            <option key={d.document.id} value={d.document.id}>
              {numberAndTitle(d.document)}
            </option>
          ))}
        </Select>
      </label>
      <label>
        <Text>{w.load}</Text>
        <input type="file" accept=".json,application/json" aria-label={w.load} onChange={pickFile} />
      </label>

      {candidate && candidate.errors.length > 0 ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody data-testid="edition-errors">
            {w.errors}
            <ul>
              {candidate.errors.slice(0, 50).map((i) => (
                <li key={`${i.path} ${i.message}`}>{formatIssue(i)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {edition ? (
        <div data-testid="edition-candidate">
          <Text weight="semibold">{edition.document.title}</Text>
          <Text as="p" data-testid="edition-summary">
            {w.summary(edition)}
          </Text>
          {candidate.warnings.length > 0 ? (
            <div data-testid="edition-warnings">
              <Text>{w.warnings}</Text>
              <ul>
                {candidate.warnings.map((i) => (
                  <li key={`${i.path} ${i.message}`}>{formatIssue(i)}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <Text>{w.diff}</Text>
          <pre data-testid="edition-diff" className={styles.diff}>
            {formatDiff(diffEditions(applied, edition))}
          </pre>
          <Button appearance="primary" disabled={busy} onClick={() => void apply(edition)}>
            {w.apply}
          </Button>
        </div>
      ) : null}
      {status ? (
        <Text role="status" data-testid="edition-status">
          {status}
        </Text>
      ) : null}
    </section>
  );
}
