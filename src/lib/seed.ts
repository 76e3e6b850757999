/**
 * Reading the verbatim seed text: the scraped page minus its web chrome.
 * Pure functions over a string, so tests and the build share them.
 */
import { leadingTaskNumber } from './vocabulary';

/** Lines of the seed with their indentation (spaces, U+00A0, U+3000) trimmed, empty lines dropped. */
export function contentLines(seed: string): string[] {
  return seed
    .split(/\r?\n/)
    .map((line) => line.replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/gu, ''))
    .filter((line) => line.length > 0);
}

/**
 * The plan body: from the first section heading (一、…) to the end of the last numbered task,
 * i.e. without the breadcrumb, title and date lines above and the [打印文章] links below.
 */
export function planBody(seed: string): string[] {
  const lines = contentLines(seed);
  const start = lines.findIndex((line) => /^一、/.test(line));
  if (start < 0) throw new Error('seed: no section heading starting with 一、 found');
  let end = lines.length;
  while (end > start && !leadingTaskNumber(lines[end - 1]!)) end--;
  return lines.slice(start, end);
}
