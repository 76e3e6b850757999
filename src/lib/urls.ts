/**
 * Site paths and addresses. Paths respect the base path (BASE_PATH); absolute addresses exist only
 * when the published address is set (SITE_URL): a build without it never writes a placeholder host.
 */
const base = import.meta.env.BASE_URL.replace(/\/+$/, '');

/** `withBase('/2019/tasks/')` → `/jyj/2019plan/2019/tasks/` under a base path. */
export function withBase(path: string): string {
  return `${base}/${path.replace(/^\/+/, '')}`;
}

/** The site path of a page URL without the base path: `/jyj/2019plan/2019/` → `/2019/`. */
export function withoutBase(pathname: string): string {
  return pathname.startsWith(`${base}/`) ? pathname.slice(base.length) : pathname;
}

export const planPath = (year: number) => `/${year}/`;
export const taskPath = (year: number, n: number) =>
  n === 0 ? `/${year}/guiding-principles/` : `/${year}/tasks/${n}/`;
export const tasksPath = (year: number) => `/${year}/tasks/`;
/** Anchor of a task paragraph on the full-text page. */
export const taskAnchor = (n: number) => `task-${n}`;
/** Anchor of one sentence (0-based index from `sentences()`) of a task paragraph on the full-text page. */
export const sentenceAnchor = (n: number, index: number) => `task-${n}-s${index + 1}`;
export const targetAnchor = (id: string) => `target-${id}`;
export const targetsPath = (year: number) => `/${year}/targets/`;
export const printPath = (year: number) => `/${year}/print/`;
export const documentPath = (id: string) => `/documents/${id}/`;
export const termAnchor = (id: string) => `term-${id}`;
export const termsPath = (year: number) => `/${year}/terms/`;
export const guidePath = (year: number, slug: string) => `/${year}/guides/${slug}/`;

/** The published address (SITE_URL) or undefined when the build has none (a local preview). */
export const siteUrl: string | undefined = import.meta.env.SITE || undefined;

/**
 * The absolute address of a site path (SITE_URL + base path), or undefined without SITE_URL:
 * callers leave the address out (canonical, og:url, QR code) rather than invent a host.
 */
export function absoluteUrl(path: string): string | undefined {
  return siteUrl ? new URL(withBase(path), siteUrl).href : undefined;
}

/**
 * An address for data files and feeds: absolute with SITE_URL, else the site path with the base
 * (`/2019/tasks/1/`), which a reader resolves against wherever the files are served.
 */
export function publicUrl(path: string): string {
  return absoluteUrl(path) ?? withBase(path);
}
