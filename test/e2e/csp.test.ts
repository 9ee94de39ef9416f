/**
 * The site under a base path, built once for /vg-csp/ and used twice:
 * - Content-Security-Policy (security.csp in astro.config.mjs): every page is loaded and read
 *   through in Chromium, and the browser must report no CSP violation (securitypolicyviolation
 *   events, in the page and its workers' console) while every figure goes live and every explorer
 *   wires up;
 * - site search (Pagefind, src/search/): a reader types a term from each lesson and the guide,
 *   using only the keyboard, and lands on that page under the base path (see search.ts).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, copyProject, removeDir } from '../build/support/build.ts';
import { closeBrowser, openPage } from './support/browser.ts';
import { retryOnFrameStall } from './support/frames.ts';
import { readThrough } from './support/reader.ts';
import { searchAndLand } from './support/search.ts';
import { distinctiveTerms } from './support/search-terms.ts';
import { serveStatic, type StaticServer } from './support/server.ts';

const BASE = '/vg-csp/';
let project: string | undefined;
let server: StaticServer;
let pages: string[] = [];
let dist = '';

/** The lesson pages' folders under dist/lessons (beside the /lessons/ list's own index.html). */
const lessonDirs = (root: string): string[] => readdirSync(join(root, 'lessons'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);

beforeAll(async () => {
  project = copyProject('vg-csp-');
  const result = await astroBuild(project, { BASE_PATH: BASE });
  if (result.code !== 0) throw new Error(`build under ${BASE} failed:\n${result.output.slice(-3000)}`);
  dist = join(project, 'dist');
  const lessons = lessonDirs(dist);
  pages = ['', 'guide/', 'lessons/', ...lessons.map((l) => `lessons/${l}/`), 'no-such-page/'];
  server = await serveStatic(dist, { base: BASE });
}, 15 * 60_000);

afterAll(async () => {
  await closeBrowser();
  await server?.close();
  removeDir(project);
});

describe('Content-Security-Policy under a base path', () => {
  it('every page sends a strict policy and runs without a single violation', async () => {
    expect(pages.length).toBeGreaterThanOrEqual(5);
    for (const path of pages) {
      // A page that drew no frame (see support/frames.ts) is started over in a fresh browser, at once after 35 s without one.
      await retryOnFrameStall(async () => {
        const { page, consoleErrors, close } = await openPage(`${server.url}${path}`, {
          beforeGoto: async (p) => {
            await p.addInitScript(() => {
              const seen: string[] = [];
              (window as unknown as { __csp: string[] }).__csp = seen;
              document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`));
            });
          },
        });
        try {
          const policy = await page.getAttribute('meta[http-equiv="content-security-policy"]', 'content');
          expect(policy, path).toMatch(/script-src 'self'( 'sha256-[\w+/=]+')+;/);
          expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
          expect(policy).toMatch(/worker-src 'self'/);
          expect(policy).toMatch(/font-src 'self'/);
          await readThrough(page);
          const explorers = await page.$$eval('.explorer', (xs) => xs.map((x) => `${x.tagName}:${(x as HTMLElement).dataset.ready}`));
          for (const e of explorers) expect(e, path).toMatch(/:true$/);
          const figures = await page.$$eval('lesson-figure', (xs) => xs.length);
          if (path.startsWith('lessons/') && path !== 'lessons/') expect(figures + explorers.length, path).toBeGreaterThan(0);
          // KaTeX fonts load under the policy wherever the page has math.
          if (await page.locator('.katex').count()) await page.waitForFunction(() => document.fonts.check('16px KaTeX_Main'), null, { timeout: 30_000 });
          await page.waitForTimeout(300);
          const violations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
          expect(violations, path).toEqual([]);
          expect(consoleErrors.filter((m) => /Content Security Policy|Refused to/i.test(m)), path).toEqual([]);
          // The not-found page is served with status 404, which Chromium logs as a failed load.
          const expected = (m: string) => path === 'no-such-page/' && m.includes('status of 404') && m.includes(`${BASE}no-such-page/`);
          expect(consoleErrors.filter((m) => !expected(m)), path).toEqual([]);
          console.log(`${BASE}${path}: ${figures} live figures, ${explorers.length} explorers, 0 CSP violations`);
        } finally {
          await close();
        }
      }, { silentMs: 35_000 }); // as in layout.test.ts: a healthy page draws all along and is read in under 25 s
    }
  });
});

describe('Site search under a base path', () => {
  it('types a term from each lesson and the guide, and lands on that page', async () => {
    const terms = distinctiveTerms(dist);
    const lessons = lessonDirs(dist).map((l) => `lessons/${l}/`);
    expect(terms.map((t) => t.page).sort()).toEqual(['guide/', ...lessons].sort());
    for (const [i, { page, term }] of terms.entries()) {
      // The first search opens the dialog with Tab and Enter; the others with the "/" shortcut.
      const landed = await searchAndLand(server.url, term, `${BASE}${page}`, { open: i === 0 ? 'tab' : 'shortcut' });
      expect(landed.problems, `${term} → ${page}`).toEqual([]);
      console.log(`search "${term}": ${landed.results} result(s), landed on ${landed.url}`);
    }
  });
});
