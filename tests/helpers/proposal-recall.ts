/**
 * Proposal recall: how many reviewed targets of a plan the importer proposes again when the plan's
 * seed is re-imported. A reviewed target counts as proposed again when a proposal of the same task
 * covers at least half of its quote (or its quote covers half of the proposal's) in the task's text;
 * the kind matches when that proposal has the reviewed target's kind.
 */
interface Proposal {
  kind: string;
  quote: string;
}

export interface ReviewedTask {
  number: number;
  body: string;
  targets: { id: string; kind: string; quote: string; reviewed?: boolean }[];
}

export interface Recall {
  reviewed: number;
  proposedAgain: number;
  sameKind: number;
  proposals: number;
  missed: { task: number; id: string; kind: string; quote: string }[];
  otherKind: { task: number; id: string; kind: string; proposed: string; quote: string }[];
}

function span(body: string, quote: string): [number, number] | null {
  const at = body.indexOf(quote);
  return at < 0 ? null : [at, at + quote.length];
}

function overlap(a: [number, number], b: [number, number]): number {
  return Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
}

/** `proposed`: the targets the importer wrote for each task number. */
export function proposalRecall(tasks: readonly ReviewedTask[], proposed: ReadonlyMap<number, readonly Proposal[]>): Recall {
  const r: Recall = { reviewed: 0, proposedAgain: 0, sameKind: 0, proposals: 0, missed: [], otherKind: [] };
  for (const task of tasks) {
    const proposals = proposed.get(task.number) ?? [];
    r.proposals += proposals.length;
    for (const t of task.targets) {
      if (t.reviewed === false) continue;
      r.reviewed++;
      const ts = span(task.body, t.quote);
      const hits = proposals
        .map((p) => ({ p, s: span(task.body, p.quote) }))
        .filter((h): h is { p: Proposal; s: [number, number] } => !!h.s && !!ts)
        .map((h) => ({ ...h, o: overlap(h.s, ts!) }))
        .filter((h) => h.o * 2 >= Math.min(h.s[1] - h.s[0], ts![1] - ts![0]));
      if (hits.length === 0) {
        r.missed.push({ task: task.number, id: t.id, kind: t.kind, quote: t.quote });
        continue;
      }
      r.proposedAgain++;
      const same = hits.find((h) => h.p.kind === t.kind);
      if (same) r.sameKind++;
      else r.otherKind.push({ task: task.number, id: t.id, kind: t.kind, proposed: hits[0]!.p.kind, quote: t.quote });
    }
  }
  return r;
}
