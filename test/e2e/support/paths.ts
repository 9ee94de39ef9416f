/** Absolute paths shared by the e2e helpers. */
import { fileURLToPath } from 'node:url';

/** Repository root (this file lives in test/e2e/support/). */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Astro's output directory, built by `npm test` before the e2e project runs (DIST_DIR overrides it). */
export const distDir = process.env.DIST_DIR ?? fileURLToPath(new URL('../../../dist/', import.meta.url));

/** Chromium binary: Debian's package, overridable with CHROMIUM_PATH. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The base path the site was built for: astro.config.mjs reads BASE_PATH the same way. */
export const siteBase = ((): string => {
  const trimmed = (process.env.BASE_PATH ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
})();
