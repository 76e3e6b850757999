/** Run the importer's command line (`node scripts/import.ts …`) from the repository root, as a user would. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from './content';

export const PLAN_2020 = join(root, 'tests/fixtures/import/plan-2020-test.txt');

export function runImport(...args: string[]) {
  const env = { ...process.env };
  // npm sets INIT_CWD; the command must not depend on it.
  delete env.INIT_CWD;
  const r = spawnSync(process.execPath, [join(root, 'scripts/import.ts'), ...args], { encoding: 'utf8', env, cwd: root });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
