/**
 * Reading a lesson page as a reader would, shared by the lessons' browser tests.
 *
 *   await readThrough(page);                        // every live figure has re-run
 *   expect(await summaryAccuracies(page)).toEqual(['0.5', '0.742', '0.924']);
 */
import type { Page } from 'playwright-core';

/**
 * Scrolls from the top to the bottom `step` CSS px at a time, in one script in the page: at each
 * stop it waits two frames, so content-visibility has rendered the blocks there and the islands'
 * IntersectionObservers have reported them. The page's height is read at every stop: it grows as
 * blocks that content-visibility skipped render at their real size.
 */
export async function scrollThrough(page: Page, step = 700): Promise<void> {
  await page.evaluate(async (px) => {
    // A timer bounds each wait: a frame that never comes must not hang the test (headless Chromium has stalled its frames).
    const frame = () => new Promise((done) => { requestAnimationFrame(done); setTimeout(done, 250); });
    for (let y = 0; y <= document.documentElement.scrollHeight; y += px) {
      window.scrollTo(0, y);
      await frame();
      await frame();
    }
  }, step);
}

/** Scrolls like a reader so every figure nears the viewport, then waits for every live figure. */
export async function readThrough(page: Page): Promise<void> {
  await scrollThrough(page);
  await page.waitForFunction(
    () => [...document.querySelectorAll('lesson-figure')].every((f) => (f as HTMLElement).dataset.live === 'done'),
    null, { timeout: 180_000, polling: 200 },
  );
}

/** The accuracy column of the live summary table, one cell per experiment. */
export function summaryAccuracies(page: Page): Promise<(string | undefined)[]> {
  return page.$$eval(
    'lesson-figure[data-kind="summary-table"][data-live="done"] .figure-body tbody tr',
    (rows) => rows.map((r) => r.querySelectorAll('td')[0]?.textContent?.trim()),
  );
}
