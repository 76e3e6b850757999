/**
 * Build a copy of the project in tests/.tmp/<name>/ (sharing node_modules through a symlink), so a
 * test can change content and build without touching the real content or dist/.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './content';

const PARTS = ['src', 'content', 'seeds', 'public', 'scripts', 'astro.config.mjs', 'tsconfig.json', 'package.json'];

export function copyProject(name: string): string {
  const dir = join(root, 'tests/.tmp', name.replace(/\W+/g, '-'));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const part of PARTS) cpSync(join(root, part), join(dir, part), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

/** Run a node script in the copy; output is stdout and stderr together. */
export function runNode(dir: string, args: string[], env: Record<string, string> = {}): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, args, {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, OUT_DIR: './dist', FORCE_COLOR: '0', NO_COLOR: '1', ...env },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

export const buildIn = (dir: string, env: Record<string, string> = {}) => runNode(dir, ['node_modules/astro/bin/astro.mjs', 'build'], env);
