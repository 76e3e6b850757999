/**
 * `npm run bench:build`: what share images cost the build, measured and printed (a benchmark, not a
 * test). Issue 13's budget: with share images the build takes at most 30 % longer.
 *
 * Builds copies of the project (in a temporary folder, sharing node_modules) round by round, in
 * turn, so that a noisy machine slows every kind alike:
 *   - none:  share-image drawing stubbed out (src/lib/share/pool.ts makes no images): the baseline;
 *   - empty: an empty image cache, as in a fresh clone (CI): every image is drawn;
 *   - warm:  the cache from an earlier build: nothing is drawn.
 * Prints each build's wall time (and CPU time, on Linux), then per kind the medians and their change
 * from the baseline's, and how long the build's last step waited for the drawing (its log line).
 *
 *   npm run bench:build                 # 5 rounds
 *   npm run bench:build -- --runs 9
 * Settings: SITE_URL (default https://plan.example.org, so QR codes are drawn as in a published build).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const runs = Number(args.includes('--runs') ? args[args.indexOf('--runs') + 1] : 5);
const root = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'bench-build-'));
const PARTS = ['src', 'content', 'seeds', 'public', 'scripts', 'astro.config.mjs', 'tsconfig.json', 'package.json'];

function copy(name: string): string {
  const dir = join(work, name);
  for (const part of PARTS) cpSync(join(root, part), join(dir, part), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

const withImages = copy('with-images');
const without = copy('without-images');
// The baseline: the same site, with the drawing replaced by one that makes no images.
writeFileSync(
  join(without, 'src/lib/share/pool.ts'),
  [
    'export function prepareDrawing() {}',
    'export async function discardPreparedWorker() {}',
    'export function startDrawing() { return { images: new Map(), done: Promise.resolve({ drawn: 0, cached: 0, files: [] }) }; }',
  ].join('\n'),
);

const kinds = ['none', 'empty', 'warm'] as const;
type Kind = (typeof kinds)[number];
const times: Record<Kind, number[]> = { none: [], empty: [], warm: [] };
const waits: Record<Kind, number[]> = { none: [], empty: [], warm: [] };
const cpu: Record<Kind, number[]> = { none: [], empty: [], warm: [] };

function build(kind: Kind, priming = false): void {
  const dir = kind === 'none' ? without : withImages;
  const cache = join(work, `cache-${kind}`);
  if (kind === 'empty') rmSync(cache, { recursive: true, force: true });
  const env = { ...process.env, SITE_URL: process.env.SITE_URL ?? 'https://plan.example.org', SHARE_CACHE_DIR: cache, OUT_DIR: './dist', FORCE_COLOR: '0' };
  const started = performance.now();
  const cpuBefore = childCpuSeconds();
  const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { cwd: dir, env, encoding: 'utf8' });
  const ms = performance.now() - started;
  const cpuSeconds = cpuBefore === undefined ? undefined : childCpuSeconds()! - cpuBefore;
  if (result.status !== 0) {
    console.error(result.stdout.slice(-3000), result.stderr.slice(-3000));
    throw new Error(`${kind} build failed`);
  }
  const log = /wrote (\d+) share images \((\d+) drawn, (\d+) from the cache; waited (\d+) ms/.exec(result.stdout);
  if (kind !== 'none' && !log) throw new Error(`${kind} build: no share-images line in its log`);
  if (kind === 'empty' && log && log[2] !== log[1]) throw new Error(`empty cache, but only ${log[2]} of ${log[1]} images drawn`);
  if (kind === 'warm' && !priming && log && log[2] !== '0') throw new Error(`warm cache, but ${log[2]} images drawn`);
  times[kind].push(ms);
  if (cpuSeconds !== undefined) cpu[kind].push(cpuSeconds);
  if (log) waits[kind].push(Number(log[4]));
  console.log(`${kind.padEnd(5)} ${(ms / 1000).toFixed(2)} s${cpuSeconds === undefined ? '' : ` (CPU ${cpuSeconds.toFixed(2)} s)`}${log ? `  (${log[2]} drawn, ${log[3]} cached, waited ${log[4]} ms)` : ''}`);
}

/**
 * CPU seconds used by this process's finished children (Linux: /proc/self/stat cutime + cstime, in
 * clock ticks of 1/100 s): what a build cost the machine, less sensitive to a noisy neighbour than wall time.
 */
function childCpuSeconds(): number | undefined {
  if (!existsSync('/proc/self/stat')) return undefined;
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

try {
  // One unmeasured build each: the first build of a copy also fills Astro's content cache.
  build('none');
  build('warm', true);
  for (const k of kinds) times[k].length = waits[k].length = cpu[k].length = 0;
  console.log(`\n${runs} rounds, each: none, empty, warm\n`);
  for (let i = 0; i < runs; i++) for (const kind of kinds) build(kind);
  const base = median(times.none);
  const cpuBase = cpu.none.length ? median(cpu.none) : undefined;
  const change = (m: number, b: number) => `${m >= b ? '+' : ''}${(((m - b) / b) * 100).toFixed(1)} %`;
  console.log('\nkind   wall (median)  vs none    CPU (median)  vs none    waited for drawing (median)');
  for (const kind of kinds) {
    const m = median(times[kind]);
    const c = cpu[kind].length ? median(cpu[kind]) : undefined;
    const wait = waits[kind].length ? `${median(waits[kind]).toFixed(0)} ms` : '—';
    console.log(
      `${kind.padEnd(6)} ${(m / 1000).toFixed(2).padStart(6)} s     ${(kind === 'none' ? '—' : change(m, base)).padEnd(9)}  ` +
        `${c === undefined ? '—' : `${c.toFixed(2)} s`.padStart(7)}       ${(kind === 'none' || c === undefined || cpuBase === undefined ? '—' : change(c, cpuBase)).padEnd(9)}  ${wait}`,
    );
  }
  console.log('\nbudget: empty and warm at most +30 % over none');
} finally {
  rmSync(work, { recursive: true, force: true });
}
