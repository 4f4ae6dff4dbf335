import {
  Button,
  Checkbox,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useRef, useState } from "react";
import type { EditionData } from "../../policy/types";
import { showValue, type CellPlan, type MergePlan, type ReturnedFile } from "../../returns";
import { ErrorBar } from "../components/ErrorBar";
import { useSharedStyles } from "../components/styles";
import { useAction } from "../components/useAction";
import { useI18n } from "../i18n";
import { choiceKey, rowKey, type ReturnsActions, type ReturnsApplied } from "../returns/actions";
import type { ReturnFiles } from "../returns/files";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  hiddenInput: { display: "none" },
  preview: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  file: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
  buttons: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

export interface ReturnsCollectProps {
  actions: ReturnsActions;
  edition: EditionData;
  files: ReturnFiles;
  /** After a merge was written: the card reads the workbook again (催报 follows). */
  onApplied: () => void;
}

interface Preview {
  readonly files: readonly ReturnedFile[];
  readonly plan: MergePlan;
}

const count = (cells: readonly CellPlan[], outcome: CellPlan["outcome"]) =>
  cells.filter((c) => c.outcome === outcome).length;

/** A rejected row of a target the unit does not lead: staff may accept it. */
const notLead = (c: CellPlan) => c.outcome === "拒绝" && c.flagged;
const rowOf = (c: CellPlan) => rowKey({ digest: c.file.digest, id: c.id });

/**
 * The cells whose outcome the merge changed from the preview's (with the staff's choices): typed since. An accepted
 * row was planned as rejected, so its cells are not compared.
 */
function changedSince(
  preview: MergePlan,
  chosen: ReadonlySet<string>,
  accepted: ReadonlySet<string>,
  applied: MergePlan,
): number {
  const expected = new Map(
    preview.cells
      .filter((c) => !(notLead(c) && accepted.has(rowOf(c))))
      .map((c) => {
        const key = choiceKey({ ...c, digest: c.file.digest });
        return [key, c.outcome === "冲突" && chosen.has(key) ? "已采纳" : c.outcome];
      }),
  );
  return applied.cells.filter((c) => {
    const before = expected.get(choiceKey({ ...c, digest: c.file.digest }));
    return before !== undefined && before !== c.outcome;
  }).length;
}

/**
 * 回收: a multi-file picker, the merge's preview per file (to write, equal, conflicts with a choice each, rejected
 * rows and refused files with their reasons), and the merge written in one batch after a fresh read.
 */
export function ReturnsCollect({ actions, edition, files: io, onApplied }: ReturnsCollectProps) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const { t, lang } = useI18n();
  const c = t.returns.collect;
  const input = useRef<HTMLInputElement>(null);
  const reading = useAction();
  const applying = useAction();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [accepted, setAccepted] = useState<ReadonlySet<string>>(new Set());
  const [applied, setApplied] = useState<{ result: ReturnsApplied; changed: number } | null>(null);
  const busy = reading.busy || applying.busy;
  const say = (m: { zh: string; en: string }) => (lang === "zh" ? m.zh : m.en);

  const pick = async (list: FileList | null) => {
    const picked = list ? Array.from(list) : [];
    if (input.current) input.current.value = "";
    if (picked.length === 0) return;
    setApplied(null);
    setPreview(null);
    setChosen(new Set());
    setAccepted(new Set());
    const result = await reading.run(async () => {
      const returned = await io.read(picked, edition);
      return { files: returned, plan: await actions.preview(edition, returned) };
    });
    if (result) setPreview(result);
  };

  const conflicts = useMemo(() => preview?.plan.cells.filter((x) => x.outcome === "冲突") ?? [], [preview]);
  const keyOf = (x: CellPlan) => choiceKey({ ...x, digest: x.file.digest });
  const strangers = useMemo(() => preview?.plan.cells.filter(notLead) ?? [], [preview]);
  const toWrite =
    (preview?.plan.writes.length ?? 0) +
    conflicts.filter((x) => chosen.has(keyOf(x))).length +
    strangers.filter((x) => accepted.has(rowOf(x))).length;
  const anything = preview !== null && (preview.plan.cells.length > 0 || preview.plan.files.some((f) => f.refused));

  const apply = async () => {
    if (!preview) return;
    const take = conflicts.filter((x) => chosen.has(keyOf(x))).map((x) => ({ ...x, digest: x.file.digest }));
    const accept = strangers.filter((x) => accepted.has(rowOf(x))).map((x) => ({ digest: x.file.digest, id: x.id }));
    const result = await applying.run(() => actions.apply(edition, preview.files, { take, accept }));
    if (!result) return;
    setApplied({ result, changed: changedSince(preview.plan, chosen, accepted, result.plan) });
    setPreview(null);
    setChosen(new Set());
    setAccepted(new Set());
    onApplied();
  };

  return (
    <section className={styles.root} aria-labelledby="returns-collect" data-testid="returns-collect">
      <Text as="h3" className={shared.heading} id="returns-collect" size={400} weight="semibold">
        {c.title}
      </Text>
      <Text size={200} className={shared.muted}>
        {c.intro}
      </Text>
      <input
        ref={input}
        className={styles.hiddenInput}
        type="file"
        multiple
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label={c.pick}
        data-testid="returns-files"
        onChange={(e) => void pick(e.target.files)}
      />
      <div>
        <Button disabled={busy} onClick={() => input.current?.click()}>
          {c.pick}
        </Button>
      </div>
      {reading.busy ? <ProgressBar thickness="large" aria-label={c.reading} /> : null}
      <ErrorBar message={reading.error} onDismiss={reading.clearError} />

      {preview ? (
        <div className={styles.preview} data-testid="returns-preview" aria-label={c.preview}>
          <Text weight="semibold">{c.preview}</Text>
          {preview.plan.files.map((f) => {
            if (f.refused)
              return (
                <MessageBar key={f.digest + f.name} intent="error" layout="multiline">
                  <MessageBarBody>{c.refused(f.name, say(f.refused))}</MessageBarBody>
                </MessageBar>
              );
            const cells = preview.plan.cells.filter((x) => x.file.digest === f.digest);
            const rejected = cells.filter((x) => x.outcome === "拒绝");
            const flagged = cells.filter((x) => x.outcome === "写入" && (x.flagged || x.notes.length > 0));
            return (
              <div key={f.digest + f.name} className={styles.file} data-testid={`returns-file-${f.name}`}>
                <Text size={200} weight="semibold">
                  {f.name}
                </Text>
                <Text size={200}>{c.fileLine(f.unit ?? "", f.month ?? "")}</Text>
                <Text size={200}>
                  {c.counts(count(cells, "写入"), count(cells, "相同"), count(cells, "冲突"), rejected.length)}
                </Text>
                {rejected.length > 0 ? (
                  <>
                    <Text size={200}>{c.rejected}</Text>
                    <ul className={styles.list}>
                      {rejected.map((x) => (
                        <li key={`${x.id}|${x.field}`}>{c.rejectedLine(x.id, x.field, x.notes.map(say).join("; "))}</li>
                      ))}
                    </ul>
                  </>
                ) : null}
                {flagged.length > 0 ? (
                  <>
                    <Text size={200}>{c.flagged}</Text>
                    <ul className={styles.list}>
                      {flagged.map((x) => (
                        <li key={`${x.id}|${x.field}`}>
                          {c.flaggedLine(x.id, x.field, showValue(x.returned), x.notes.map(say).join("; "))}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
              </div>
            );
          })}
          {conflicts.length > 0 ? (
            <div className={styles.file}>
              <Text size={200} weight="semibold">
                {c.conflicts}
              </Text>
              {conflicts.length > 1 ? (
                <Checkbox
                  label={c.takeAll}
                  disabled={busy}
                  checked={chosen.size === conflicts.length ? true : chosen.size === 0 ? false : ("mixed" as const)}
                  onChange={(_, d) => setChosen(d.checked === true ? new Set(conflicts.map(keyOf)) : new Set())}
                />
              ) : null}
              {conflicts.map((x) => (
                <Checkbox
                  key={keyOf(x)}
                  disabled={busy}
                  label={c.take(x.unit, x.id, x.field, showValue(x.before), showValue(x.returned))}
                  checked={chosen.has(keyOf(x))}
                  onChange={(_, d) =>
                    setChosen((s) => {
                      const next = new Set(s);
                      if (d.checked === true) next.add(keyOf(x));
                      else next.delete(keyOf(x));
                      return next;
                    })
                  }
                />
              ))}
            </div>
          ) : null}
          {strangers.length > 0 ? (
            <div className={styles.file}>
              <Text size={200} weight="semibold">
                {c.notLead}
              </Text>
              {strangers.map((x) => (
                <Checkbox
                  key={keyOf(x)}
                  disabled={busy}
                  label={c.accept(x.unit, x.id, x.field, showValue(x.returned))}
                  checked={accepted.has(rowOf(x))}
                  onChange={(_, d) =>
                    setAccepted((s) => {
                      const next = new Set(s);
                      if (d.checked === true) next.add(rowOf(x));
                      else next.delete(rowOf(x));
                      return next;
                    })
                  }
                />
              ))}
            </div>
          ) : null}
          {anything ? (
            <div className={styles.buttons}>
              <Button appearance="primary" disabled={busy} onClick={() => void apply()}>
                {applying.busy ? c.applying : c.apply(toWrite)}
              </Button>
              <Button disabled={busy} onClick={() => setPreview(null)}>
                {c.cancel}
              </Button>
            </div>
          ) : (
            <Text size={200}>{c.nothing}</Text>
          )}
        </div>
      ) : null}
      <ErrorBar message={applying.error} onDismiss={applying.clearError} />
      {applied ? (
        <MessageBar intent="success" layout="multiline" data-testid="returns-applied">
          <MessageBarBody>{c.applied(applied.result.plan.writes.length, applied.result.log.length)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {applied && applied.changed > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{c.changedSince(applied.changed)}</MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}
