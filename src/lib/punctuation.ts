/**
 * Display typography for the plan's text.
 *
 * The published page uses ASCII , ; : ( ) inside Chinese text. Pages show them full-width
 * (，；：（）) while the stored text stays verbatim. This is the ONE mapping the site applies; the
 * fidelity test folds the page text back through `foldForComparison`, so any other change to the
 * plan's characters fails it.
 *
 * A comma or colon between two digits (1,000 or 10:30) is left alone: it is part of a number.
 */
export const DISPLAY_PUNCTUATION: Readonly<Record<string, string>> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '(': '（',
  ')': '）',
};

export function toDisplayPunctuation(text: string): string {
  return text.replace(/[,;:()]/g, (ch, offset: number) => {
    if ((ch === ',' || ch === ':') && isDigit(text[offset - 1]) && isDigit(text[offset + 1])) return ch;
    return DISPLAY_PUNCTUATION[ch] ?? ch;
  });
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** Whitespace of any kind (spaces, U+00A0, U+3000, line breaks) is not significant in Chinese text. */
export function foldWhitespace(text: string): string {
  return text.replace(/[\s\u00a0\u3000]+/gu, '');
}

/** Fold text for a fidelity comparison: drop whitespace and apply the display mapping. */
export function foldForComparison(text: string): string {
  return toDisplayPunctuation(foldWhitespace(text));
}

/**
 * Compare two texts after folding; return null when equal, else a message that shows where the
 * first difference is, with context on both sides.
 */
export function firstDifference(expected: string, actual: string, context = 20): string | null {
  const a = foldForComparison(expected);
  const b = foldForComparison(actual);
  if (a === b) return null;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const show = (s: string) => JSON.stringify(s.slice(Math.max(0, i - context), i + context));
  return (
    `first difference at folded character ${i} (of ${a.length} expected, ${b.length} found)\n` +
    `  expected: …${show(a)}…\n` +
    `  found:    …${show(b)}…`
  );
}

/**
 * Inside a quotation the site wraps in “”, the plan's own “” read as ‘’ (Chinese nesting: 把…作为教育系统
 * ‘党建质量年’). Display only, for text the site puts in quotation marks; the stored text keeps “”.
 */
export function nestQuotes(text: string): string {
  return text.replace(/“/g, '‘').replace(/”/g, '’');
}

/** The plan's words as the site quotes them: display punctuation, inner marks nested, wrapped in “”. */
export function quotePlan(text: string): string {
  return `“${nestQuotes(toDisplayPunctuation(text))}”`;
}

