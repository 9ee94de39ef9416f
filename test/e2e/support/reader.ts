/**
 * Reading a lesson page as a reader would, shared by the lessons' browser tests.
 *
 *   await readThrough(page);                        // every live figure has re-run
 *   expect(await summaryAccuracies(page)).toEqual(['0.5', '0.742', '0.924']);
 */
import type { Page } from 'playwright-core';

/** The page's height now: it grows as blocks that content-visibility skipped render at their real size. */
export const pageHeight = (page: Page): Promise<number> => page.evaluate(() => document.documentElement.scrollHeight);

/** Scrolls like a reader so every figure nears the viewport, then waits for every live figure. */
export async function readThrough(page: Page): Promise<void> {
  for (let y = 0; y <= (await pageHeight(page)); y += 700) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(120);
  }
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
