import { Badge, makeStyles, SearchBox, Text, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { FormulaExample, FunctionHelp } from "../../functions/catalog";
import { useI18n } from "../i18n";
import { normalise } from "../targets/browse";
import { useSharedStyles } from "../components/styles";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  muted: { color: tokens.colorNeutralForeground3 },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
  },
  fn: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  name: {
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorBrandForeground1,
  },
  params: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  param: { display: "flex", flexDirection: "column" },
  paramName: { fontFamily: tokens.fontFamilyMonospace },
  example: {
    display: "flex",
    flexDirection: "column",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
  },
  result: { whiteSpace: "pre-wrap" },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
});

export interface HelpPanelProps {
  catalog: readonly FunctionHelp[];
}

function resultText(example: FormulaExample): string {
  if (example.display !== undefined) return example.display;
  const result = example.result;
  if (Array.isArray(result)) return result.map((row: readonly (string | number)[]) => row.join(" | ")).join("\n");
  return typeof result === "boolean" ? (result ? "TRUE" : "FALSE") : String(result === "" ? '""' : result);
}

export function HelpPanel({ catalog }: HelpPanelProps) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const { t } = useI18n();
  const [query, setQuery] = useState("");
  const shown = useMemo(() => {
    const q = normalise(query);
    if (!q) return catalog;
    return catalog.filter((fn) =>
      normalise([fn.id, fn.title, fn.description, ...fn.parameters.map((p) => p.label + p.name)].join(" ")).includes(q),
    );
  }, [catalog, query]);

  return (
    <section className={styles.root} aria-labelledby="help-title">
      <Text as="h2" className={shared.heading} id="help-title" size={500} weight="semibold">
        {t.help.title}
      </Text>
      <Text size={200} className={styles.muted}>
        {t.help.intro}
      </Text>
      <SearchBox
        placeholder={t.help.filter}
        aria-label={t.help.filter}
        value={query}
        onChange={(_, data) => setQuery(data.value)}
      />
      {catalog.length === 0 ? <Text>{t.help.none}</Text> : null}
      <ul className={styles.list}>
        {shown.map((fn) => (
          <li key={fn.id} className={styles.fn} data-testid={`help-${fn.id}`}>
            <div>
              <Text className={styles.name}>ZC.{fn.id}</Text> <Text weight="semibold">{fn.title}</Text>
            </div>
            <Text size={200}>{fn.description}</Text>
            <Text size={200} weight="semibold">
              {t.help.params}
            </Text>
            <ul className={styles.params}>
              {fn.parameters.map((p) => (
                <li key={p.name} className={styles.param}>
                  <Text size={200}>
                    <span className={styles.paramName}>{p.name}</span> <b>{p.label}</b>
                    {p.optional ? (
                      <>
                        {" "}
                        <Badge size="small" appearance="outline" color="informative">
                          {t.help.optional}
                        </Badge>
                      </>
                    ) : null}
                  </Text>
                  <Text size={200} className={styles.muted}>
                    {p.help.replace(/^可选[::]\s*/, "")}
                  </Text>
                </li>
              ))}
            </ul>
            <Text size={200} weight="semibold">
              {t.help.example}
            </Text>
            {fn.examples.map((example) => (
              <div key={example.formula} className={styles.example}>
                <code className={styles.code}>{example.formula}</code>
                <Text size={200} className={styles.result}>
                  → {resultText(example)}
                  {example.note ? <span className={styles.muted}>({example.note})</span> : null}
                </Text>
              </div>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
