/**
 * The importer reads OpenCC's traditional → simplified dictionaries into plain maps instead of OpenCC's trie (a
 * first import builds it and pays for it). Its output must be OpenCC's own, character for character: on the corpus
 * re-posted in each traditional variant, and on text made of the dictionaries' own entries glued together (where
 * longest-match and override order decide), with the odd characters OpenCC treats specially.
 */
import * as OpenCC from "opencc-js";
import * as T2cn from "opencc-js/t2cn";
import { simplifierFrom } from "../../src/importer/traditional";
import { corpusDocuments, yueqingText } from "../support/corpus";

const opencc = T2cn.Converter({ from: "t", to: "cn" });
const config = T2cn.Locale.configs.t2s;
const ours = simplifierFrom(config);

/** Every source string of the t2s dictionaries, and each one's first character. */
function dictionarySources(): string[] {
  const chains = [
    ...((config as { normalizationChain?: unknown[][] }).normalizationChain ?? []),
    ...(config?.conversionChain ?? []),
  ];
  return chains.flat().flatMap((d) => (typeof d === "string" ? d.split("|").map((e) => e.split(" ")[0] ?? "") : []));
}

/** A small linear congruential generator: the same strings every run, so a failure can be reproduced. */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

describe("traditional → simplified", () => {
  it("reads the dictionaries of the installed opencc-js", () => {
    expect(ours).toBeDefined();
    expect(ours?.("發展項目資金")).toBe("发展项目资金");
  });

  it("gives OpenCC's output on the corpus in traditional, Taiwan and Hong Kong characters", () => {
    const variants = (["t", "twp", "hk"] as const).map((to) => OpenCC.Converter({ from: "cn", to }));
    const texts = [yueqingText(), ...corpusDocuments().map((d) => d.text)];
    let changed = 0;
    for (const text of texts)
      for (const toTraditional of variants) {
        const traditional = toTraditional(text);
        if (opencc(traditional) !== traditional) changed++;
        expect(ours?.(traditional)).toBe(opencc(traditional));
      }
    expect(changed).toBeGreaterThan(texts.length * 2);
  });

  it("gives OpenCC's output where phrases overlap, on description sequences, astral and lone surrogates", () => {
    const sources = dictionarySources();
    expect(sources.length).toBeGreaterThan(4000);
    const next = random(20261202);
    const pick = () => sources[Math.floor(next() * sources.length)] ?? "";
    const odd = ["\ud840", "\udc00發", "𠀀發", "乾", "A 1", "(.*)"];
    const descriptions = ["⿰氵發", "⿱艹⿰發展"];
    for (let n = 0; n < 400; n++) {
      let text = "";
      for (let k = 0; k < 200; k++) {
        const r = next();
        // Whole entries, an entry's first character only (a phrase begun, not finished), or an odd character.
        text += r < 0.6 ? pick() : r < 0.9 ? String.fromCodePoint(pick().codePointAt(0) ?? 32) : odd[k % odd.length];
      }
      // Half the texts with description sequences (OpenCC copies them whole), half without.
      if (n % 2 === 0) text = text.slice(0, 300) + descriptions[n % 4 === 0 ? 0 : 1] + text.slice(300);
      expect(ours?.(text)).toBe(opencc(text));
    }
  });

  it("declines dictionaries in a shape it does not know, so OpenCC's converter is used", () => {
    expect(simplifierFrom(undefined)).toBeUndefined();
    expect(simplifierFrom({ conversionChain: [["發 发"]], segmentation: "發展 发展" })).toBeUndefined();
    expect(simplifierFrom({ conversionChain: [[["發", "发"]]] })).toBeUndefined();
    expect(simplifierFrom({ conversionChain: [["發发"]] })).toBeUndefined();
    expect(simplifierFrom({ conversionChain: [["發 发|發展 發展"]] })?.("發展發")).toBe("發展发");
  });
});
