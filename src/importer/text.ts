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

// Numerals are part of the shared vocabulary (src/lib/vocabulary.ts).
export { chineseNumeral, circledNumber, toChineseNumeral } from '../lib/vocabulary.ts';

/** Two-digit task number for file names and ids: 3 → "03", 12 → "12", 105 → "105". */
export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Length in code points (Han characters count as one). */
export function charLength(text: string): number {
  return Array.from(text).length;
}
