/**
 * The layout on every screen: every page at 320, 390, 768 and 1280 px wide, with the figures drawn
 * live as a reader who scrolled through sees them: no sideways page scroll, nothing clipped by an
 * ancestor, no chart text under 10 CSS px and, from 390 px, no summary table that scrolls sideways.
 * Findings go to test-artifacts/layout-problems.json; full-page screenshots at 390 and 1280 px,
 * light and dark, to test-artifacts/layout/.
 */
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { artifactPath } from './support/artifacts.ts';
import { openPage } from './support/browser.ts';
import { retryOnFrameStall, screenshotWithFrames } from './support/frames.ts';
import { LESSON_PATH } from './support/island.ts';
import { chartsFitted, layoutProblems, type LayoutProblem } from './support/layout.ts';
import { readThrough } from './support/reader.ts';
import { serveDist } from './support/site.ts';

const PAGES = [
  { name: 'index', path: '' },
  { name: 'lesson-1', path: LESSON_PATH },
  { name: 'lesson-he', path: 'lessons/he-initialization/' },
  { name: 'lesson-remedies', path: 'lessons/beyond-initialization/' },
  { name: 'guide', path: 'guide/' },
  { name: '404', path: '404.html' },
];
const WIDTHS = [320, 390, 768, 1280];
const SHOT_WIDTHS = new Set([390, 1280]);

describe('layout at 320–1280 px', () => {
  const site = serveDist();
  const all: (LayoutProblem & { page: string; width: number })[] = [];

  for (const p of PAGES) {
    for (const width of WIDTHS) {
      it(`${p.name} at ${width} px: no sideways scroll, nothing clipped, chart text ≥ 10 px`, async () => {
        // A page that drew no frame (see support/frames.ts) is started over in a fresh browser, as soon as it has drawn none for 35 s.
        await retryOnFrameStall(async () => {
          const opened = await openPage(`${site.url}${p.path}`, { viewport: { width, height: 844 }, colorScheme: 'light' });
          try {
            await readThrough(opened.page);
            await chartsFitted(opened.page);
            const found = (await layoutProblems(opened.page)).map((x) => ({ ...x, page: p.name, width }));
            if (SHOT_WIDTHS.has(width)) {
              // A full-page capture paints what is off screen too, which content-visibility: auto skips
              // (a reader scrolling there sees it drawn): render every such box for the capture.
              await opened.page.evaluate(() => {
                for (const e of document.querySelectorAll<HTMLElement>('*')) if (getComputedStyle(e).contentVisibility === 'auto') e.style.contentVisibility = 'visible';
              });
              // Light, then dark as the theme toggle sets it (the same drawn page, no second load).
              for (const theme of ['light', 'dark']) {
                await opened.page.evaluate((t) => (document.documentElement.dataset.theme = t, window.scrollTo(0, 0)), theme);
                await screenshotWithFrames(opened.page, { path: artifactPath(`layout/${p.name}-${width}-${theme}.png`), fullPage: true });
              }
            }
            all.push(...found);
            writeFileSync(artifactPath('layout-problems.json'), JSON.stringify(all, null, 1));
            expect(found.map((x) => `${x.kind} ${x.where}: ${x.detail}`)).toEqual([]);
            // A lesson's summary table wraps its cells to fit a phone's column: from 390 px up neither it nor its box scrolls sideways.
            if (width >= 390) {
              const scrolled = await opened.page.$$eval('lesson-figure[data-kind="summary-table"] :is(.figure-body, .figure-body > table)', (boxes) =>
                boxes.filter((b) => b.scrollWidth > b.clientWidth + 1).map((b) => `summary table scrolls sideways: ${b.scrollWidth} px in ${b.clientWidth} px`));
              expect(scrolled).toEqual([]);
            }
            expect(opened.consoleErrors).toEqual([]);
          } finally {
            await opened.close();
          }
        }, { silentMs: 35_000 }); // a healthy case draws all along and takes under 25 s: 35 s without a frame is a wedged renderer
      });
    }
  }
});
