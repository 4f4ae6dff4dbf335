import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useRef, useState } from "react";
import type { EditionData } from "../../policy/types";
import { reminderText, returnStatus, type WorkbookCells } from "../../returns";
import { useSharedStyles } from "../components/styles";
import { useI18n } from "../i18n";
import { copyText } from "../returns/copy";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
});

export interface ReturnsRemindProps {
  edition: EditionData;
  cells: WorkbookCells;
  month: number;
  deadline: string;
  sendTo: string;
}

/** 催报: the leading units whose month is missing or incomplete, and the reminder text with a copy button. */
export function ReturnsRemind({ edition, cells, month, deadline, sendTo }: ReturnsRemindProps) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const { t } = useI18n();
  const r = t.returns.remind;
  const box = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  const open = useMemo(
    () => returnStatus(edition, cells, month).filter((s) => s.state !== "已报"),
    [edition, cells, month],
  );
  const text = useMemo(
    () =>
      reminderText(
        edition,
        open,
        { year: edition.document.year, month },
        {
          ...(deadline.trim() ? { deadline: deadline.trim() } : {}),
          ...(sendTo.trim() ? { sendTo: sendTo.trim() } : {}),
        },
      ),
    [edition, open, month, deadline, sendTo],
  );

  return (
    <section className={styles.root} aria-labelledby="returns-remind" data-testid="returns-remind">
      <Text as="h3" className={shared.heading} id="returns-remind" size={400} weight="semibold">
        {r.title}
      </Text>
      {open.length === 0 ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{r.allIn(month)}</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <Text size={200} className={shared.muted}>
            {r.intro(month)}
          </Text>
          <ul className={styles.list}>
            {open.map((s) => (
              <li key={s.unit} data-testid={`remind-${s.unit}`}>
                {r.unitLine(s.unit, s.state, s.missing.length, s.leads.length)}
              </li>
            ))}
          </ul>
          <Field label={r.text}>
            <Textarea ref={box} value={text} readOnly resize="vertical" rows={6} />
          </Field>
          <div>
            <Button
              onClick={() => {
                setCopied(null);
                void copyText(text, box.current).then(setCopied);
              }}
            >
              {r.copy}
            </Button>
          </div>
          {copied !== null ? (
            <MessageBar intent={copied ? "success" : "warning"} layout="multiline">
              <MessageBarBody>{copied ? r.copied : r.copyManually}</MessageBarBody>
            </MessageBar>
          ) : null}
        </>
      )}
    </section>
  );
}
