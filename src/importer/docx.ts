/**
 * Reading a plan written in Word (.docx).
 *
 * The text comes from mammoth (the maintained .docx reader): one line per paragraph, so runs that
 * Word splits a sentence into (bold lead sentences, spell-check marks) join up again, and a blank
 * line between paragraphs. Typed numbering (一、 （一） 1. 1、) is part of that text.
 *
 * Word's automatic numbering is not: a paragraph numbered by Word carries a reference (w:numPr)
 * into word/numbering.xml. Before mammoth reads the file, each such paragraph gets its number
 * written in as text, computed the way Word does: one counter per list (w:num) and level, deeper
 * levels restarting when a higher one advances, the level's start value (and a list's
 * w:startOverride), its format (decimal 1, full-width １, circled ①, Chinese 一) and its text
 * pattern ("%1." "（%1）" "%1、"). Bullets are left alone (they are not numbers). A numbering the
 * importer cannot reproduce (an unknown format, a missing numbering.xml) is refused, quoting the
 * first such paragraph: tasks are never imported without their numbers.
 *
 * Errors quote the paragraph (a Word user has no line numbers).
 */
import { readFileSync, statSync } from 'node:fs';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { circledChar, toChineseNumeral } from '../lib/vocabulary.ts';
import { ImportError } from './errors.ts';
import type { PlanSource } from './plan-import.ts';

/** A .docx larger than this is refused (the text limit of 2 MB applies to the extracted text too). */
const MAX_DOCX_BYTES = 20 * 1024 * 1024;
const MAX_TEXT_BYTES = 2 * 1024 * 1024;

interface Level {
  start: number;
  format: string;
  text: string;
}

const attr = (xml: string, tag: string, name = 'w:val'): string | undefined =>
  new RegExp(`<${tag}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml)?.[1];

const unescapeXml = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The visible text of a paragraph's XML, for quoting it in a message. */
function paragraphText(xml: string): string {
  return unescapeXml([...xml.matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
}

/** One number in a level's format; undefined for a format this importer does not reproduce. */
export function formatNumber(n: number, format: string): string | undefined {
  switch (format) {
    case 'decimal':
      return String(n);
    case 'decimalZero':
      return String(n).padStart(2, '0');
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return circledChar(n);
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'ideographTraditional':
      return n >= 1 && n <= 99 ? toChineseNumeral(n) : undefined;
    default:
      return undefined;
  }
}

/** numbering.xml → for each list id, its levels (with the list's start overrides applied). */
function readNumbering(xml: string): Map<string, Map<number, Level>> {
  const abstract = new Map<string, Map<number, Level>>();
  for (const m of xml.matchAll(/<w:abstractNum\b[^>]*w:abstractNumId="([^"]+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
    const levels = new Map<number, Level>();
    for (const l of m[2]!.matchAll(/<w:lvl\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
      levels.set(Number(l[1]), {
        start: Number(attr(l[2]!, 'w:start') ?? 1),
        format: attr(l[2]!, 'w:numFmt') ?? 'decimal',
        text: unescapeXml(attr(l[2]!, 'w:lvlText') ?? `%${Number(l[1]) + 1}.`),
      });
    }
    abstract.set(m[1]!, levels);
  }
  const lists = new Map<string, Map<number, Level>>();
  for (const m of xml.matchAll(/<w:num\b[^>]*w:numId="([^"]+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const base = abstract.get(attr(m[2]!, 'w:abstractNumId') ?? '');
    if (!base) continue;
    const levels = new Map([...base].map(([k, v]) => [k, { ...v }]));
    for (const o of m[2]!.matchAll(/<w:lvlOverride\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvlOverride>/g)) {
      const start = attr(o[2]!, 'w:startOverride');
      const level = levels.get(Number(o[1]));
      if (start !== undefined && level) level.start = Number(start);
    }
    lists.set(m[1]!, levels);
  }
  return lists;
}

/** styles.xml → paragraph style id → its numbering (list id, level), for numbering set by a style. */
function readStyleNumbering(xml: string): Map<string, { numId: string; ilvl: number }> {
  const out = new Map<string, { numId: string; ilvl: number }>();
  for (const m of xml.matchAll(/<w:style\b[^>]*w:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g)) {
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(m[2]!)?.[1];
    const numId = numPr && attr(numPr, 'w:numId');
    if (numId) out.set(m[1]!, { numId, ilvl: Number(attr(numPr, 'w:ilvl') ?? 0) });
  }
  return out;
}

/**
 * Write Word's automatic numbers into document.xml as text (see the module comment). Returns the
 * new XML and how many paragraphs got a number.
 */
export function restoreNumbering(documentXml: string, numberingXml: string | null, stylesXml: string | null): { xml: string; restored: number } {
  const lists = numberingXml ? readNumbering(numberingXml) : new Map<string, Map<number, Level>>();
  const styles = stylesXml ? readStyleNumbering(stylesXml) : new Map<string, { numId: string; ilvl: number }>();
  const counters = new Map<string, number[]>();
  let restored = 0;
  const xml = documentXml.replace(/<w:p\b(?:[^>]*[^/])?>[\s\S]*?<\/w:p>/g, (p) => {
    const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(p)?.[1] ?? '';
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(pPr)?.[1];
    const style = attr(pPr, 'w:pStyle');
    let ref: { numId: string; ilvl: number } | undefined;
    if (numPr) {
      const numId = attr(numPr, 'w:numId');
      // numId 0 switches numbering off for this paragraph.
      if (numId && numId !== '0') ref = { numId, ilvl: Number(attr(numPr, 'w:ilvl') ?? styles.get(style ?? '')?.ilvl ?? 0) };
    } else if (style && styles.has(style)) {
      ref = styles.get(style);
    }
    if (!ref) return p;
    const quote = paragraphText(p).slice(0, 40);
    const levels = lists.get(ref.numId);
    const level = levels?.get(ref.ilvl);
    if (!levels || !level) {
      throw new ImportError(
        `paragraph "${quote}" is numbered automatically by Word, but the document does not define that numbering (word/numbering.xml); type the number into the text (e.g. 1.) and import again`,
      );
    }
    if (level.format === 'bullet' || level.format === 'none') return p;
    const count = counters.get(ref.numId) ?? [];
    // A level shown before its parent ever was shows the parent's start value.
    for (let i = 0; i < ref.ilvl; i++) count[i] ??= levels.get(i)?.start ?? 1;
    count[ref.ilvl] = count[ref.ilvl] === undefined ? level.start : count[ref.ilvl]! + 1;
    count.length = ref.ilvl + 1; // deeper levels restart
    counters.set(ref.numId, count);
    let failed = false;
    const label = level.text.replace(/%(\d)/g, (_, k: string) => {
      const i = Number(k) - 1;
      const f = formatNumber(count[i] ?? levels.get(i)?.start ?? 1, levels.get(i)?.format ?? 'decimal');
      if (f === undefined) failed = true;
      return f ?? '';
    });
    if (failed) {
      throw new ImportError(
        `paragraph "${quote}" is numbered automatically by Word in a format the importer cannot reproduce (${level.format}); type the number into the text (e.g. 1. or （一）) and import again`,
      );
    }
    restored++;
    const run = `<w:r><w:t xml:space="preserve">${escapeXml(label)}</w:t></w:r>`;
    return /<\/w:pPr>/.test(p) ? p.replace('</w:pPr>', `</w:pPr>${run}`) : p.replace(/^<w:p\b[^>]*>/, (open) => `${open}${run}`);
  });
  return { xml, restored };
}

/** Read a .docx plan: its text (numbers restored) becomes the seed; the file itself is kept beside it. */
export async function readDocxSource(path: string): Promise<PlanSource> {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (error) {
    throw new ImportError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  if (size === 0) throw new ImportError('the file is empty (0 bytes); expected a Word document');
  if (size > MAX_DOCX_BYTES) throw new ImportError(`the file is ${(size / 1024 / 1024).toFixed(1)} MB; .docx inputs over ${MAX_DOCX_BYTES / 1024 / 1024} MB are refused`);
  const bytes = readFileSync(path);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new ImportError('not a Word .docx file (it is not a zip archive); save the plan as .docx or as plain text');
  }
  const documentXml = await zip.file('word/document.xml')?.async('string');
  if (!documentXml) throw new ImportError('not a Word .docx file (no word/document.xml)');
  const numberingXml = (await zip.file('word/numbering.xml')?.async('string')) ?? null;
  const stylesXml = (await zip.file('word/styles.xml')?.async('string')) ?? null;
  const { xml } = restoreNumbering(documentXml, numberingXml, stylesXml);
  zip.file('word/document.xml', xml);
  const patched = await zip.generateAsync({ type: 'nodebuffer' });
  const { value } = await mammoth.extractRawText({ buffer: patched });
  // mammoth ends every paragraph with a blank line; keep one blank line between paragraphs.
  const text = value.replace(/\r\n?/g, '\n').replace(/\n{3,}/g, '\n\n').replace(/^\n+|\n+$/g, '') + '\n';
  if (!/\S/u.test(text.replace(/[\u00a0\u3000\ufeff]/gu, ''))) throw new ImportError('the document holds no text');
  const seedBytes = new TextEncoder().encode(text);
  if (seedBytes.length > MAX_TEXT_BYTES) {
    throw new ImportError(`the document's text is ${(seedBytes.length / 1024 / 1024).toFixed(1)} MB; a plan is far smaller, and inputs over 2 MB of text are refused`);
  }
  return { text, seedBytes, encoding: 'docx', docx: new Uint8Array(bytes) };
}

/** For a .docx input, an error with a line number is restated with the paragraph it points at. */
export function quoteParagraph(error: ImportError, text: string): ImportError {
  if (error.line === null) return error;
  const paragraph = text.split('\n')[error.line - 1]?.trim() ?? '';
  const message = error.message.replace(/^line \d+: /, '');
  const quoted = new ImportError(`paragraph "${paragraph.slice(0, 40)}${paragraph.length > 40 ? '…' : ''}": ${message}`);
  quoted.name = error.name;
  return quoted;
}
