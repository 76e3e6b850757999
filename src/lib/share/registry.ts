/**
 * Where the pages' code leaves the build's share images for the integration that writes them
 * (src/integrations/share-images.ts): the pages are bundled apart from the integrations, so they
 * meet on a global of the build's process, under a registered symbol.
 */
export const SHARE_REGISTRY = Symbol.for('plan-site.share-images');

export interface ShareRegistry {
  /** Every image of the build, once all are made (rejects when one failed). */
  done: Promise<{ drawn: number; cached: number; files: { path: string; png: Buffer }[] }>;
}
