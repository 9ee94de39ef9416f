/**
 * Layout shifts a page records from its first paint (an init script), and a reader's scroll: what the
 * phone tests of the islands use to show that nothing in an island moves once it is on screen.
 */
import type { Locator, Page } from 'playwright-core';

/** One layout-shift entry: its score, whether a moved box is inside the island, and the boxes' moves. */
export interface Shift {
  readonly value: number;
  readonly island: boolean;
  readonly what: string;
}

/** An init script (for `addInitScript`) that pushes every layout shift to `window.shifts`, `island` when a moved box is inside `selector`. */
export function recordShifts(selector: string): string {
  return `window.shifts = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.shifts.push({ value: e.value, island: e.sources.some((s) => (s.node?.nodeType === 1 ? s.node : s.node?.parentElement)?.closest(${JSON.stringify(selector)})), what: e.sources.map((s) => (s.node?.nodeName ?? '?') + '.' + (s.node?.className?.baseVal ?? s.node?.className ?? '') + ' ' + Math.round(s.previousRect.top) + '+' + Math.round(s.previousRect.height) + '→' + Math.round(s.currentRect.top) + '+' + Math.round(s.currentRect.height)).join(', ') }); }).observe({ type: 'layout-shift', buffered: true });`;
}

/** The shifts recorded from entry `from` on (0: all of them). */
export function shiftsFrom(page: Page, from = 0): Promise<Shift[]> {
  return page.evaluate((n) => (window as unknown as { shifts: Shift[] }).shifts.slice(n), from);
}

/** The summed score of the shifts that moved a box inside the island, and those shifts (for a failure's message). */
export function islandShift(shifts: readonly Shift[]): { score: number; entries: string } {
  const inside = shifts.filter((x) => x.island);
  return { score: inside.reduce((sum, x) => sum + x.value, 0), entries: JSON.stringify(inside) };
}

/** Scrolls as a reader does, 300 px at a time with `pauseMs` between, until `done()` (a jump lays out what it skips only on landing). */
export async function scrollUntil(page: Page, done: () => Promise<boolean>, pauseMs = 150): Promise<void> {
  while (!(await done())) {
    await page.evaluate(() => window.scrollBy(0, 300));
    await page.waitForTimeout(pauseMs);
  }
}

/** What `watchIsland` saw: the island's height once on screen and at the end, and the layout shift inside it meanwhile. */
export interface Watched {
  readonly seen: number;
  readonly end: number;
  readonly shift: { score: number; entries: string };
  /** Layout-shift entries of the whole page meanwhile. */
  readonly count: number;
}

/**
 * Scrolls as a reader does until `island` is on screen and reads its height there (off screen,
 * content-visibility may report a remembered one), scrolls on through it, then waits for
 * `finished()` (its run played to the end) and reads it again.
 */
export async function watchIsland(page: Page, island: Locator, finished: () => Promise<unknown>): Promise<Watched> {
  const from = (await shiftsFrom(page)).length;
  const height = () => island.evaluate((el) => Math.round(el.getBoundingClientRect().height));
  await scrollUntil(page, () => island.evaluate((el) => el.getBoundingClientRect().top < window.innerHeight - 100));
  const seen = await height();
  await scrollUntil(page, () => island.evaluate((el) => el.getBoundingClientRect().bottom <= window.innerHeight));
  await finished();
  const shifts = await shiftsFrom(page, from);
  return { seen, end: await height(), shift: islandShift(shifts), count: shifts.length };
}
