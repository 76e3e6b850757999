/** Site-relative URLs that respect the configured base path (BASE_PATH). */
const base = import.meta.env.BASE_URL.replace(/\/+$/, '');

/** `withBase('/2019/tasks/')` → `/jyj/2019plan/2019/tasks/` under a base path. */
export function withBase(path: string): string {
  return `${base}/${path.replace(/^\/+/, '')}`;
}

export const planPath = (year: number) => `/${year}/`;
export const taskPath = (year: number, n: number) =>
  n === 0 ? `/${year}/guiding-principles/` : `/${year}/tasks/${n}/`;
/** Anchor of a task paragraph on the full-text page. */
export const taskAnchor = (n: number) => `task-${n}`;
export const targetAnchor = (id: string) => `target-${id}`;
export const documentPath = (id: string) => `/documents/${id}/`;
export const termAnchor = (id: string) => `term-${id}`;
export const termsPath = (year: number) => `/${year}/terms/`;

/** The absolute address of a site path (SITE_URL + base path): for open data, feeds and JSON-LD. */
export function absoluteUrl(path: string): string {
  return new URL(withBase(path), import.meta.env.SITE).href;
}
