/**
 * Traditional characters of the genre, most frequent first: the traditional forms (OpenCC's 繁體, 香港 and 臺灣
 * variants) of the characters of the 乐清 2025 text and the corpus, keeping only characters that are not also
 * simplified (著 is both; converting these back always changes them). A re-post in traditional characters has
 * dozens of them in any paragraph (發展, 項目, 資金, 實施); a simplified text has none. So the importer pays for the
 * OpenCC dictionary only when a text needs it.
 */
export const TRADITIONAL_CHARACTERS =
  "發業資項動實進經設產億質濟創級務單強關體財點樂國領責區幹電爭開劃機會萬於運頭續計個農優聯場長補擴備現" +
  "給臺術對牽規辦認預費積溫勵專為結際數極構裝縣鏈號應醫議圍達營貼鎮組標轉灣鄉貫徹條織決總債綜貿屬穩據揮" +
  "籌類驗間舊帶興與繞統準畝爲氣過層雙購監堅貸態療稅協儲們請險門礎網車範撐報團導獎線內換盡輸審學養羣賽觀" +
  "鍵評綠廣庫時舉鐵將風緊額價減碼蕩證復確檢測園軍調別繼遊職臨軟後謀貨環則遷員眾傳細處勢參選買擔獲兩戶壯" +
  "衛適錨東幫兒難書記講話撥況甌隊廠無階檔許節題馬郵試權噸嶽蓋訂納搶載隨廢診殘陽習滾見裏衆築訊氫樁礦視覺" +
  "屆佔師來賦駐還論並戰亞義寧採遠龍盤諾縮銀輻邊負擁讀牀張獨奮執瀾嶺啓裡兌徑靈慮歷踐釋鷹塊讓簡廚響銷藝紀" +
  "遞識麗暢樞紐歐烏諮詢覽競潛樓閒齊軸糧槍連墾變勞傷歲嬰嚴滿賃護愛閉礙異霧維藥側崗輔鬥疊黨濱針擬夥績種徵" +
  "縱問島啟峯";

const ANY_TRADITIONAL = new RegExp(`[${TRADITIONAL_CHARACTERS}]`);

/**
 * Whether a text has traditional characters to convert — one regular-expression scan, no dictionary.
 *
 * @example
 * hasTraditional("力爭全市研發投入強度達到2.9%") // true
 * hasTraditional("力争全市研发投入强度达到2.9%") // false
 */
export function hasTraditional(text: string): boolean {
  return ANY_TRADITIONAL.test(text);
}

/** OpenCC's dictionary as pairs: `"發 发|發展 发展"` → one map from each source string to its replacement. */
function readDictionary(dict: unknown, into: Map<string, string>): boolean {
  if (typeof dict !== "string") return false;
  for (const entry of dict.split("|")) {
    const space = entry.indexOf(" ");
    if (space <= 0) return false;
    const end = entry.indexOf(" ", space + 1);
    into.set(entry.slice(0, space), entry.slice(space + 1, end < 0 ? undefined : end));
  }
  return true;
}

/** OpenCC's reading of an ideographic description sequence (⿰氵發): copied as written, its parts not converted. */
function descriptionSequenceEnd(s: string, i: number): number {
  const cp = s.codePointAt(i) ?? 0;
  const arity =
    cp >= 0x2ff0 && cp <= 0x2ff1 ? 2 : cp >= 0x2ff2 && cp <= 0x2ff3 ? 3 : cp >= 0x2ff4 && cp <= 0x2fff ? 2 : 0;
  if (arity === 0) return 0;
  let end = i + (cp > 0xffff ? 2 : 1);
  for (let n = 0; n < arity; n++) {
    if (end >= s.length) return 0;
    const child = descriptionSequenceEnd(s, end);
    end = child || end + ((s.codePointAt(end) ?? 0) > 0xffff ? 2 : 1);
  }
  return end;
}

/** OpenCC's trie walk, position by position: for the rare text with description sequences, which the pattern cannot skip whole. */
function walk(s: string, dict: Map<string, string>, phrases: Map<string, string[]>): string {
  const out: string[] = [];
  let kept = 0;
  for (let i = 0; i < s.length;) {
    const width = (s.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
    const char = s.slice(i, i + width);
    let source = phrases.get(char)?.find((p) => s.startsWith(p, i));
    if (source === undefined && dict.has(char)) source = char;
    if (source !== undefined) {
      out.push(s.slice(kept, i), dict.get(source) ?? source);
      i += source.length;
      kept = i;
    } else i = Math.max(i + width, descriptionSequenceEnd(s, i));
  }
  out.push(s.slice(kept));
  return out.join("");
}

/** Escapes what a regular expression with the u flag reads as syntax (and, inside a class, the range dash). */
const escapeForPattern = (s: string, inClass = false) =>
  s.replace(inClass ? /[\\^$.*+?()[\]{}|/-]/g : /[\\^$.*+?()[\]{}|/]/g, "\\$&");

/**
 * One OpenCC pass (its Trie.convert): at each position the longest source string that matches is replaced, else
 * the character is kept. As one regular expression — the phrases longest first, then a class of the characters — the
 * scan is the regex engine's, not a trie of 5,000 maps OpenCC first has to build and then walk cold.
 */
function passOf(dict: Map<string, string>): (s: string) => string {
  // Only the phrases need sorting and escaping one by one; the 3,500 single characters go into the class as is
  // (escaped in one call), which halves the build a first traditional import pays.
  let characters = "";
  const longer: string[] = [];
  for (const source of dict.keys()) {
    if (source.length === 1 || (source.length === 2 && (source.codePointAt(0) ?? 0) > 0xffff)) characters += source;
    else longer.push(source);
  }
  const phrases = new Map<string, string[]>();
  for (const source of longer.sort((a, b) => b.length - a.length)) {
    const first = String.fromCodePoint(source.codePointAt(0) ?? 0);
    const list = phrases.get(first);
    if (list) list.push(source);
    else phrases.set(first, [source]);
  }
  const alternatives = [...phrases.values()].flat().map((p) => escapeForPattern(p));
  if (characters !== "") alternatives.push(`[${escapeForPattern(characters, true)}]`);
  if (alternatives.length === 0) return (s) => s;
  const pattern = new RegExp(alternatives.join("|"), "gu");
  return (s) => (DESCRIPTION_SEQUENCE.test(s) ? walk(s, dict, phrases) : s.replace(pattern, (m) => dict.get(m) ?? m));
}

/** Ideographic description characters: OpenCC copies a sequence they start without converting its parts. */
const DESCRIPTION_SEQUENCE = /[\u2ff0-\u2fff]/;

interface T2sConfig {
  normalizationChain?: unknown;
  segmentation?: unknown;
  conversionChain?: unknown;
}

/**
 * OpenCC's traditional → simplified (its `t2s` configuration: compatibility ideographs normalised, then TSPhrases
 * over TSCharacters) with its own dictionaries, giving exactly its output. Returns undefined when the dictionaries
 * are not in the shape this reads (another opencc-js version): the caller then uses OpenCC's converter.
 */
export function simplifierFrom(config: T2sConfig | undefined): ((s: string) => string) | undefined {
  if (!config || config.segmentation !== undefined) return undefined;
  const groups = [config.normalizationChain ?? [], config.conversionChain];
  const passes: ((s: string) => string)[] = [];
  for (const chain of groups) {
    if (!Array.isArray(chain)) return undefined;
    for (const group of chain as unknown[]) {
      if (!Array.isArray(group)) return undefined;
      const dict = new Map<string, string>();
      // OpenCC loads a group's dictionaries last to first, each overriding what it loaded before.
      for (const d of [...(group as unknown[])].reverse()) if (!readDictionary(d, dict)) return undefined;
      passes.push(passOf(dict));
    }
  }
  return (s) => passes.reduce((text, pass) => pass(text), s);
}
