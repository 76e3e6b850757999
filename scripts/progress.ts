/**
 * npm run progress -- <target-id> --status <已完成|进行中|未完成|已调整|未评估> --date YYYY-MM-DD
 *                     --source <https URL> [--note 文本] [--dry-run] [--root <project dir>]
 *
 * Records one dated piece of evidence on a target: appends it to the target's `evidence` in its
 * task file (content/tasks/<year>/NN.mdx), sets `status` to what the newest evidence supports, and
 * adds a dated entry to content/changes/ so /changes/ and the Atom feed show it. Both files are
 * written or neither. The editing itself is in src/lib/progress.ts.
 * Exit codes: 0 done (or dry run), 1 refused (nothing written), 2 bad command line.
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { addEvidence, changeEntry, checkInput, locateTarget, ProgressError, todayInChina, type Evidence, type TaskFile } from '../src/lib/progress.ts';
import { TARGET_STATUSES, type TargetStatus } from '../src/lib/vocabulary.ts';

const USAGE = `usage: npm run progress -- <target-id> --status <${TARGET_STATUSES.join('|')}> --date YYYY-MM-DD --source <https URL> [--note 文本] [--dry-run]`;

function taskFiles(root: string): TaskFile[] {
  const dir = join(root, 'content/tasks');
  if (!existsSync(dir)) throw new ProgressError(`no content/tasks folder under ${root}`);
  const out: TaskFile[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.mdx')) out.push({ path: relative(root, p).split('\\').join('/'), text: readFileSync(p, 'utf8') });
    }
  };
  walk(dir);
  return out;
}

/**
 * Write several files as one step: each goes to a temporary file beside it first, then all are
 * renamed into place. If a rename fails, the files already replaced get their old text back.
 */
function writeAll(root: string, files: { path: string; text: string; old: string | null }[]): void {
  const temps = files.map((f) => ({ ...f, abs: join(root, f.path), tmp: join(root, `${f.path}.progress-tmp`) }));
  // Only what this run created is ever removed ('wx' refuses to reuse an existing path).
  const written: string[] = [];
  try {
    for (const f of temps) {
      writeFileSync(f.tmp, f.text, { flag: 'wx' });
      written.push(f.tmp);
    }
  } catch (error) {
    for (const tmp of written) rmSync(tmp, { force: true });
    throw new ProgressError(`could not write ${(error as Error).message}`);
  }
  const done: typeof temps = [];
  try {
    for (const f of temps) {
      renameSync(f.tmp, f.abs);
      done.push(f);
    }
  } catch (error) {
    for (const f of done) f.old === null ? rmSync(f.abs, { force: true }) : writeFileSync(f.abs, f.old);
    for (const f of temps.filter((t) => !done.includes(t))) rmSync(f.tmp, { force: true });
    throw new ProgressError(`could not write ${(error as Error).message}; the files are as they were`);
  }
}

function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        status: { type: 'string' },
        date: { type: 'string' },
        source: { type: 'string' },
        note: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        root: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    console.error(`progress: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const missing = (['status', 'date', 'source'] as const).filter((k) => values[k] === undefined).map((k) => `--${k}`);
  if (positionals.length !== 1 || missing.length > 0) {
    const what = positionals.length !== 1 ? `expected one target id, got ${positionals.length}` : `missing ${missing.join(', ')}`;
    console.error(`progress: ${what}\n${USAGE}`);
    return 2;
  }
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const root = values.root !== undefined ? (isAbsolute(values.root) ? values.root : resolve(cwd, values.root)) : resolve(import.meta.dirname, '..');
  const input = { id: positionals[0]!, status: values.status!, date: values.date!, source: values.source!, note: values.note };
  const today = todayInChina();
  try {
    const problems = checkInput(input, today);
    if (problems.length) throw new ProgressError(problems.join('\n'));
    const located = locateTarget(taskFiles(root), input.id);
    const evidence: Evidence = { date: input.date, status: input.status as TargetStatus, source: input.source, ...(input.note !== undefined ? { note: input.note } : {}) };
    const edit = addEvidence(located, evidence);
    const change = changeEntry(located, evidence, edit, today, (p) => existsSync(join(root, p)));
    const statusLine = edit.from === edit.to ? `status stays ${edit.to}` : `status ${edit.from} → ${edit.to}`;
    const note = edit.to !== evidence.status ? ` (newer evidence of ${edit.to} is already recorded)` : '';
    if (values['dry-run']) {
      console.log(`dry run: nothing written.\n${located.file.path}: target ${located.id}: evidence ${evidence.date} ${evidence.status}; ${statusLine}${note}`);
      console.log(`\n--- ${located.file.path} (new frontmatter)\n${edit.text.split(/^---\s*$/m)[1]!.trim()}`);
      console.log(`\n--- ${change.path} (new file)\n${change.text}`);
      return 0;
    }
    writeAll(root, [
      { path: located.file.path, text: edit.text, old: located.file.text },
      { path: change.path, text: change.text, old: null },
    ]);
    console.log(`${located.file.path}: target ${located.id}: evidence ${evidence.date} ${evidence.status}; ${statusLine}${note}`);
    console.log(`${change.path}: written`);
    return 0;
  } catch (error) {
    if (error instanceof ProgressError) {
      console.error(`progress: ${error.message}\nnothing written.`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
