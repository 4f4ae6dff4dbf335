import {
  Badge,
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import type { EditionData } from "../../policy/types";
import type { Actions, GenerateOptions, RefreshPreview, SheetStatus } from "../actions";
import { ErrorBar } from "../components/ErrorBar";
import { useAction } from "../components/useAction";
import { shortDateTime } from "../dates";
import { sheetLabel, useI18n, type Strings } from "../i18n";
import { useSharedStyles } from "../components/styles";
import { PreviewCard } from "./GenerateResults";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
  },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  line: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  stale: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

export interface StatusPanelProps {
  actions: Actions;
  /** The pane's edition as data (bundled, from a file or from the workbook): status and refresh compare with it. */
  edition: EditionData;
  /** Changes when the workbook was just written elsewhere in the pane: the panel reads the status again. */
  refreshKey?: number;
  /** Called after the panel's own refresh of stale sheets. */
  onRefreshed?: () => void;
}

type Badged = { text: string; color: "success" | "warning" | "informative" | "danger" };

function badgeOf(status: SheetStatus, t: Strings): Badged {
  if (!status.exists) return { text: t.status.missing, color: "informative" };
  if (!status.ours) return { text: t.status.foreign, color: "danger" };
  if (status.stale) return { text: t.status.stale, color: "warning" };
  return { text: t.status.ours, color: "success" };
}

export function StatusPanel({ actions, edition, refreshKey = 0, onRefreshed }: StatusPanelProps) {
  const editionId = edition.document.id;
  const styles = useStyles();
  const shared = useSharedStyles();
  const { t } = useI18n();
  const reading = useAction();
  const refreshing = useAction();
  const [statuses, setStatuses] = useState<SheetStatus[] | null>(null);
  const [refreshed, setRefreshed] = useState(false);
  const { run: runRead } = reading;

  const read = useCallback(async () => {
    const result = await runRead(() => actions.readStatus(edition));
    if (result) setStatuses(result);
  }, [actions, edition, runRead]);

  useEffect(() => {
    void read();
  }, [read, refreshKey]);

  const stale = (statuses ?? []).filter((s) => s.exists && s.ours && s.stale);
  const anyOurs = (statuses ?? []).some((s) => s.exists && s.ours);

  // Like 生成, the one-click refresh shows what it will change first; applying re-reads the workbook.
  const [pending, setPending] = useState<{ preview: RefreshPreview; options: GenerateOptions } | null>(null);
  const refreshStale = async () => {
    setRefreshed(false);
    const options: GenerateOptions = {
      editionId,
      edition,
      sheets: stale.map((s) => s.key),
      onForeignSheet: "skip",
    };
    const preview = await refreshing.run(() => actions.preview(options));
    if (preview) setPending({ preview, options });
  };
  const apply = async (restoreFormulas: boolean) => {
    if (!pending) return;
    const options = restoreFormulas ? { ...pending.options, restoreFormulas } : pending.options;
    setPending(null);
    const summary = await refreshing.run(() => actions.generate(options));
    if (summary) {
      setRefreshed(true);
      onRefreshed?.();
      await read();
    }
  };

  const busy = reading.busy || refreshing.busy;

  return (
    <section className={styles.root} aria-labelledby="status-title">
      <div className={styles.header}>
        <Text as="h2" className={shared.heading} id="status-title" size={500} weight="semibold">
          {t.status.title}
        </Text>
        <Button size="small" disabled={busy} onClick={() => void read()}>
          {t.status.refresh}
        </Button>
      </div>

      {reading.busy ? <Spinner size="tiny" label={t.status.loading} labelPosition="after" /> : null}
      <ErrorBar message={reading.error} onDismiss={reading.clearError} />
      <ErrorBar message={refreshing.error} onDismiss={refreshing.clearError} />

      {stale.length > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.status.staleTitle}</MessageBarTitle>
            {t.status.staleBody(stale.map((s) => s.key).join("”“"))}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="primary" disabled={busy} onClick={() => void refreshStale()}>
              {refreshing.busy ? t.status.refreshing : t.status.refreshStale}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}

      {pending ? (
        <PreviewCard
          preview={pending.preview}
          onApply={() => void apply(false)}
          onRestore={() => void apply(true)}
          onCancel={() => setPending(null)}
        />
      ) : null}

      {refreshed && stale.length === 0 && !busy ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{t.status.refreshed}</MessageBarBody>
        </MessageBar>
      ) : null}

      {statuses && !anyOurs && !reading.busy ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t.status.nothing}</MessageBarBody>
        </MessageBar>
      ) : null}

      {statuses ? (
        <ul className={styles.list} aria-label={t.status.title}>
          {statuses.map((status) => {
            const badge = badgeOf(status, t);
            const details = [
              status.editionId
                ? status.editionId === editionId
                  ? status.editionId
                  : t.status.otherEdition(status.editionId)
                : "",
              shortDateTime(status.generatedAt),
            ].filter(Boolean);
            return (
              <li key={status.key} className={styles.item} data-testid={`status-${status.key}`}>
                <div className={styles.line}>
                  <Text weight="semibold">{sheetLabel(t, status.key)}</Text>
                  <Badge appearance="tint" color={badge.color}>
                    {badge.text}
                  </Badge>
                </div>
                {details.length > 0 ? (
                  <Text size={200} className={styles.muted}>
                    {details.join(" · ")}
                  </Text>
                ) : null}
                {status.stale && status.staleReason ? (
                  <Text size={200} className={styles.stale}>
                    {status.staleReason}
                  </Text>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
