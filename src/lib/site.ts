/**
 * The site's identity, read from the plans instead of written into pages: the issuer, the latest
 * plan, each plan's short name, and the source line the footer cites. Computed once in plan-data.
 * Pure (no astro:content), so tests can use it.
 */

export interface IdentityPlanLike {
  year: number;
  title: string;
  shortTitle?: string | undefined;
  issuer: string;
  /** null when the plan's text does not say (an import pasted from Word): shown as 未知. */
  published: string | null;
  site: string | null;
  breadcrumb: string[];
  sourceUrl: string | null;
}

/** A plan's short name: its `shortTitle`, else the title's year through 工作思路/工作要点/工作计划, else "<year>年". */
export function planShortName(plan: Pick<IdentityPlanLike, 'year' | 'title' | 'shortTitle'>): string {
  return plan.shortTitle ?? plan.title.match(/\d{4}年[^（(，,]*?(工作思路|工作要点|工作计划)/)?.[0] ?? `${plan.year}年`;
}

/** What kind of plan it is, for running text: the short name without its year (工作思路, 工作要点), else 工作计划. */
export function planKind(plan: Pick<IdentityPlanLike, 'year' | 'title' | 'shortTitle'>): string {
  return planShortName(plan).replace(/^\d{4}年/, '') || '工作计划';
}

/** The one UI date style: 2019-03-28 → 2019年3月28日 (2019-03 → 2019年3月, 2019 → 2019年). */
export function longDate(iso: string | null): string {
  if (iso === null) return '日期未知';
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m ? `${m}月` : ''}${d ? `${d}日` : ''}`;
}

/** Where a plan was published: 景宁教育网 › 政务公开 › 最新文件. */
export function publishedAt(plan: Pick<IdentityPlanLike, 'site' | 'breadcrumb'>): string {
  return [plan.site ?? '未知', ...plan.breadcrumb].join(' › ');
}

/** The footer's source line for one plan: 景宁…教育局《…》，2019年3月28日发布于景宁教育网 › 政务公开 › 最新文件. */
export function sourceLine(plan: IdentityPlanLike): string {
  return `${plan.issuer}《${plan.title}》，${plan.published ? longDate(plan.published) : '日期未知，'}发布于${publishedAt(plan)}`;
}

export interface SiteIdentity<P extends IdentityPlanLike> {
  /** Every plan, newest first. */
  plans: P[];
  /** The newest plan: what the home page, site-wide navigation and site-wide pages lead to. */
  latest: P;
  /** The issuer shown in the masthead: the latest plan's. */
  issuer: string;
  /** The site's name (og:site_name, feed, site-wide titles): the issuer and the latest plan's short name; with several plans, their years and kinds (and the issuer if they share one). */
  name: string;
  /** What kinds of plan the site carries, for site-wide running text: 工作思路, or 工作思路、工作要点. */
  kinds: string;
  /** The plan of a year, or the latest when there is none for it. */
  planOf(year: number | undefined): P;
}

export function siteIdentity<P extends IdentityPlanLike>(plans: readonly P[]): SiteIdentity<P> {
  const sorted = [...plans].sort((a, b) => b.year - a.year);
  const latest = sorted[0];
  if (!latest) throw new Error('content/plans: no plan found; the site needs at least one plan');
  const oldestFirst = [...sorted].reverse();
  const years = oldestFirst.map((p) => p.year);
  const kinds = [...new Set(oldestFirst.map((p) => planShortName(p).replace(/^\d{4}年/, '')))].filter(Boolean);
  // The issuer is named only when every plan has the same one: the name must be true of all plans.
  const issuers = new Set(sorted.map((p) => p.issuer));
  const name = sorted.length === 1
    ? `${latest.issuer}${planShortName(latest)}`
    : `${issuers.size === 1 ? latest.issuer : ''}${years[0]}—${years.at(-1)}年${kinds.join('、')}`;
  return {
    plans: sorted,
    latest,
    issuer: latest.issuer,
    name,
    kinds: kinds.join('、') || '工作计划',
    planOf: (year) => sorted.find((p) => p.year === year) ?? latest,
  };
}
