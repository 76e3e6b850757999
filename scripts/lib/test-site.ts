/**
 * The published address the test suite builds the main site for. `npm test` builds dist/ with
 * SITE_URL set to this unless SITE_URL is already set, so the browser tests can check canonical
 * links, og:url, citations, QR codes and the sitemap; a build test (tests/build/site-url.spec.ts)
 * builds the other variant, without SITE_URL, in a copy. example.org is reserved for examples (RFC 2606).
 */
export const TEST_SITE_URL = 'https://plan.example.org';

/** The SITE_URL the built dist/ was made for: the environment's, else the test default. */
export const testSiteUrl = (): string => process.env.SITE_URL || TEST_SITE_URL;
