/**
 * Frontmatter text: writing new entries in the house style, and editing existing ones in place.
 *
 * New files are written as text, not through a YAML library, so they look like the hand-written
 * entries (flow lists, one key per line). Every free-text string is double-quoted (JSON escaping is
 * valid YAML), so a comma or colon in a title can never split a value.
 * Existing files are edited by replacing or inserting text at the source ranges that the `yaml`
 * parser reports, so every other byte — comments, quoting, spacing — stays as the editor left it.
 */
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { ProposedTarget } from './targets.ts';

/** A YAML double-quoted scalar. */
export function q(value: string): string {
  return JSON.stringify(value);
}

export interface MdxParts {
  /** The frontmatter text between the --- lines, ending with "\n" (or '' when empty). */
  frontmatter: string;
  /** Everything after the closing --- line. */
  body: string;
}

/** Split an .mdx file into frontmatter and body; null when it has no frontmatter block. */
export function splitMdx(text: string): MdxParts | null {
  const m = /^---[ \t]*\r?\n([\s\S]*?)^---[ \t]*(?:\r?\n|$)/mu.exec(text);
  if (!m || m.index !== 0) return null;
  return { frontmatter: m[1]!, body: text.slice(m[0].length) };
}

/** Join frontmatter and body into an .mdx file. */
export function joinMdx(frontmatter: string, body: string): string {
  const fm = frontmatter.endsWith('\n') || frontmatter === '' ? frontmatter : `${frontmatter}\n`;
  return `---\n${fm}---\n${body}`;
}

/** Parse frontmatter into plain data; throws with the parser's message on invalid YAML. */
export function parseFrontmatter(frontmatter: string): Record<string, unknown> {
  const doc = parseDocument(frontmatter);
  if (doc.errors.length > 0) throw new Error(doc.errors[0]!.message);
  const data: unknown = doc.toJS();
  return data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
}

/** One target as block-mapping lines under a sequence dash at `indent`. */
export function renderTarget(t: ProposedTarget, indent: string): string {
  const pad = `${indent}  `;
  const lines = [`${indent}- id: ${t.id}`, `${pad}kind: ${t.kind}`, `${pad}metric: ${q(t.metric)}`];
  if (t.comparator) lines.push(`${pad}comparator: ${q(t.comparator)}`);
  if (t.value !== undefined) lines.push(`${pad}value: ${t.value}`);
  if (t.unit) lines.push(`${pad}unit: ${q(t.unit)}`);
  if (t.word) lines.push(`${pad}word: ${q(t.word)}`);
  if (t.deadline) {
    const term = t.deadline.term ? `, term: ${q(t.deadline.term)}` : '';
    lines.push(`${pad}deadline: { year: ${t.deadline.year}${term}, type: ${t.deadline.type} }`);
  }
  lines.push(`${pad}quote: ${q(t.quote)}`, `${pad}reviewed: false`);
  return `${lines.join('\n')}\n`;
}

/** `key: [a, b]` or `key: []` for ids (which never need quoting). */
export function flowIds(key: string, ids: readonly string[]): string {
  return `${key}: [${ids.join(', ')}]\n`;
}

function ensureNewline(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}

function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

/**
 * Set a top-level scalar (`key: value`) to `yamlValue` (already YAML, e.g. q("x") or 2019), keeping
 * any comment after it; appends the key when absent.
 */
export function setTopScalar(frontmatter: string, key: string, yamlValue: string): string {
  const fm = ensureNewline(frontmatter);
  const doc = parseDocument(fm);
  const node = doc.get(key, true);
  if (node === undefined) return `${fm}${key}: ${yamlValue}\n`;
  if (!isScalar(node) || !node.range) throw new Error(`frontmatter field \`${key}\` is not a single value`);
  return fm.slice(0, node.range[0]) + yamlValue + fm.slice(node.range[1]);
}

/** New items for a top-level list, rendered both ways so they can follow the list's own style. */
export interface NewItems {
  /** Block items under a dash at `indent`, each ending with "\n". */
  block: (indent: string) => string;
  /** The same items as flow-style entries. */
  flow: string[];
  /** Style for a list that is absent or empty (`[]`). */
  prefer: 'block' | 'flow';
}

/**
 * Append items to a top-level sequence `key`, in the list's own style: block items after its last
 * item at the same indentation, flow items before its closing ], or a new list in `prefer` style
 * when the key is absent, empty (`[]`) or null.
 */
export function appendToTopSequence(frontmatter: string, key: string, items: NewItems): string {
  const fm = ensureNewline(frontmatter);
  if (items.flow.length === 0) return fm;
  const fresh = items.prefer === 'block' ? `${key}:\n${items.block('  ')}` : `${key}: [${items.flow.join(', ')}]\n`;
  const doc = parseDocument(fm);
  const pair = isMap(doc.contents) ? doc.contents.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined;
  if (!pair) return `${fm}${fresh}`;
  const node = pair.value;
  const keyStart = isScalar(pair.key) && pair.key.range ? pair.key.range[0] : -1;
  const replaceEntry = () => {
    // Replace from the key to the end of the value's line.
    const valueEnd = isScalar(node) || isSeq(node) ? (node.range?.[1] ?? keyStart) : keyStart;
    const lineEnd = fm.indexOf('\n', Math.max(valueEnd - 1, keyStart));
    return fm.slice(0, keyStart) + fresh + fm.slice(lineEnd < 0 ? fm.length : lineEnd + 1);
  };
  if (node === null || (isScalar(node) && node.value === null)) return replaceEntry();
  if (!isSeq(node) || !node.range) throw new Error(`frontmatter field \`${key}\` is not a list`);
  if (node.flow && node.items.length === 0) return replaceEntry();
  if (node.flow) {
    const [start, end] = node.range;
    const inner = fm.slice(start, end);
    const close = inner.lastIndexOf(']');
    const before = inner.slice(0, close).replace(/\s+$/u, '');
    const spaced = /^\[\s/u.test(inner) ? ' ' : '';
    return `${fm.slice(0, start)}${before}, ${items.flow.join(', ')}${spaced}]${fm.slice(start + close + 1)}`;
  }
  const first = node.items[0];
  const firstStart = first && (isMap(first) || isScalar(first) || isSeq(first)) && first.range ? first.range[0] : node.range[0];
  const dashAt = fm.lastIndexOf('-', firstStart);
  const indent = fm.slice(lineStart(fm, dashAt), dashAt);
  const insertAt = node.range[1];
  return ensureNewline(fm.slice(0, insertAt)) + items.block(indent) + fm.slice(insertAt);
}

/** One target as a flow mapping, for a list written in flow style. */
export function renderTargetFlow(t: ProposedTarget): string {
  return `{ ${renderTarget(t, '')
    .trim()
    .replace(/^- /u, '')
    .split('\n')
    .map((l) => l.trim())
    .join(', ')} }`;
}
