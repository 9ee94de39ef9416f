/**
 * Long-task recording (main-thread tasks ≥ 50 ms, via PerformanceObserver 'longtask').
 *
 *   await openPage(url, { beforeGoto: installLongTaskObserver });
 *   const worst = await maxLongTask(page);   // ms, 0 if none
 *
 * The observer is added with addInitScript, so it runs before any page script
 * and (with `buffered: true`) also sees tasks queued before it was attached.
 * Durations are for diagnostics and generous ceilings only, never tight budgets.
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

/** The longest task so far in ms, 0 when there was none. */
export async function maxLongTask(page: Page): Promise<number> {
  return Math.max(0, ...(await longTasks(page)));
}
