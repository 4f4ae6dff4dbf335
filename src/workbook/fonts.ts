/**
 * The one font family and the language of every workbook we write, so that print and screen look the same in
 * Excel, WPS and LibreOffice.
 *
 * 微软雅黑 (Microsoft YaHei) is on every Windows since Vista, comes with Office for Mac, and is what WPS and Chinese
 * offices use for on-screen tables; its Latin digits are its own, so numbers, bold and body text are one face.
 * Where it is missing the file still says enough for a sensible fallback: family 2 (a sans-serif face, never the
 * serif default) and charset 134 (GB2312, so a Chinese face is chosen for the Han characters rather than a
 * Japanese one), and the package declares its language as zh-CN.
 */
export const WORKBOOK_FONT = {
  name: "微软雅黑",
  /** OOXML font family 2: swiss, i.e. sans-serif. */
  family: 2,
  /** GB2312 (Simplified Chinese). */
  charset: 134,
  size: 11,
} as const;

export const WORKBOOK_LANGUAGE = "zh-CN";
