/**
 * Reading a lesson page as a reader would, shared by the lessons' browser tests.
 *
 *   await readThrough(page);                        // every live figure has re-run
 *   expect(await summaryAccuracies(page)).toEqual(['0.5', '0.742', '0.924']);
 */
import type { Page } from 'playwright-core';

/**
 * Scrolls from the top to the bottom like a reader, `step` CSS px every 120 ms, so every figure and
 * explorer nears the viewport. The page's height is read at every stop: it grows as blocks that
 * content-visibility skipped render at their real size.
 */
export async function scrollThrough(page: Page, step = 700): Promise<void> {
  for (let y = 0; y <= (await page.evaluate(() => document.documentElement.scrollHeight)); y += step) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(120);
  }
}

/**
 * Scrolls like a reader, then waits for every live figure.
 * @throws if some figure is not done after 3 min; the error names each such figure and its status line.
 */
export async function readThrough(page: Page): Promise<void> {
  await scrollThrough(page);
  const done = () => [...document.querySelectorAll('lesson-figure')].every((f) => (f as HTMLElement).dataset.live === 'done');
  const finished = await page.waitForFunction(done, null, { timeout: 180_000, polling: 200 }).then(() => true, () => false);
  if (finished) return;
  const stuck = await page.locator('lesson-figure:not([data-live="done"])').evaluateAll((els) => els.map((e) =>
    `${(e as HTMLElement).dataset.kind} (live=${(e as HTMLElement).dataset.live}): ${e.querySelector('.status-text')?.textContent?.trim()}`));
  throw new Error(`readThrough: ${stuck.length} lesson figure(s) not done after 3 min:\n${stuck.join('\n')}`);
}

/** The accuracy column of the live summary table, one cell per experiment. */
export function summaryAccuracies(page: Page): Promise<(string | undefined)[]> {
  return page.$$eval(
    'lesson-figure[data-kind="summary-table"][data-live="done"] .figure-body tbody tr',
    (rows) => rows.map((r) => r.querySelectorAll('td')[0]?.textContent?.trim()),
  );
}
