/**
 * Long-task recording in Chromium (main-thread tasks ≥ 50 ms, via PerformanceObserver 'longtask'), shared
 * by `npm run bench` (bench-browser.ts) and the browser tests (test/e2e/support/longtasks.ts).
 *
 *   await installLongTaskObserver(page);        // before page.goto
 *   const mark = (await longTasks(page)).length;
 *   const worst = await maxLongTask(page, mark);   // ms since the mark, 0 if none
 *
 * The observer is added with addInitScript, so it runs before any page script and (with
 * `buffered: true`) also sees tasks queued before it was attached. Durations are wall-clock.
 */
import type { BrowserContext, Page } from 'playwright-core';

declare global {
  interface Window {
    __longTaskDurations?: number[];
  }
}

/** Install the observer on a page or context. Must run before navigation. */
export async function installLongTaskObserver(target: Page | BrowserContext): Promise<void> {
  await target.addInitScript(() => {
    window.__longTaskDurations = [];
    try {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__longTaskDurations?.push(entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      // 'longtask' unsupported: leave the list empty.
    }
  });
}

/** Durations (ms) of the long tasks seen so far on the page's current document. */
export async function longTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => [...(window.__longTaskDurations ?? [])]);
}

/** The longest task in ms after the first `since` recorded ones (default: all so far), 0 when there was none. */
export async function maxLongTask(page: Page, since = 0): Promise<number> {
  return Math.max(0, ...(await longTasks(page)).slice(since));
}
