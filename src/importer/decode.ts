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

/** Decode a plan file's bytes (see the module comment for the detection order). */
export function decodePlanText(bytes: Uint8Array): DecodedText {
  let text: string | null = null;
  let encoding: Encoding;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8-bom';
    text = decodeStrict('utf-8', bytes);
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    text = decodeStrict('utf-16le', bytes);
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    text = decodeStrict('utf-16be', bytes);
  } else {
    encoding = 'utf-8';
    text = decodeStrict('utf-8', bytes);
    if (text === null) {
      encoding = 'gb18030';
      text = decodeStrict('gb18030', bytes);
    }
  }
  if (text === null) {
    throw new ImportError(
      encoding === 'gb18030'
        ? 'the file is neither UTF-8 nor GB18030/GBK text; expected a plan saved as plain text'
        : `the file starts with a ${encoding} byte-order mark but is not valid ${encoding}`,
    );
  }
  // TextDecoder drops a leading BOM by default; normalise CRLF and lone CR.
  return { text: text.replace(/\r\n?/g, '\n'), encoding };
}
