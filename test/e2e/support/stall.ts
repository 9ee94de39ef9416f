/**
 * The record of a headless Chromium stall (see frames.ts for what one is), kept apart from frames.ts
 * so that browser.ts can check a page for frames when it closes it without importing frames.ts.
 *
 *   if ((await nextFrameWithin(page)) === null) recordStall({ ... });
 */
import { appendFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { artifactPath } from './artifacts.ts';
import { within } from './bound.ts';

/** How every stall's error message begins: the e2e project retries a failed test on it (vitest.config.ts). */
export const STALLED = 'headless Chromium stalled';

/** What a stalled page looked like, for the record. */
export interface StallReport {
  where: string;
  url: string;
  visibility: string;
  focused: boolean;
  /** What got frames going again: a viewport nudge, or nothing. */
  recovered: 'nudge' | 'no';
  at: string;
}

/** Thrown when a page makes no frame even after a nudge, or answers nothing; the caller may reopen the page. */
export class FrameStall extends Error {
  constructor(readonly report: StallReport) {
    const what = report.visibility === 'no answer' ? 'answered nothing' : `drew no frame (visibility ${report.visibility})`;
    super(`${STALLED}: ${report.url || 'the page'} ${what} in ${report.where}`);
    this.name = 'FrameStall';
  }
}

/**
 * Milliseconds until the page's next animation frame, or null when none came within `ms`. Bounded in
 * Node too: a renderer that runs no task at all cannot hang the check.
 */
export async function nextFrameWithin(page: Page, ms = 3000): Promise<number | null> {
  const inPage = page
    .evaluate((limit) => new Promise<number | null>((done) => {
      const start = performance.now();
      requestAnimationFrame(() => done(Math.round(performance.now() - start)));
      setTimeout(() => done(null), limit);
    }), ms)
    .catch(() => null);
  return within(inPage, ms + 2000, null);
}

/**
 * Appends `report` as one JSON line to the artifact `file` (frame-stalls.jsonl unless a self-test says
 * otherwise): one append per stall, so browser test files running side by side never overwrite each other.
 */
export function recordStall(report: StallReport, file = 'frame-stalls.jsonl'): void {
  appendFileSync(artifactPath(file), `${JSON.stringify(report)}\n`);
  console.warn(`frame stall: ${report.where} at ${report.url} (recovered: ${report.recovered})`);
}
