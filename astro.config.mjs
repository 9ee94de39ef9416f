// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { lessonProcessor } from './src/markdown/processor.ts';
import authoringCheck from './src/integrations/authoring-check.ts';
import checkLinks from './src/integrations/check-links.ts';
import mdxErrors from './src/integrations/mdx-errors.ts';
import sharedPaths from './src/integrations/shared-paths.ts';
import uniqueIds from './src/integrations/unique-ids.ts';
import prerenderFiles from './src/prerender/integration.ts';
import pagefindSearch from './src/search/integration.ts';
import { joinBase } from './src/lib/urls.ts';

// Deploy settings come from the environment so a fork deploys to GitHub Pages without edits:
// the workflow passes SITE_URL / BASE_PATH from actions/configure-pages (origin, base_path).
const base = joinBase((process.env.BASE_PATH ?? '').trim(), '');
const site = process.env.SITE_URL?.trim() || undefined;
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  site,
  base,
  // Pages are built as <route>/index.html, so every page URL ends in a slash on any static host.
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Tests build into temporary directories.
  ...(process.env.OUT_DIR ? { outDir: process.env.OUT_DIR } : {}),
  markdown: {
    // High-contrast themes keep code comments above WCAG AA; global.css switches to the dark one.
    shikiConfig: { themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' } },
    processor: lessonProcessor({ base, root }),
  },
  // prerenderFiles puts the CSV tables, and pagefindSearch the search bundle, beside the pages
  // before checkLinks looks for them; sharedPaths rewrites the pages before anything reads them.
  integrations: [authoringCheck(), mdx(), mdxErrors(), sharedPaths(), prerenderFiles(), pagefindSearch(), checkLinks(), uniqueIds()],
  // Content-Security-Policy as a <meta> in every page: Astro hashes its own scripts and styles.
  // Scripts: only the site's files and hashed inline scripts, never 'unsafe-inline'. Style
  // attributes are allowed: KaTeX positions every glyph with style="…" and Shiki colours code so.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "worker-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'"] },
      styleDirective: { resources: ["'self'", { resource: "'unsafe-inline'", kind: 'attribute' }] },
    },
  },
  vite: {
    build: {
      // Fonts stay files (never data: URLs), so the CSP's font-src can stay 'self'.
      assetsInlineLimit: (file) => (/\.(woff2?|ttf|otf)$/.test(file) ? false : undefined),
      rollupOptions: {
        // Astro's own "use astro:head-inject" marker in compiled MDX is not a module directive for the bundler.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && String(warning.message).includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
