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
