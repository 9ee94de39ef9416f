/** Absolute paths shared by the e2e helpers. */
import { fileURLToPath } from 'node:url';
import { joinBase } from '../../../src/lib/urls.ts';

/** Repository root (this file lives in test/e2e/support/). */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Astro's output directory, built by `npm test` before the e2e project runs (DIST_DIR overrides it). */
export const distDir = process.env.DIST_DIR ?? fileURLToPath(new URL('../../../dist/', import.meta.url));

export { chromiumPath } from '../../../src/cli/chromium.ts';

/** The base path the site was built for, read from BASE_PATH exactly as astro.config.mjs reads it. */
export const siteBase = joinBase((process.env.BASE_PATH ?? '').trim(), '');
