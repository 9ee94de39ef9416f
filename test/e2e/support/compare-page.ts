/**
 * Helpers for the <InitComparison> browser tests: open the lesson at the island, wait for its status,
 * move its controls, read its summary and capture and inspect its exports.
 */
import { inflateSync } from 'node:zlib';
import type { Locator, Page } from 'playwright-core';
import { openPage, type OpenPageOptions } from './browser.ts';
import { saveDownload } from './exports.ts';
import { LESSON_PATH, setValue } from './island.ts';

/** Short runs at full speed, for tests about behaviour rather than the default figure. */
export const FAST = '?compare.iterations=1000&compare.speed=5';

/** Opens the lesson served at `siteUrl` (with `query`) and waits for the <init-comparison> island. */
export async function openComparison(siteUrl: string, query = '', options: OpenPageOptions = {}) {
  const opened = await openPage(`${siteUrl}${LESSON_PATH}${query}`, options);
  const island = opened.page.locator('init-comparison');
  await island.waitFor();
  return { ...opened, island };
}

export const status = async (island: Locator) => (await island.locator('.compare-status-text').textContent()) ?? '';

/** Moves a range input as a reader would: the value, then input and change events. */
export const slide = (input: Locator, value: string) => setValue(input, value, ['input', 'change']);

export async function until(island: Locator, prefix: string, timeout = 120_000): Promise<void> {
  await island.locator('.compare-status-text', { hasText: new RegExp(`^${prefix}`) }).waitFor({ timeout });
}

/** Scrolls the island into view and waits until its (auto-playing) runs finish. */
export async function trainToEnd(island: Locator): Promise<void> {
  await island.scrollIntoViewIfNeeded();
  await until(island, 'Finished');
}

export async function summaryRows(island: Locator): Promise<string[][]> {
  return island.locator('.compare-summary tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent ?? '')));
}

export async function download(page: Page, island: Locator, figure: string, kind: string): Promise<Buffer> {
  return (await saveDownload(page, island.locator(`[data-export-for="${figure}"] button[data-export="${kind}"]`))).body;
}

export async function costs(page: Page, island: Locator): Promise<number[][]> {
  const data = JSON.parse((await download(page, island, 'cost', 'json')).toString()) as { series: { costs: number[] }[] };
  return data.series.map((s) => s.costs);
}

/** RGBA of a PNG's top-left pixel (on the first row every PNG filter leaves the first pixel as is). */
export function firstPixel(png: Buffer): number[] {
  const idat: Buffer[] = [];
  for (let i = 8; i < png.length;) {
    const n = png.readUInt32BE(i);
    if (png.toString('latin1', i + 4, i + 8) === 'IDAT') idat.push(png.subarray(i + 8, i + 8 + n));
    i += 12 + n;
  }
  return [...inflateSync(Buffer.concat(idat)).subarray(1, 5)];
}

/** Parses an SVG document in the page; returns its root's name and the parser's error, if any. */
export async function parseSvg(page: Page, text: string): Promise<{ root: string; error: boolean; images: number; nested: number; dangling: number }> {
  return page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
    // <use>s whose target is not in the file (the page's sprite left behind) would draw nothing.
    const dangling = [...doc.querySelectorAll('use')].filter((u) => !doc.getElementById((u.getAttribute('href') ?? '').slice(1))).length;
    return { root: doc.documentElement.nodeName, error: doc.querySelector('parsererror') !== null, images: doc.querySelectorAll('image').length, nested: doc.querySelectorAll('svg svg').length, dangling };
  }, text);
}
