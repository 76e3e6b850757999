/**
 * Care mode (关怀模式): turns a finished standard page into its care-mode copy. Works on the built
 * HTML (parsed with parse5, changed by edits at its source positions), not on any page's code, so every page the site publishes — now or later — gets a
 * care copy without the page knowing:
 *
 * - every link to a page of the site (and the header search form) points into care mode;
 *   assets, data files and feeds keep their standard address;
 * - the layout's 关怀模式 link (data-mode-switch) becomes the care bar (which mode, and the 标准版 link);
 *   the 朗读本页 controls (hidden until the read-aloud script shows them) go under the page title;
 * - the care stylesheet and the read-aloud script are added; noindex; the canonical link, when the
 *   standard page has one, already names the standard page and is kept;
 * - the copy leaves the search index (no data-pagefind-body) whatever order the build steps run in;
 * - table cells get data-label from their column header, so tables read as cards.
 */
import { parse, defaultTreeAdapter as tree, type DefaultTreeAdapterTypes as T } from 'parse5';
import { toCarePath } from './paths.ts';

export interface CareOptions {
  /** Address of the standard page, with the base path: `/jyj/2019/tasks/3/`. */
  path: string;
  /** The base path, `/` or `/jyj/`. */
  base: string;
  /** The site's pages (those with a care copy), relative to the base path: `''`, `2019/tasks/3/`, `404.html`. */
  pages: ReadonlySet<string>;
  /** The published origin and base (SITE_URL), when known: links written with it are the site's own too. */
  site?: string;
  /** Addresses (with the base path) of the care stylesheet and the read-aloud script. */
  stylesheet: string;
  script: string;
}

export class CareTransformError extends Error {}

/** Does this built page come from the site's layout (it has the 关怀模式 switch)? Redirect stubs and the like do not. */
export const hasModeSwitch = (html: string) => /\sdata-mode-switch[\s>=]/.test(html);

const LINKING = new Map([['a', 'href'], ['area', 'href'], ['form', 'action']]);
const URL_ATTRS = ['href', 'src', 'poster', 'action', 'data'];
const DUMMY = 'https://care.invalid';

export function toCarePage(html: string, o: CareOptions): string {
  const doc = parse(html, { sourceCodeLocationInfo: true });
  const root = find(doc, (e) => e.tagName === 'html');
  const head = root && find(root, (e) => e.tagName === 'head');
  const body = root && find(root, (e) => e.tagName === 'body');
  if (!root || !head || !body) throw new CareTransformError(`${o.path}: no <html>, <head> or <body>`);
  if (!find(body, (e) => e.tagName === 'main')) throw new CareTransformError(`${o.path}: no <main>; care mode reads and restyles the main text`);
  const switcher = find(body, (e) => hasAttr(e, 'data-mode-switch'));
  if (!switcher) throw new CareTransformError(`${o.path}: no element with data-mode-switch (the layout's 关怀模式 link) to turn into the care bar`);
  const headEnd = head.sourceCodeLocation?.endTag?.startOffset;
  if (headEnd === undefined) throw new CareTransformError(`${o.path}: no </head>`);

  // The page is changed by edits at parse5's source positions, so everything else stays byte for byte.
  const edits = new Edits(html);
  edits.setAttr(root, 'data-mode', 'care');
  const pageUrl = new URL(o.path, DUMMY);
  const site = o.site ? new URL(o.site.replace(/\/*$/, '/')) : undefined;

  walk(doc, (el) => {
    // The care bar replaces the switch whole (its 标准版 link must stay standard): nothing inside is edited.
    if (el === switcher) return false;
    edits.removeAttr(el, 'data-pagefind-body');
    for (const name of URL_ATTRS) {
      const value = getAttr(el, name);
      if (value === undefined) continue;
      const linking = LINKING.get(el.tagName) === name;
      const next = linking ? careLink(value, pageUrl, o, site) : absolutise(value, pageUrl);
      if (next !== value) edits.setAttr(el, name, next);
    }
    if (el.tagName === 'table') labelCells(el, edits);
    return true;
  });

  edits.replaceElement(switcher, careBar(o.path));
  // 朗读本页 sits under the page title (or at the top of the main text), not in the header: the header stays short on a phone.
  const main = find(body, (e) => e.tagName === 'main')!;
  const h1 = find(main, (e) => e.tagName === 'h1');
  const at = h1?.sourceCodeLocation?.endOffset ?? main.sourceCodeLocation?.startTag?.endOffset;
  if (at === undefined) throw new CareTransformError(`${o.path}: <main> has no source position`);
  edits.add(at, at, READ_ALOUD);
  const title = find(head, (e) => e.tagName === 'title');
  const titleText = title?.childNodes[0];
  if (titleText && tree.isTextNode(titleText) && titleText.sourceCodeLocation) {
    edits.add(titleText.sourceCodeLocation.endOffset, titleText.sourceCodeLocation.endOffset, '（关怀模式）');
  }
  for (const meta of findAll(head, (e) => e.tagName === 'meta' && getAttr(e, 'name')?.toLowerCase() === 'robots')) edits.replaceElement(meta, '');
  edits.add(headEnd, headEnd, `<meta name="robots" content="noindex"><link rel="stylesheet" href="${attr(o.stylesheet)}"><script type="module" src="${attr(o.script)}"></script>`);
  return edits.apply();
}

/** Changes to the source text at parse5's locations, applied from the end so offsets stay valid. */
class Edits {
  private list: { start: number; end: number; text: string }[] = [];
  constructor(private html: string) {}

  add(start: number, end: number, text: string): void {
    this.list.push({ start, end, text });
  }

  setAttr(el: T.Element, name: string, value: string): void {
    const loc = el.sourceCodeLocation;
    const at = loc?.attrs?.[name];
    const text = `${name}="${attr(value)}"`;
    if (at) this.add(at.startOffset, at.endOffset, text);
    else if (loc?.startTag) {
      const after = loc.startTag.startOffset + 1 + el.tagName.length;
      this.add(after, after, ` ${text}`);
    } else throw new CareTransformError(`<${el.tagName}> has no source position`);
  }

  removeAttr(el: T.Element, name: string): void {
    const at = el.sourceCodeLocation?.attrs?.[name];
    // With the space before it.
    if (at) this.add(at.startOffset - 1, at.endOffset, '');
  }

  replaceElement(el: T.Element, text: string): void {
    const loc = el.sourceCodeLocation;
    if (!loc) throw new CareTransformError(`<${el.tagName}> has no source position`);
    this.add(loc.startOffset, loc.endOffset, text);
  }

  apply(): string {
    const sorted = [...this.list].sort((a, b) => b.start - a.start || b.end - a.end);
    let out = this.html;
    let limit = Infinity;
    for (const e of sorted) {
      if (e.end > limit) throw new CareTransformError(`overlapping edits at ${e.start}–${e.end}`);
      out = out.slice(0, e.start) + e.text + out.slice(e.end);
      limit = e.start;
    }
    return out;
  }
}

/** A link or form address in care mode: the site's pages go to their care copy; anything else keeps its address. */
function careLink(value: string, pageUrl: URL, o: CareOptions, site: URL | undefined): string {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return value;
  let url: URL;
  try {
    url = new URL(trimmed, pageUrl);
  } catch {
    return value;
  }
  const own = url.origin === DUMMY || (site !== undefined && url.origin === site.origin);
  if (!own || !url.pathname.startsWith(o.base)) return absolutise(value, pageUrl);
  const rest = url.pathname.slice(o.base.length);
  if (!o.pages.has(rest) && !o.pages.has(`${rest}/`)) return absolutise(value, pageUrl);
  const path = toCarePath(url.pathname, o.base) + url.search + url.hash;
  return url.origin === DUMMY ? path : url.origin + path;
}

/** A relative address resolved against the standard page, so it still works one folder deeper. */
function absolutise(value: string, pageUrl: URL): string {
  const v = value.trim();
  if (v === '' || v.startsWith('#') || v.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(v)) return value;
  const url = new URL(v, pageUrl);
  return url.pathname + url.search + url.hash;
}

/** Each body cell gets its column's header text as data-label (shown before the value when the table is a card). */
function labelCells(table: T.Element, edits: Edits): void {
  const thead = find(table, (e) => e.tagName === 'thead');
  const headRow = thead && find(thead, (e) => e.tagName === 'tr');
  if (!headRow) return;
  const labels = columns(headRow).map((c) => text(c).replace(/\s+/g, ' ').trim());
  const labelled = new Set<T.Element>();
  for (const section of findAll(table, (e) => e.tagName === 'tbody' || e.tagName === 'tfoot')) {
    for (const row of findAll(section, (e) => e.tagName === 'tr')) {
      columns(row).forEach((cell, i) => {
        if (labels[i] && getAttr(cell, 'data-label') === undefined && !labelled.has(cell)) {
          labelled.add(cell);
          edits.setAttr(cell, 'data-label', labels[i]!);
        }
      });
    }
  }
}

/** A row's cells by column index (a cell spanning n columns fills n slots). */
function columns(row: T.Element): T.Element[] {
  const out: T.Element[] = [];
  for (const cell of row.childNodes) {
    if (!tree.isElementNode(cell) || (cell.tagName !== 'td' && cell.tagName !== 'th')) continue;
    const span = Math.max(1, Number(getAttr(cell, 'colspan') ?? 1) || 1);
    for (let k = 0; k < span; k++) out.push(cell);
  }
  return out;
}

function careBar(standardPath: string): string {
  return '<div class="care-bar" data-mode-switch><div class="container care-bar-inner">'
    + '<p class="care-mode-name">关怀模式（长辈版）</p>'
    + `<a class="care-standard" href="${attr(standardPath)}">标准版</a>`
    + '</div></div>';
}

/** The 朗读本页 controls, hidden until the read-aloud script shows them; not themselves read (data-read-skip). */
const READ_ALOUD = '<div class="read-aloud no-print" id="read-aloud" data-read-skip hidden>'
  + '<button type="button" class="read-toggle" data-read="toggle">朗读本页</button>'
  + '<button type="button" class="read-stop" data-read="stop" hidden>停止</button>'
  + '<p class="read-status" role="status" data-read="status"></p>'
  + '</div>';

// --- small tree helpers over parse5's default tree ---

/** Visits every element in document order; a visit returning false skips the element's subtree. */
function walk(node: T.Node, visit: (el: T.Element) => boolean | void): void {
  if (tree.isElementNode(node) && visit(node) === false) return;
  const kids = 'content' in node && node.content ? node.content.childNodes : 'childNodes' in node ? node.childNodes : [];
  for (const child of [...kids]) walk(child, visit);
}

function findAll(node: T.Node, match: (el: T.Element) => boolean): T.Element[] {
  const out: T.Element[] = [];
  walk(node, (el) => {
    if (el !== node && match(el)) out.push(el);
  });
  return out;
}

function find(node: T.Node, match: (el: T.Element) => boolean): T.Element | undefined {
  return findAll(node, match)[0];
}

function text(node: T.Node): string {
  if (tree.isTextNode(node)) return node.value;
  return 'childNodes' in node ? node.childNodes.map(text).join('') : '';
}

const getAttr = (el: T.Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
const hasAttr = (el: T.Element, name: string) => el.attrs.some((a) => a.name === name);

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
