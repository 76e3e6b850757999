/** Small string helpers shared by the importer modules. */

/** Characters trimmed around a line or paragraph: ASCII whitespace, U+00A0, U+3000 and a stray BOM. */
const EDGE = /^[\s\u00a0\u3000\ufeff]+|[\s\u00a0\u3000\ufeff]+$/gu;

/** Trim spaces, tabs, U+00A0 (no-break space), U+3000 (ideographic space) and U+FEFF from both ends. */
export function trimPlan(text: string): string {
  return text.replace(EDGE, '');
}

/** Remove Markdown bold markers (`**`). */
export function unbold(text: string): string {
  return text.replaceAll('**', '');
}

const DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 二十三 → 23 (1–99); NaN for anything else. */
export function chineseNumeral(text: string): number {
  if (/^[一二三四五六七八九]$/.test(text)) return DIGITS[text]!;
  const m = /^([二三四五六七八九])?十([一二三四五六七八九])?$/.exec(text);
  if (!m) return NaN;
  return (m[1] ? DIGITS[m[1]]! : 1) * 10 + (m[2] ? DIGITS[m[2]]! : 0);
}

/** The numeral for 1–99, for messages: 2 → 二, 12 → 十二. */
export function toChineseNumeral(n: number): string {
  const names = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return names[n]!;
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : names[tens]}十${names[n % 10]}`;
}

/** ① … ⑳ (U+2460–2473) and ㉑ … ㉟ (U+3251–325F) → 1 … 35; NaN otherwise. */
export function circledNumber(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 0x2460 && code <= 0x2473) return code - 0x2460 + 1;
  if (code >= 0x3251 && code <= 0x325f) return code - 0x3251 + 21;
  return NaN;
}

/** Two-digit task number for file names and ids: 3 → "03", 12 → "12", 105 → "105". */
export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Length in code points (Han characters count as one). */
export function charLength(text: string): number {
  return Array.from(text).length;
}
