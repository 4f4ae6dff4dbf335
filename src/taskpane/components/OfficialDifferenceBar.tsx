/**
 * The warning shown wherever the pane shows an edition that claims a bundled (official) id but differs from it: the
 * differences (the first ten), and one button that adopts the bundled edition.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { useMemo } from "react";
import { differenceFromOfficial } from "../../policy/officialEdition";
import type { EditionData } from "../../policy/types";
import { useI18n } from "../i18n";

const SHOWN = 10;

export interface OfficialDifferenceBarProps {
  edition: EditionData;
  /** Applies the bundled edition (the same path as applying any edition); absent where the pane cannot apply. */
  onAdopt?: (official: EditionData) => void;
  disabled?: boolean;
}

export function OfficialDifferenceBar({ edition, onAdopt, disabled }: OfficialDifferenceBarProps) {
  const { t } = useI18n();
  const difference = useMemo(() => differenceFromOfficial(edition), [edition]);
  if (difference === undefined) return null;
  const { lines, official } = difference;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="edition-not-official">
      <MessageBarBody>
        {t.forgedEdition.title(edition.document.id, lines.length)}
        <ul>
          {lines.slice(0, SHOWN).map((line, i) => (
            <li key={`${i} ${line}`}>{line}</li>
          ))}
          {lines.length > SHOWN ? <li>{t.forgedEdition.more(lines.length)}</li> : null}
        </ul>
      </MessageBarBody>
      {onAdopt ? (
        <MessageBarActions>
          <Button disabled={disabled} onClick={() => onAdopt(official)}>
            {t.forgedEdition.adopt}
          </Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
