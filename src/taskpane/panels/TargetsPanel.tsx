import { Badge, Button, Label, makeStyles, SearchBox, Select, Text, tokens } from "@fluentui/react-components";
import { useMemo, useState, type ReactNode } from "react";
import type { FunctionHelp } from "../../functions/catalog";
import type { EditionData } from "../../policy/types";
import type { Actions } from "../actions";
import {
  articleLabel,
  buildRows,
  departmentsOf,
  emptyFilter,
  figureText,
  filterRows,
  type TargetFilter,
  type TargetRow,
} from "../targets/browse";
import { useI18n } from "../i18n";
import { FormulaBuilder } from "./FormulaBuilder";
import { useSharedStyles } from "../components/styles";

/** Cards rendered before "show more": enough to scroll, few enough to render at once in a small pane. */
const PAGE = 40;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  filters: {
    display: "grid",
    gridTemplateColumns: "auto minmax(0, 1fr)",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  /** A native select is as wide as its longest option; in a 350px pane it must shrink and clip instead. */
  select: { minWidth: 0, width: "100%", "& select": { minWidth: 0, width: "100%", textOverflow: "ellipsis" } },
  muted: { color: tokens.colorNeutralForeground3 },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  card: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  head: {
    display: "flex",
    alignItems: "baseline",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
  },
  figure: { whiteSpace: "nowrap", color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
  quote: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground2,
  },
  id: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3 },
  foot: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
  },
});

export interface TargetsPanelProps {
  edition: EditionData;
  catalog: readonly FunctionHelp[];
  actions: Actions;
}

export function TargetsPanel({ edition, catalog, actions }: TargetsPanelProps) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const { t } = useI18n();
  const rows = useMemo(() => buildRows(edition), [edition]);
  const departments = useMemo(() => departmentsOf(rows), [rows]);
  const [filter, setFilter] = useState<TargetFilter>(emptyFilter);
  const [limit, setLimit] = useState(PAGE);
  const [building, setBuilding] = useState<string | null>(null);
  const shown = useMemo(() => filterRows(rows, filter), [rows, filter]);
  const articles = edition.articles.filter((a) => filter.area === null || a.area === filter.area);

  const update = (patch: Partial<TargetFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setLimit(PAGE);
  };
  const numberOrNull = (value: string) => (value === "" ? null : Number(value));

  return (
    <section className={styles.root} aria-labelledby="targets-title">
      <Text as="h2" className={shared.heading} id="targets-title" size={500} weight="semibold">
        {t.targets.title}
      </Text>
      <SearchBox
        placeholder={t.targets.search}
        aria-label={t.targets.search}
        value={filter.query}
        onChange={(_, data) => update({ query: data.value })}
      />
      <div className={styles.filters}>
        <Label htmlFor="targets-area" size="small">
          {t.targets.area}
        </Label>
        <Select
          id="targets-area"
          size="small"
          className={styles.select}
          value={filter.area === null ? "" : String(filter.area)}
          onChange={(_, data) => update({ area: numberOrNull(data.value), article: null })}
        >
          <option value="">{t.targets.allAreas}</option>
          {edition.areas.map((a) => (
            <option key={a.no} value={a.no}>{`${a.numeral}、${a.title}`}</option>
          ))}
        </Select>
        <Label htmlFor="targets-article" size="small">
          {t.targets.article}
        </Label>
        <Select
          id="targets-article"
          size="small"
          className={styles.select}
          value={filter.article === null ? "" : String(filter.article)}
          onChange={(_, data) => update({ article: numberOrNull(data.value) })}
        >
          <option value="">{t.targets.allArticles}</option>
          {articles.map((a) => (
            <option key={a.no} value={a.no}>{`${articleLabel(a.no)}${a.title}`}</option>
          ))}
        </Select>
        <Label htmlFor="targets-department" size="small">
          {t.targets.department}
        </Label>
        <Select
          id="targets-department"
          size="small"
          className={styles.select}
          value={filter.department ?? ""}
          onChange={(_, data) => update({ department: data.value === "" ? null : data.value })}
        >
          <option value="">{t.targets.allDepartments}</option>
          {departments.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </Select>
      </div>
      <Text size={200} className={styles.muted} role="status" aria-live="polite">
        {t.targets.count(shown.length, rows.length)}
      </Text>
      {shown.length === 0 ? <Text>{t.targets.empty}</Text> : null}
      <ul className={styles.list} aria-label={t.targets.title}>
        {shown.slice(0, limit).map((row) => (
          <TargetCard
            key={row.target.id}
            row={row}
            building={building === row.target.id}
            onBuild={() => setBuilding(building === row.target.id ? null : row.target.id)}
            builder={
              building === row.target.id ? (
                <FormulaBuilder
                  target={row.target}
                  catalog={catalog}
                  actions={actions}
                  onClose={() => setBuilding(null)}
                />
              ) : null
            }
          />
        ))}
      </ul>
      {shown.length > limit ? (
        <Button appearance="subtle" onClick={() => setLimit((l) => l + PAGE)}>
          {t.targets.more(shown.length - limit)}
        </Button>
      ) : null}
    </section>
  );
}

function TargetCard(props: { row: TargetRow; building: boolean; onBuild: () => void; builder: ReactNode }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { target, responsible, articleTitle } = props.row;
  const figure = figureText(target);
  return (
    <li className={styles.card} data-testid={`target-${target.id}`}>
      <div className={styles.head}>
        <Text weight="semibold">{target.indicator}</Text>
        {figure ? (
          <Text className={styles.figure}>{figure}</Text>
        ) : (
          <Badge appearance="tint" color="informative">
            {t.targets.qualitative}
          </Badge>
        )}
      </div>
      <Text as="p" size={200} className={styles.quote}>
        “{target.quote}”
      </Text>
      <Text size={200} className={styles.muted}>
        {target.article === null ? t.targets.preamble : `${articleLabel(target.article)}${articleTitle}`}
      </Text>
      <Text size={200}>
        {t.targets.responsible}
        {responsible.map((unit, i) => (
          <span key={unit}>
            {i > 0 ? "、" : ""}
            {unit}
            {i === 0 && responsible.length > 1 ? t.targets.lead : ""}
          </span>
        ))}
      </Text>
      <div className={styles.foot}>
        <Text size={100} className={styles.id}>
          {target.id}
        </Text>
        <Button size="small" appearance="secondary" onClick={props.onBuild} aria-expanded={props.building}>
          {t.targets.insert}
        </Button>
      </div>
      {props.builder}
    </li>
  );
}
