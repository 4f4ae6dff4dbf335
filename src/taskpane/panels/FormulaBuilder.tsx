import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import type { FunctionHelp } from "../../functions/catalog";
import type { Target } from "../../policy/types";
import type { Actions } from "../actions";
import { ErrorBar } from "../components/ErrorBar";
import { useAction } from "../components/useAction";
import { buildFormula, NAMESPACE } from "../formula";
import { useI18n } from "../i18n";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`,
  },
  preview: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
    overflowWrap: "anywhere",
  },
  buttons: {
    display: "flex",
    columnGap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
    rowGap: tokens.spacingVerticalXS,
  },
});

/** The functions whose first argument is a target id: those the builder offers for a target. */
export function targetFunctions(catalog: readonly FunctionHelp[]): FunctionHelp[] {
  return catalog.filter((fn) => fn.parameters[0]?.name === "id");
}

export interface FormulaBuilderProps {
  target: Target;
  catalog: readonly FunctionHelp[];
  actions: Actions;
  onClose: () => void;
}

/** Smart View's function builder for one target: pick a ZC function, fill (or leave blank) its arguments, insert. */
export function FormulaBuilder({ target, catalog, actions, onClose }: FormulaBuilderProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const functions = useMemo(() => targetFunctions(catalog), [catalog]);
  const [fnId, setFnId] = useState(() =>
    functions.some((f) => f.id === "COMPLETION") ? "COMPLETION" : (functions[0]?.id ?? ""),
  );
  const [values, setValues] = useState<Record<string, string>>({});
  const [address, setAddress] = useState("");
  const [inserted, setInserted] = useState<string | null>(null);
  const { busy, error, run, clearError } = useAction();
  const ref = useRef<HTMLDivElement>(null);

  // Opened under a card near the bottom of a short pane: bring the whole builder into view.
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: "nearest" });
  }, []);

  useEffect(() => {
    let live = true;
    actions
      .getSelectionAddress()
      .then((a) => {
        if (live) setAddress(a);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [actions]);

  const fn = functions.find((f) => f.id === fnId);
  const rest = fn ? fn.parameters.slice(1) : [];
  const formula = fn
    ? buildFormula(
        `${NAMESPACE}.${fn.id}`,
        target.id,
        rest.map((p) => ({ text: values[`${fn.id}:${p.name}`] ?? "", optional: p.optional })),
      )
    : "";

  const insert = async () => {
    setInserted(null);
    const result = await run(() => actions.insertFormula(formula));
    if (result) {
      setInserted(result.address);
      setAddress(result.address);
    }
  };

  return (
    <div ref={ref} className={styles.root} role="group" aria-label={t.targets.builderTitle}>
      <Text weight="semibold">{t.targets.builderTitle}</Text>
      <Field label={t.targets.fn}>
        <Select value={fnId} onChange={(_, data) => setFnId(data.value)}>
          {functions.map((f) => (
            <option key={f.id} value={f.id}>
              {`${NAMESPACE}.${f.id} — ${f.title}`}
            </option>
          ))}
        </Select>
      </Field>
      {fn ? (
        <Text size={200} style={{ color: tokens.colorNeutralForeground3 }}>
          {fn.description}
        </Text>
      ) : null}
      {rest.map((p) => (
        <Field key={`${fnId}:${p.name}`} label={`${p.label} (${p.name})`} hint={p.help} size="small">
          <Input
            size="small"
            placeholder={t.targets.argPlaceholder}
            value={values[`${fnId}:${p.name}`] ?? ""}
            onChange={(_, data) => setValues((v) => ({ ...v, [`${fnId}:${p.name}`]: data.value }))}
          />
        </Field>
      ))}
      <Field label={t.targets.preview}>
        <output className={styles.preview} data-testid="formula-preview">
          {formula}
        </output>
      </Field>
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={busy || !fn} onClick={() => void insert()}>
          {t.targets.insertInto(address)}
        </Button>
        <Button disabled={busy} onClick={onClose}>
          {t.targets.cancel}
        </Button>
      </div>
      <ErrorBar message={error} onDismiss={clearError} />
      {inserted ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{t.targets.inserted(inserted)}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
