/** Run the repository's command lines (`node scripts/import.ts …`, `node scripts/progress.ts …`) from the repository root, as a user would. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from './content';

export const PLAN_2020 = join(root, 'tests/fixtures/import/plan-2020-test.txt');

/** Run one of the repository's commands (`node scripts/<script> …`) from the repository root, as a user would. */
export function runScript(script: string, ...args: string[]) {
  const env = { ...process.env };
  // npm sets INIT_CWD; the command must not depend on it.
  delete env.INIT_CWD;
  const r = spawnSync(process.execPath, [join(root, 'scripts', script), ...args], { encoding: 'utf8', env, cwd: root });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export const runImport = (...args: string[]) => runScript('import.ts', ...args);
