/**
 * Checking the files an island's export buttons download.
 *
 *   const png = await saveDownload(page, page.locator('symmetry-meter button[data-export="png"]'));
 *   expectPng(png.body);
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The eight bytes every PNG file starts with. */
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Clicks `button` and returns the file it downloads: its suggested name and its bytes. */
export async function saveDownload(page: Page, button: Locator, timeout?: number): Promise<{ name: string; body: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout }), button.click()]);
  return { name: file.suggestedFilename(), body: readFileSync((await file.path())!) };
}

/** Expects a PNG of more than 1000 bytes (an empty canvas is smaller); `what` labels a failure. */
export function expectPng(png: Buffer, what?: string): void {
  expect([...png.subarray(0, 8)], what).toEqual(PNG_SIGNATURE);
  expect(png.length, what).toBeGreaterThan(1000);
}

/** The root <svg> of an exported SVG file (parsed in Node, without its XML declaration). */
export function svgRoot(body: Buffer): Element {
  return parseHTML(body.toString('utf8').replace(/^<\?xml[^>]*>/, '')).document.querySelector('svg')!;
}
