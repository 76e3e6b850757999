/**
 * Reading a plan published as text: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK.
 *
 * Order: a byte-order mark decides; otherwise a strict UTF-8 decode is tried; if that fails the
 * bytes are decoded as GB18030 (a superset of GBK and GB2312) with Node's built-in TextDecoder.
 * Line endings are normalised to "\n" so that line numbers in messages match an editor's.
 */
import { ImportError } from './errors.ts';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  /** The text, without BOM, with "\n" line endings. */
  text: string;
  /** The encoding that was detected. */
  encoding: Encoding;
}

function decodeStrict(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Inputs larger than this are refused: a plan is tens of kilobytes; megabytes of text are not a plan. */
export const MAX_TEXT_BYTES = 2 * 1024 * 1024;

/**
 * Where a strict decode first fails: the longest prefix that decodes (streaming, so an incomplete
 * character at the end is not an error) ends at the first bad byte. Returns the byte offset and
 * the 1-based line it is on.
 */
export function firstInvalidByte(label: string, bytes: Uint8Array): { offset: number; line: number } {
  const decodes = (n: number) => {
    try {
      new TextDecoder(label, { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (decodes(mid)) lo = mid;
    else hi = mid - 1;
  }
  // The prefix up to `lo` decodes; the bad sequence starts at or just before it (an incomplete
  // character held back by streaming): step back to the start of that sequence.
  const text = new TextDecoder(label).decode(bytes.subarray(0, lo), { stream: true });
  const good = new TextEncoder().encode(text).length;
  const offset = label === 'utf-8' ? Math.min(lo, good) : lo;
  const line = text.split('\n').length;
  return { offset, line };
}

/** Decode a plan file's bytes (see the module comment for the detection order). */
export function decodePlanText(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) throw new ImportError('the file is empty (0 bytes); expected the text of a plan');
  if (bytes.length > MAX_TEXT_BYTES) {
    throw new ImportError(`the file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; a plan is far smaller, and inputs over ${MAX_TEXT_BYTES / 1024 / 1024} MB are refused`);
  }
  let text: string | null = null;
  let encoding: Encoding;
  let label: string;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8-bom';
    label = 'utf-8';
    text = decodeStrict('utf-8', bytes);
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    label = 'utf-16le';
    text = decodeStrict('utf-16le', bytes);
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    label = 'utf-16be';
    text = decodeStrict('utf-16be', bytes);
  } else {
    encoding = 'utf-8';
    label = 'utf-8';
    text = decodeStrict('utf-8', bytes);
    if (text === null) {
      encoding = 'gb18030';
      text = decodeStrict('gb18030', bytes);
    }
  }
  if (text === null) {
    // Name the place where UTF-8 (or the BOM's encoding) breaks: most such files are UTF-8 with a
    // damaged byte, and an editor can go to that line.
    const at = firstInvalidByte(label, bytes);
    throw new ImportError(
      encoding === 'gb18030'
        ? `byte offset ${at.offset}: not valid UTF-8 here, and the file is not GB18030/GBK text either; expected a plan saved as plain text (UTF-8)`
        : `byte offset ${at.offset}: the file starts with a ${encoding} byte-order mark but is not valid ${encoding} here`,
      at.line,
    );
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    const line = text.slice(0, nul).split(/\r\n?|\n/).length;
    const offset = encoding === 'utf-8' ? new TextEncoder().encode(text.slice(0, nul)).length : bytes.indexOf(0);
    throw new ImportError(`byte offset ${offset}: a NUL byte; this looks like a binary file (a Word .docx must end in .docx), not plain text`, line);
  }
  if (!/\S/u.test(text.replace(/[\u00a0\u3000\ufeff]/gu, ''))) {
    throw new ImportError(`the file holds only blank space (${bytes.length} bytes, no text); expected the text of a plan`);
  }
  // TextDecoder drops a leading BOM by default; normalise CRLF and lone CR.
  return { text: text.replace(/\r\n?/g, '\n'), encoding };
}
