/**
 * Writing an import all or nothing.
 *
 * 1. Stage: every new file is written under `<out>/.import-<pid>/new/`, nothing else is touched.
 * 2. Journal: `<out>/.import-<pid>/journal.json` lists every path the commit will replace, create or
 *    delete.
 * 3. Commit: path by path, the file in place (if any) is moved to `.import-<pid>/old/<path>`, then
 *    the staged file is moved into place (a delete only moves the old file away). Renames within one
 *    directory tree are atomic.
 * 4. Done: the staging directory is removed.
 * On any error, and on Ctrl-C (SIGINT) or SIGTERM, the commit is rolled back from the journal: every
 * file moved into place is removed and every old file is moved back, and the staging directory is
 * removed. If the process is killed outright (SIGKILL, power loss), the next import finds the
 * leftover `.import-<pid>` directory of a dead process and rolls it back the same way before
 * doing anything else. Staging directories are ignored by git and never read as content or seeds.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type CommitAction = 'create' | 'update' | 'delete';

export interface StagedChange {
  /** Path relative to the output root, with / separators. */
  path: string;
  action: CommitAction;
  /** The new bytes (absent for a delete). */
  content?: string | Uint8Array;
}

interface Journal {
  pid: number;
  entries: { path: string; hadOriginal: boolean; action: CommitAction }[];
}

export const STAGING_PREFIX = '.import-';

/** Thrown when the user interrupts the import (Ctrl-C); everything has been rolled back. */
export class Interrupted extends Error {
  readonly signal: string;
  constructor(signal: string) {
    super(`interrupted by ${signal}`);
    this.signal = signal;
    this.name = 'Interrupted';
  }
}

/** Failure of the rollback itself: the message lists what is left, so a person can finish it. */
export class RollbackError extends Error {
  readonly left: string[];
  constructor(cause: unknown, left: string[]) {
    super(`the import failed (${(cause as Error)?.message ?? String(cause)}) and could not be fully undone; check: ${left.join(', ')}`, { cause });
    this.left = left;
    this.name = 'RollbackError';
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Undo a (possibly partial) commit described by the journal in `dir`; returns paths it could not restore. */
function rollBack(out: string, dir: string): string[] {
  const journalPath = join(dir, 'journal.json');
  const left: string[] = [];
  if (existsSync(journalPath)) {
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as Journal;
    for (const e of [...journal.entries].reverse()) {
      const target = join(out, e.path);
      const staged = join(dir, 'new', e.path);
      const old = join(dir, 'old', e.path);
      try {
        // The new file was moved into place if it is no longer staged: take it away.
        if (e.action !== 'delete' && !existsSync(staged) && existsSync(target)) unlinkSync(target);
        if (existsSync(old)) {
          mkdirSync(dirname(target), { recursive: true });
          renameSync(old, target);
        }
      } catch {
        left.push(e.path);
      }
    }
  }
  if (left.length === 0) rmSync(dir, { recursive: true, force: true });
  return left;
}

/** Whether an import that died left its staging directory under `out`. */
export function hasLeftovers(out: string): boolean {
  if (!existsSync(out)) return false;
  return readdirSync(out).some((name) => {
    const m = /^\.import-(\d+)$/.exec(name);
    return !!m && !isAlive(Number(m[1]));
  });
}

/**
 * Roll back the leftovers of imports that died (their process no longer runs). Returns one line per
 * leftover, for the report.
 */
export function recoverLeftovers(out: string): string[] {
  if (!existsSync(out)) return [];
  const notes: string[] = [];
  for (const name of readdirSync(out)) {
    const m = new RegExp(`^${STAGING_PREFIX.replace('.', '\\.')}(\\d+)$`).exec(name);
    if (!m || isAlive(Number(m[1]))) continue;
    const left = rollBack(out, join(out, name));
    notes.push(left.length ? `${name}: an interrupted import could not be undone for ${left.join(', ')}` : `${name}: an interrupted import was undone`);
  }
  return notes;
}

export type Checkpoint = (step: 'stage' | 'commit', index: number, path: string) => Promise<void>;

/** The steps of a commit; the drivers below run them, pausing at each yield for a checkpoint. */
function* steps(out: string, dir: string, changes: readonly StagedChange[]): Generator<['stage' | 'commit', number, string], void> {
  mkdirSync(join(dir, 'new'), { recursive: true });
  for (const [i, c] of changes.entries()) {
    yield ['stage', i, c.path];
    if (c.action === 'delete') continue;
    const staged = join(dir, 'new', c.path);
    mkdirSync(dirname(staged), { recursive: true });
    writeFileSync(staged, c.content!);
  }
  const journal: Journal = {
    pid: process.pid,
    entries: changes.map((c) => ({ path: c.path, action: c.action, hadOriginal: existsSync(join(out, c.path)) })),
  };
  writeFileSync(join(dir, 'journal.json'), JSON.stringify(journal, null, 1));
  for (const [i, c] of changes.entries()) {
    yield ['commit', i, c.path];
    const target = join(out, c.path);
    if (existsSync(target)) {
      const old = join(dir, 'old', c.path);
      mkdirSync(dirname(old), { recursive: true });
      renameSync(target, old);
    }
    if (c.action !== 'delete') {
      mkdirSync(dirname(target), { recursive: true });
      renameSync(join(dir, 'new', c.path), target);
    }
  }
}

function stagingDir(out: string): string {
  const dir = join(out, `${STAGING_PREFIX}${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  return dir;
}

function failed(out: string, dir: string, error: unknown): never {
  const left = rollBack(out, dir);
  if (left.length) throw new RollbackError(error, left);
  throw error;
}

/**
 * Write the changes all or nothing (see the module comment), awaiting `checkpoint` before each step
 * so that a signal can abort it: a checkpoint that throws rolls everything back. Returns the number
 * of files changed.
 */
export async function commitChanges(out: string, changes: readonly StagedChange[], checkpoint?: Checkpoint): Promise<number> {
  if (changes.length === 0) return 0;
  const dir = stagingDir(out);
  try {
    for (const [step, i, path] of steps(out, dir, changes)) await checkpoint?.(step, i, path);
  } catch (error) {
    failed(out, dir, error);
  }
  rmSync(dir, { recursive: true, force: true });
  return changes.length;
}

/** The same, synchronously (for library use and tests; no checkpoints). */
export function commitChangesSync(out: string, changes: readonly StagedChange[]): number {
  if (changes.length === 0) return 0;
  const dir = stagingDir(out);
  try {
    for (const _ of steps(out, dir, changes));
  } catch (error) {
    failed(out, dir, error);
  }
  rmSync(dir, { recursive: true, force: true });
  return changes.length;
}
