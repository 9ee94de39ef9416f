/**
 * Opening the lesson page at an explorer island, and what the islands' browser tests do alike.
 *
 *   const opened = await openIsland(site.url, 'deep-linear-explorer', '?deep-linear.a=0.5');
 */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { artifactPath } from './artifacts.ts';
import { formatViolations, runAxe } from './axe.ts';
import { openPage, type OpenedPage, type OpenPageOptions } from './browser.ts';

/** The lesson that hosts the explorer islands. */
export const LESSON_PATH = 'lessons/vanishing-exploding-gradients/';

/**
 * Opens the lesson with query `search`, optionally scrolls `island` (a tag name) into view, and
 * waits until the island's element has wired its controls (data-ready="true").
 */
export async function openIsland(siteUrl: string, island: string, search = '', options: OpenPageOptions & { scroll?: boolean } = {}): Promise<OpenedPage> {
  const { scroll = true, ...pageOptions } = options;
  const opened = await openPage(`${siteUrl}${LESSON_PATH}${search}`, { viewport: { width: 1280, height: 900 }, ...pageOptions });
  if (scroll) await opened.page.locator(island).scrollIntoViewIfNeeded();
  await opened.page.waitForSelector(`${island}[data-ready="true"]`);
  return opened;
}

/**
 * Opens the island in the light and then the dark colour scheme and runs `check` on each; then
 * screenshots the island to test-artifacts/<shot>-<scheme>.png, runs axe on the island in light
 * (the whole page's findings, from other figures, are only logged) and expects no console errors
 * and no external requests.
 */
export async function inBothSchemes(island: string, shot: string, open: (options: OpenPageOptions) => Promise<OpenedPage>, check: (page: Page) => Promise<void>): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    const { page, consoleErrors, externalRequests, close } = await open({ colorScheme });
    try {
      await check(page);
      await page.locator(island).screenshot({ path: artifactPath(`${shot}-${colorScheme}.png`) });
      if (colorScheme === 'light') {
        const whole = await runAxe(page);
        if (whole.length) console.log(`axe, whole page (other figures):\n${formatViolations(whole)}`);
        const mine = await runAxe(page, island);
        expect(mine, formatViolations(mine)).toEqual([]);
      }
      expect(consoleErrors).toEqual([]);
      expect(externalRequests).toEqual([]);
    } finally {
      await close();
    }
  }
}

/**
 * Sets a control's value as a reader would (Playwright cannot `fill` ranges) and fires `events`,
 * bubbling: by default 'change' on a <select>, 'input' on anything else.
 */
export async function setValue(control: Locator, value: string | number, events?: readonly string[]): Promise<void> {
  await control.evaluate((el: HTMLInputElement | HTMLSelectElement, { value, events }) => {
    el.value = value;
    for (const type of events ?? [el instanceof HTMLSelectElement ? 'change' : 'input']) el.dispatchEvent(new Event(type, { bubbles: true }));
  }, { value: String(value), events });
}

/** Focuses `target` (made focusable with tabindex=-1), so that the next Tab moves to what follows it. */
export async function focusBefore(target: Locator): Promise<void> {
  await target.evaluate((el: HTMLElement) => {
    el.setAttribute('tabindex', '-1');
    el.focus();
  });
}

/** The data-* attributes of the focused element (`param`, `action`, …). */
export const focused = (page: Page): Promise<Record<string, string | undefined>> =>
  page.evaluate(() => ({ ...(document.activeElement as HTMLElement).dataset }));

/**
 * What `read` returns once it holds still: reads it every `gapMs` until two reads in a row agree (as JSON), at
 * most `timeoutMs` (then the last read, for the test's assertions to report). An island draws its queued
 * renders one per frame, so after its status says done the last charts and captions may still be landing,
 * later on a busy machine than a fixed wait allows.
 */
export async function steady<T>(page: Page, read: () => Promise<T>, gapMs = 300, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last = await read();
  for (;;) {
    await page.waitForTimeout(gapMs);
    const next = await read();
    if (JSON.stringify(next) === JSON.stringify(last) || Date.now() > end) return next;
    last = next;
  }
}
