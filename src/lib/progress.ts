/**
 * Recording progress on a target (`npm run progress`): the pure part. Finds the target, checks the
 * input, and computes the new task file and the new change entry as text. The command line
 * (scripts/progress.ts) only reads and writes files.
 *
 * Task files are edited by splicing text at the source ranges the `yaml` Document API reports, so
 * every byte outside the target's `status` value and its `evidence` list stays as the editor left
 * it (comments, quoting, key order). The result is parsed again and compared with the intended data
 * before anything is written.
 *
 * Plain Node: only package imports and `.ts`-suffixed relative imports.
 */
import { isMap, isScalar, isSeq, parseDocument, Scalar, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { isDeepStrictEqual } from 'node:util';
import { TARGET_STATUSES, type TargetStatus } from './vocabulary.ts';
import { chineseDate, newestEvidence } from './evidence.ts';

export { chineseDate, newestEvidence };

export interface Evidence {
  date: string;
  status: TargetStatus;
  source: string;
  note?: string | undefined;
}

export class ProgressError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProgressError';
  }
}

// ---------------------------------------------------------------------------------------------
// Checking the command line's values

/** A real calendar day written YYYY-MM-DD (2019-02-30 is not). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Today in China Standard Time (the bureau's day), YYYY-MM-DD. */
export function todayInChina(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export interface ProgressInput {
  id: string;
  status: string;
  date: string;
  source: string;
  note?: string | undefined;
}

/** Every problem with the values, each naming the option; empty when they are fine. */
export function checkInput(input: ProgressInput, today: string): string[] {
  const problems: string[] = [];
  if (!(TARGET_STATUSES as readonly string[]).includes(input.status)) {
    problems.push(`--status: "${input.status}" is not on the status scale; use one of ${TARGET_STATUSES.join('、')}`);
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date)) problems.push(`--date: "${input.date}" is not a date written YYYY-MM-DD`);
  else if (!isCalendarDate(input.date)) problems.push(`--date: ${input.date} is not a day of the calendar`);
  else if (input.date > today) problems.push(`--date: ${input.date} is after today (${today}); evidence must already be published`);
  let url: URL | undefined;
  try {
    url = new URL(input.source);
  } catch {
    problems.push(`--source: "${input.source}" is not a URL; give the https address where the evidence can be read`);
  }
  if (url && url.protocol !== 'https:') problems.push(`--source: "${input.source}" is not an https address`);
  if (url && url.protocol === 'https:' && !url.hostname.includes('.')) problems.push(`--source: "${input.source}" has no public host name`);
  if (input.note !== undefined && input.note.trim() === '') problems.push('--note: empty; leave the option out instead');
  if (input.note !== undefined && /[\r\n]/.test(input.note)) problems.push('--note: one line only');
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Finding the target

export interface TaskFile {
  /** Path relative to the project root, e.g. content/tasks/2019/04.mdx. */
  path: string;
  text: string;
}

export interface Located {
  id: string;
  file: TaskFile;
  /** Index of the target in the file's `targets` list. */
  index: number;
  /** Plan year (from the file's folder) and task number, for the change entry's paths. */
  year: string;
  taskNumber: number;
  metric: string;
  status: string;
  evidence: Evidence[];
}

interface Frontmatter {
  start: number;
  text: string;
}

function frontmatterOf(file: TaskFile): Frontmatter {
  const m = /^---[ \t]*\r?\n([\s\S]*?\r?\n)---[ \t]*(?:\r?\n|$)/.exec(file.text);
  if (!m) throw new ProgressError(`${file.path}: no frontmatter block between --- lines`);
  return { start: m[0].indexOf(m[1]!), text: m[1]! };
}

function parse(file: TaskFile, fm: Frontmatter) {
  const doc = parseDocument(fm.text);
  if (doc.errors.length > 0) throw new ProgressError(`${file.path}: frontmatter is not valid YAML: ${doc.errors[0]!.message}`);
  return doc;
}

/** Edit distance, for suggesting ids close to a mistyped one. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** Up to three known ids nearest to a mistyped one (containing it first, then by edit distance). */
export function nearestIds(id: string, known: readonly string[]): string[] {
  return known
    .map((k) => ({ k, score: k.includes(id) || id.includes(k) ? -1 : editDistance(id, k) }))
    .sort((a, b) => a.score - b.score || a.k.localeCompare(b.k))
    .slice(0, 3)
    .map((x) => x.k);
}

/** The target with this id among the task files; a ProgressError suggesting near ids when there is none. */
export function locateTarget(files: readonly TaskFile[], id: string): Located {
  const known: string[] = [];
  const located: Located[] = [];
  for (const file of files) {
    const fm = frontmatterOf(file);
    const data = parse(file, fm).toJS() as { number?: number; targets?: { id: string; metric: string; status?: string; evidence?: Evidence[] }[] };
    (data.targets ?? []).forEach((t, index) => {
      known.push(t.id);
      if (t.id !== id) return;
      const year = file.path.split('/').at(-2) ?? '';
      located.push({ id, file, index, year, taskNumber: data.number ?? 0, metric: t.metric, status: t.status ?? '未评估', evidence: t.evidence ?? [] });
    });
  }
  if (located.length > 1) throw new ProgressError(`target id "${id}" is in more than one place: ${located.map((l) => l.file.path).join(', ')}`);
  if (located.length === 0) {
    const near = nearestIds(id, known);
    throw new ProgressError(`unknown target id "${id}"${near.length ? `; did you mean ${near.join(', ')}?` : ' (there are no targets)'}`);
  }
  return located[0]!;
}

// ---------------------------------------------------------------------------------------------
// Editing the task file

const q = (s: string) => JSON.stringify(s);
const lineStart = (text: string, at: number) => text.lastIndexOf('\n', at - 1) + 1;
/** The index just after the end of the line containing `at`. */
const afterLine = (text: string, at: number) => {
  const nl = text.indexOf('\n', at);
  return nl === -1 ? text.length : nl + 1;
};

function evidenceLines(e: Evidence, dashIndent: string): string[] {
  const pad = `${dashIndent}  `;
  const lines = [`${dashIndent}- date: ${q(e.date)}`, `${pad}status: ${e.status}`, `${pad}source: ${q(e.source)}`];
  if (e.note !== undefined) lines.push(`${pad}note: ${q(e.note)}`);
  return lines;
}

export interface Edit {
  /** The task file's new text. */
  text: string;
  /** The status before and after. */
  from: string;
  to: TargetStatus;
  /** Whether newer evidence already exists, so the status stays with it. */
  olderThanNewest: boolean;
}

/**
 * Add one evidence entry to the target (kept in date order, newest last) and set its status to
 * that of the newest evidence. Only the target's `status` value and `evidence` list change.
 */
export function addEvidence(at: Located, e: Evidence): Edit {
  const { file } = at;
  const fm = frontmatterOf(file);
  const doc = parse(file, fm);
  const targets = doc.get('targets', true);
  if (!isSeq(targets)) throw new ProgressError(`${file.path}: field \`targets\` is not a list`);
  const target = (targets as YAMLSeq).items[at.index];
  if (!isMap(target) || target.flow) throw new ProgressError(`${file.path}: field \`targets[${at.index}]\` must be written as a block mapping (one key per line) to be edited`);
  const map = target as YAMLMap;
  const text = fm.text;
  const pairs = map.items as Pair[];
  const keyOf = (p: Pair) => (isScalar(p.key) ? String(p.key.value) : '');
  const pair = (key: string) => pairs.find((p) => keyOf(p) === key);
  const keyColumn = pairs[0]!.key && isScalar(pairs[0]!.key) ? pairs[0]!.key.range![0] - lineStart(text, pairs[0]!.key.range![0]) : 4;
  const keyIndent = ' '.repeat(keyColumn);

  if (at.evidence.some((x) => x.date === e.date && x.status === e.status && x.source === e.source)) {
    throw new ProgressError(`${file.path}: field \`targets[${at.index}].evidence\`: this evidence (${e.date}, ${e.status}, ${e.source}) is already recorded`);
  }
  const all = [...at.evidence];
  let position = all.findIndex((x) => x.date > e.date);
  if (position === -1) position = all.length;
  all.splice(position, 0, e);
  const to = newestEvidence(all)!.status;

  // Splices as [start, end, replacement, order], applied from the end so earlier offsets stay valid;
  // `order` breaks ties at one position (status is written before evidence).
  const splices: [number, number, string, number][] = [];
  const lastPair = pairs.at(-1)!;
  const lastNode = (lastPair.value ?? lastPair.key) as { range: [number, number, number] };
  const mapEnd = afterLine(text, lastNode.range[1] - 1);
  const ev = pair('evidence');
  if (!ev) {
    splices.push([mapEnd, mapEnd, `${[`${keyIndent}evidence:`, ...evidenceLines(e, `${keyIndent}  `)].join('\n')}\n`, 1]);
  } else if (isSeq(ev.value) && !ev.value.flow && ev.value.items.length > 0) {
    const seq = ev.value as YAMLSeq;
    const dashColumn = seq.range![0] - lineStart(text, seq.range![0]);
    const lines = evidenceLines(e, ' '.repeat(dashColumn));
    const before = seq.items[position] as { range?: [number, number, number] } | undefined;
    const at2 = before ? lineStart(text, before.range![0]) : afterLine(text, seq.range![1] - 1);
    splices.push([at2, at2, `${lines.join('\n')}\n`, 1]);
  } else if (isSeq(ev.value) && ev.value.items.length === 0) {
    // `evidence: []` becomes a block list.
    const key = ev.key as Scalar;
    const end = (ev.value as YAMLSeq).range![1];
    splices.push([key.range![1], end, `:\n${evidenceLines(e, `${keyIndent}  `).join('\n')}`, 1]);
  } else {
    throw new ProgressError(`${file.path}: field \`targets[${at.index}].evidence\` must be a block list to be edited (one entry per "- " line)`);
  }
  const st = pair('status');
  if (st) {
    if (!isScalar(st.value)) throw new ProgressError(`${file.path}: field \`targets[${at.index}].status\` is not a single value`);
    const s = st.value as Scalar;
    const quoted = s.type === Scalar.QUOTE_DOUBLE ? q(to) : s.type === Scalar.QUOTE_SINGLE ? `'${to}'` : to;
    splices.push([s.range![0], s.range![1], quoted, 0]);
  } else {
    splices.push([mapEnd, mapEnd, `${keyIndent}status: ${to}\n`, 0]);
  }
  // Two insertions at the map's end: status before evidence, as a person would write them.
  splices.sort((a, b) => b[0] - a[0] || b[3] - a[3]);
  let edited = text;
  for (const [s, t, r] of splices) edited = edited.slice(0, s) + r + edited.slice(t);

  // Re-read the result: it must be the old data with exactly this change.
  const expected = doc.toJS() as { targets: Record<string, unknown>[] };
  const old = expected.targets[at.index]!;
  old.status = to;
  old.evidence = all.map((x) => (x.note === undefined ? { date: x.date, status: x.status, source: x.source } : { ...x }));
  const check = parseDocument(edited);
  if (check.errors.length > 0 || !isDeepStrictEqual(normalise(check.toJS()), normalise(expected))) {
    throw new ProgressError(`${file.path}: the file's layout is unusual and could not be edited safely; nothing written. Add the evidence by hand (see README, "Record progress").`);
  }
  const fullText = file.text.slice(0, fm.start) + edited + file.text.slice(fm.start + fm.text.length);
  return { text: fullText, from: at.status, to, olderThanNewest: to !== e.status || position < all.length - 1 };
}

// Evidence written by hand may carry keys in another order: compare as data.
const normalise = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (_k, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x)));

// ---------------------------------------------------------------------------------------------
// The change entry

export interface ChangeEntry {
  /** Path relative to the project root: content/changes/<today>-<target-id>.mdx (with -2, -3 … if taken). */
  path: string;
  text: string;
}

/** The dated entry for content/changes/ that puts this evidence on /changes/ and in the feed. */
export function changeEntry(at: Located, e: Evidence, edit: Edit, today: string, taken: (path: string) => boolean): ChangeEntry {
  let path = `content/changes/${today}-${at.id}.mdx`;
  for (let n = 2; taken(path); n++) path = `content/changes/${today}-${at.id}-${n}.mdx`;
  const statusWords = edit.from === edit.to ? `状态仍为“${edit.to}”` : `状态由“${edit.from}”改为“${edit.to}”`;
  const summary = `记录了一条${chineseDate(e.date)}的证据，支持“${e.status}”${e.note ? `：${e.note.replace(/[。.]$/, '')}` : ''}。${statusWords}${edit.olderThanNewest && edit.to !== e.status ? '（已有更新的证据）' : ''}。`;
  const lines = [
    '---',
    `date: ${q(today)}`,
    `title: ${q(`目标状态：${at.metric}：${edit.to}`)}`,
    'kind: target-status',
    `summary: ${q(summary)}`,
    `paths: [${q(`/${at.year}/targets/`)}, ${q(`/${at.year}/tasks/${at.taskNumber}/`)}]`,
    `target: ${at.id}`,
    `evidence: { date: ${q(e.date)}, status: ${e.status}, source: ${q(e.source)} }`,
    '---',
    '',
  ];
  return { path, text: lines.join('\n') };
}

