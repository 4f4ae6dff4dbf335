/**
 * A generated edition of any size, with its own policy text, for tests and the bench: N areas (numerals 一…),
 * articles spread over them, and targets of every kind, each quoting a sentence of the text.
 */
import { toChineseNumeral } from "../../src/engine";
import { EDITION_SCHEMA_VERSION, type EditionFile } from "../../src/policy/editionFile";

type FileTarget = EditionFile["targets"][number];

/** 万元 as 亿元 without binary noise (1234.5万元 is 0.12345亿元, not 0.12345000000000001). */
const wanToYi = (wan: number) => Math.round(wan * 1e4) / 1e8;

export interface EditionShape {
  areas: number;
  targets: number;
  id?: string;
  year?: number;
  /** Articles in each area (default 2–4, varying). */
  articlesPerArea?: number;
  /** Each area's budget as the text writes it, in 万元 (default 1000 × area + 500); its item is a fifth of it. */
  budgetWan?: (area: number) => number;
}

export function syntheticEdition(shape: EditionShape): EditionFile {
  const year = shape.year ?? 2026;
  const id = shape.id ?? `synthetic-${shape.areas}x${shape.targets}-${year}`;
  const lines: string[] = [`合成县人民政府关于印发《合成县若干政策(${year}年版)》的通知`, `合政发〔${year}〕9号`];
  const areas: EditionFile["areas"][number][] = [];
  const articles: EditionFile["articles"][number][] = [];
  const targets: FileTarget[] = [];
  const perArea = Math.ceil(shape.targets / shape.areas);
  let articleNo = 0;
  let sumWan = 0;
  for (let a = 1; a <= shape.areas; a++) {
    const budgetWan = shape.budgetWan?.(a) ?? 1000 * a + 500;
    const yi = wanToYi(budgetWan);
    sumWan += budgetWan;
    const budgetQuote = `县财政${year}年预算安排资金${budgetWan}万元`;
    const itemQuote = `安排领域${a}专项${budgetWan / 5}万元`;
    areas.push({
      no: a,
      numeral: toChineseNumeral(a),
      title: `合成领域第${a}项`,
      lead: `县第${a}局`,
      budgetYi: yi,
      budgetQuote,
      budgetItems: [{ label: `领域${a}专项`, yi: wanToYi(budgetWan / 5), article: null, quote: itemQuote }],
    });
    lines.push(`${toChineseNumeral(a)}、合成领域第${a}项(由县第${a}局牵头)`, `${budgetQuote},其中${itemQuote}。`);
    const articleCount = shape.articlesPerArea ?? 2 + (a % 3);
    const firstArticle = articleNo + 1;
    for (let k = 0; k < articleCount; k++) {
      articleNo++;
      articles.push({ no: articleNo, area: a, title: `第${articleNo}条措施`, responsible: [`县第${a}局`, "县财政局"] });
    }
    for (let k = 0; k < perArea && targets.length < shape.targets; k++) {
      const n = targets.length + 1;
      const article = firstArticle + (k % articleCount);
      const variant = n % 5;
      let t: FileTarget;
      if (variant === 0) {
        const quote = `指标${n}比重达到${n % 40}.5%左右`;
        t = {
          id: `t${n}-share`,
          area: a,
          article,
          indicator: `指标${n}比重`,
          value: (n % 40) + 0.5,
          unit: "%",
          comparator: "~",
          kind: "ratio",
          words: ["达到", "左右"],
          quote,
        };
      } else if (variant === 1) {
        const quote = `新增指标${n}企业${n}家以上`;
        t = {
          id: `t${n}-firms`,
          area: a,
          article,
          indicator: `新增指标${n}企业`,
          value: n,
          unit: "家",
          comparator: ">=",
          kind: "count",
          words: ["以上"],
          quote,
        };
      } else if (variant === 2) {
        const quote = `指标${n}投资超过${n * 2}亿元`;
        t = {
          id: `t${n}-invest`,
          area: a,
          article,
          indicator: `指标${n}投资`,
          value: n * 2,
          unit: "亿元",
          comparator: ">",
          kind: "amount",
          words: ["超过"],
          quote,
        };
      } else if (variant === 3) {
        const quote = `指标${n}增速增长${(n % 9) + 1}%`;
        t = {
          id: `t${n}-growth`,
          area: a,
          article,
          indicator: `指标${n}增速`,
          value: (n % 9) + 1,
          unit: "%",
          comparator: ">=",
          kind: "growth",
          words: [],
          quote,
        };
      } else {
        const quote = `指标${n}排名争取进入全省前${(n % 20) + 1}名`;
        t = {
          id: `t${n}-rank`,
          area: a,
          article,
          indicator: `指标${n}排名`,
          value: (n % 20) + 1,
          unit: "名",
          comparator: "rank<=",
          kind: "rank",
          words: ["争取", "前"],
          quote,
        };
      }
      targets.push(t);
      lines.push(`(${toChineseNumeral(article)})${t.quote}。`);
    }
  }
  const totalQuote = `县财政${year}年预算安排资金支持总额为${sumWan}万元`;
  lines.push(totalQuote, `均为${year}年全年实施有效`);
  return {
    schemaVersion: EDITION_SCHEMA_VERSION,
    edition: {
      id,
      year,
      title: `合成县若干政策(${year}年版)`,
      docNumber: `合政发〔${year}〕9号`,
      issuer: "合成县人民政府",
      signedDate: `${year}-02-01`,
      printedDate: `${year}-02-03`,
      validity: { from: `${year}-01-01`, to: `${year}-12-31`, quote: `均为${year}年全年实施有效` },
      parentPolicies: [],
      totalBudgetYi: wanToYi(sumWan),
      totalBudgetWords: "",
      totalBudgetQuote: totalQuote,
      sumOfAreaBudgetsYi: wanToYi(sumWan),
    },
    areas,
    articles,
    targets,
    text: lines.join("\n"),
  };
}
