/**
 * Care mode (关怀模式) addresses: every page also exists under <base>care/…, a second rendering for
 * older readers written by the build (src/integrations/care.ts). Plain functions with no imports:
 * the layout, the build step and the search page's script all use them.
 */

/** The folder under the base path that holds the care-mode copy of the site. */
export const CARE_DIR = 'care';

/** Is `pathname` (with the base path) a care-mode page? */
export function isCarePath(pathname: string, base: string): boolean {
  return pathname.startsWith(`${trailing(base)}${CARE_DIR}/`);
}

/** The care-mode address of a site path: `/jyj/2019/tasks/3/#x` → `/jyj/care/2019/tasks/3/#x` (base `/jyj/`). */
export function toCarePath(path: string, base: string): string {
  const b = trailing(base);
  if (!path.startsWith(b) || isCarePath(path, b)) return path;
  return `${b}${CARE_DIR}/${path.slice(b.length)}`;
}

/** The standard address of a care-mode path: the inverse of toCarePath. */
export function toStandardPath(path: string, base: string): string {
  const b = trailing(base);
  return isCarePath(path, b) ? `${b}${path.slice(b.length + CARE_DIR.length + 1)}` : path;
}

const trailing = (base: string) => base.replace(/\/*$/, '/');
