/**
 * Evidence on a target, read the same way everywhere: the validator, the pages, the open data and
 * `npm run progress`. Plain TypeScript, `.ts`-suffixed imports only, so plain Node and Astro can both load it.
 */
import { longDate } from './site.ts';

/**
 * The newest evidence: the entry with the latest date; among entries of the same date, the one
 * listed last. A target's status must be this entry's status. Undefined when there is none.
 */
export function newestEvidence<E extends { date: string }>(evidence: readonly E[]): E | undefined {
  let newest: E | undefined;
  for (const e of evidence) if (!newest || e.date >= newest.date) newest = e;
  return newest;
}

/** Evidence newest first (same date: the later-listed first), for a target's history. */
export function evidenceNewestFirst<E extends { date: string }>(evidence: readonly E[]): E[] {
  return evidence
    .map((e, i) => ({ e, i }))
    .sort((a, b) => b.e.date.localeCompare(a.e.date) || b.i - a.i)
    .map((x) => x.e);
}

/** 2020-01-15 → 2020年1月15日: the site's one date style (src/lib/site.ts). */
export const chineseDate = longDate;

/** How many targets stand at each status of the scale (every status listed, zeros included). */
export function statusCounts<S extends string>(scale: readonly S[], targets: readonly { status: string }[]): { status: S; count: number }[] {
  return scale.map((status) => ({ status, count: targets.filter((t) => t.status === status).length }));
}

/** The host of a source address, to say where a link goes: www.jingning.gov.cn. */
export function sourceHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}
