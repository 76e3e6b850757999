/**
 * Better target proposals: the 2019 seed is re-imported into a scratch year (2099, in a temporary
 * directory) and the targets the importer proposes are compared with the reviewed 2019 targets in
 * content/tasks/2019. A reviewed target is proposed again when a proposal of the same task covers at
 * least half of its quote (tests/helpers/proposal-recall.ts). The figures are printed.
 */
import { test, expect } from '@playwright/test';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { parse } from 'yaml';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCollection, root } from '../helpers/content';
import { proposalRecall } from '../helpers/proposal-recall';
import { planImport, writeChanges } from '../../src/importer/plan-import.ts';

const SEED = join(root, 'seeds/000_511d58ae4024a847.txt');

test('re-importing the 2019 seed proposes at least 80% of the reviewed 2019 targets again, 80% of those with the same kind', () => {
  const out = mkdtempSync(join(tmpdir(), 'importer-proposals-'));
  try {
    cpSync(join(root, 'content/documents'), join(out, 'content/documents'), { recursive: true });
    writeChanges(out, planImport({ input: SEED, out, year: 2099, today: '2099-01-01' }).changes);
    const proposedEntries = readCollectionAt(out, 'content/tasks/2099');
    const proposed = new Map(proposedEntries.map((e) => [e.data.number as number, (e.data.targets ?? []) as { kind: string; quote: string; reviewed: boolean }[]]));
    for (const list of proposed.values()) for (const t of list) expect(t.reviewed).toBe(false);
    const reviewed = readCollection('content/tasks/2019').map((e) => ({ number: e.data.number as number, body: e.body, targets: e.data.targets ?? [] }));
    const r = proposalRecall(reviewed, proposed);
    const recall = r.proposedAgain / r.reviewed;
    const sameKind = r.sameKind / r.proposedAgain;
    console.log(`proposal recall: ${r.proposedAgain}/${r.reviewed} reviewed 2019 targets proposed again (${(recall * 100).toFixed(1)}%), ` +
      `${r.sameKind}/${r.proposedAgain} with the same kind (${(sameKind * 100).toFixed(1)}%); ${r.proposals} proposals in all over ${proposed.size} task files`);
    for (const m of r.missed) console.log(`  missed: task ${m.task} ${m.kind} ${m.quote}`);
    for (const m of r.otherKind) console.log(`  other kind: task ${m.task} ${m.kind} → ${m.proposed} ${m.quote}`);
    expect(r.reviewed).toBeGreaterThan(40);
    expect(recall).toBeGreaterThanOrEqual(0.8);
    expect(sameKind).toBeGreaterThanOrEqual(0.8);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

/** The entries of a content directory under another root. */
function readCollectionAt(base: string, dir: string) {
  return readdirSync(join(base, dir)).filter((f) => f.endsWith('.mdx')).map((f) => {
    const m = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(readFileSync(join(base, dir, f), 'utf8'))!;
    return { data: parse(m[1]!) as Record<string, any>, body: m[2]!.trim() };
  });
}
