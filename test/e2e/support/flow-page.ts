/**
 * Helpers for test/e2e/gradient-flow.test.ts: open the lesson at the <gradient-flow-explorer>, read
 * what it shows, drive its controls and capture its exports.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { OpenedPage, OpenPageOptions } from './browser.ts';
import { saveDownload } from './exports.ts';
import { openIsland, setValue, steady } from './island.ts';

export const ISLAND = 'gradient-flow-explorer';
export const CHARTS = ['gradients', 'histograms', 'network', 'average'] as const;
/** A small network, so each run takes a fraction of a second. */
export const SMALL = '?flow.depth=2&flow.width=4&flow.iterations=100';

/** What the reader sees: status line, each figure's title, caption and svg size, and the controls' values. */
export async function state(page: Page) {
  return page.locator(ISLAND).evaluate((el, charts) => ({
    status: el.querySelector('.flow-status')!.textContent!,
    figures: Object.fromEntries(charts.map((c) => {
      const f = el.querySelector(`[data-chart="${c}"]`)!;
      return [c, { title: f.querySelector('.figure-title')!.textContent, caption: f.querySelector('.figure-caption')!.textContent, svg: f.querySelectorAll('.figure-body svg').length }];
    })),
    controls: Object.fromEntries([...el.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-param], [data-log]')].map((c) => [c.dataset.param ?? c.dataset.log, c.value])),
    outputs: Object.fromEntries([...el.querySelectorAll('output[data-output]')].map((o) => [(o as HTMLElement).dataset.output, o.textContent])),
  }), CHARTS);
}

/** Waits until the run has ended and every figure shows it. */
export async function settled(page: Page) {
  await page.waitForFunction((island) => {
    const el = document.querySelector(island)!;
    return /^(Done|Diverged)/.test(el.querySelector('.flow-status')!.textContent!) && el.querySelector('button[data-action="play"]')!.textContent === 'Play'
      && [...el.querySelectorAll('.figure-caption')].every((c) => c.textContent !== 'Computing…');
  }, ISLAND, { timeout: 120_000, polling: 100 });
  return steady(page, () => state(page)); // the last charts and tables land one per frame
}

/** Waits until the status line matches `pattern` (its source is sent to the page). */
export const statusMatches = (page: Page, pattern: RegExp) =>
  page.waitForFunction(({ island, source }) => new RegExp(source).test(document.querySelector(`${island} .flow-status`)!.textContent!), { island: ISLAND, source: pattern.source });

/** Opens the lesson with `search` and waits for the island to be wired. */
export const open = (siteUrl: string, search = '', options: OpenPageOptions = {}): Promise<OpenedPage> =>
  openIsland(siteUrl, ISLAND, search, { ...options, scroll: false });

/** Scrolls the island's transport into view (the island auto-plays when it appears). */
export const show = (page: Page) => page.locator(`${ISLAND} button[data-action="play"]`).scrollIntoViewIfNeeded();

/** Clicks an export button of `chart` and returns the downloaded file. */
export async function download(page: Page, chart: string, kind: string): Promise<Buffer> {
  const button = page.locator(`${ISLAND} [data-export-for="${chart}"] button[data-export="${kind}"]`);
  // Chrome drops a download that starts while the previous one is still being admitted (clicks 80 ms apart); a reader is slower.
  await page.waitForTimeout(300);
  const file = await saveDownload(page, button, 20_000).catch(async (e: Error) => {
    const notice = await page.locator(`${ISLAND} .explorer-notice`).textContent();
    throw new Error(`no ${kind} download for ${chart} (notice: ${JSON.stringify(notice)}): ${e.message}`);
  });
  expect(file.name).toBe(`flow-${chart}.${kind}`);
  return file.body;
}

/** Sets a range input or select as the reader would (value + input/change event). */
export const set = (page: Page, selector: string, value: string) => setValue(page.locator(`${ISLAND} ${selector}`), value);
