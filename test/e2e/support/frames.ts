/**
 * Frame stalls: now and then, headless Chromium on our 2-core machine stops producing frames for
 * one page (requestAnimationFrame never fires, a screenshot waits for ever, the renderer idles at
 * ~3 % CPU), while the next page in the same browser draws normally. A figure that draws on
 * animation frames then never says "done". These helpers tell such a stall from a slow page, try
 * to restart the frames, and record every stall in test-artifacts/frame-stalls.json.
 *
 *   if ((await nextFrameWithin(page)) === null) ...          // no frame in 3 s
 *   await ensureFrames(page, 'readThrough');                  // nudges, or throws FrameStall
 *   await retryOnFrameStall('lesson at 390 px', async () => { ...open, read, assert... });
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page, PageScreenshotOptions } from 'playwright-core';
import { artifactPath } from './artifacts.ts';
import { closeBrowser } from './browser.ts';

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

/** Thrown when a page makes no frame even after a nudge; the caller may reopen the page. */
export class FrameStall extends Error {
  constructor(readonly report: StallReport) {
    super(`headless Chromium drew no frame for ${report.url} (${report.where}); visibility ${report.visibility}`);
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
  const bound = new Promise<null>((done) => setTimeout(() => done(null), ms + 2000));
  return Promise.race([inPage, bound]);
}

/** Appends `report` to the artifact `file` (frame-stalls.json unless a self-test says otherwise). */
export function recordStall(report: StallReport, file = 'frame-stalls.json'): void {
  const path = artifactPath(file);
  let all: StallReport[] = [];
  try {
    all = JSON.parse(readFileSync(path, 'utf8')) as StallReport[];
  } catch {
    // No stall recorded yet.
  }
  writeFileSync(path, JSON.stringify([...all, report], null, 1));
  console.warn(`frame stall: ${report.where} at ${report.url} (recovered: ${report.recovered})`);
}

/**
 * Returns at once when the page draws frames. Otherwise nudges it (a 1 px viewport resize and back,
 * which makes the compositor start a new frame) and records the stall; throws FrameStall when the
 * page still draws nothing.
 */
export async function ensureFrames(page: Page, where: string, file?: string): Promise<void> {
  if ((await nextFrameWithin(page)) !== null) return;
  const state = await Promise.race([
    page.evaluate(() => ({ visibility: document.visibilityState, focused: document.hasFocus() })).catch(() => null),
    new Promise<null>((done) => setTimeout(() => done(null), 3000)),
  ]);
  const size = page.viewportSize();
  if (size) {
    await page.setViewportSize({ width: size.width, height: size.height + 1 });
    await page.setViewportSize(size);
  }
  await page.bringToFront();
  const back = (await nextFrameWithin(page)) !== null;
  const report: StallReport = {
    where, url: page.url(), visibility: state?.visibility ?? 'no answer', focused: state?.focused ?? false,
    recovered: back ? 'nudge' : 'no', at: new Date().toISOString(),
  };
  recordStall(report, file);
  if (!back) throw new FrameStall(report);
}

/**
 * `page.screenshot`, which needs a frame: when it times out in a page that draws none, the page is
 * nudged (`ensureFrames`) and the capture tried once more.
 * @throws FrameStall when the nudge does not help; the screenshot's own error when frames did flow.
 */
export async function screenshotWithFrames(page: Page, options: PageScreenshotOptions): Promise<Buffer> {
  try {
    return await page.screenshot({ timeout: 60_000, ...options });
  } catch (e) {
    if ((await nextFrameWithin(page)) !== null) throw e;
    await ensureFrames(page, 'screenshot');
    return page.screenshot({ timeout: 60_000, ...options });
  }
}

/**
 * Runs `attempt` again, in a freshly launched browser, when it throws FrameStall: at most `tries`
 * times in all. Any other error, and the last stall, go to the caller unchanged: the assertions are
 * the same on every try, only a page that drew nothing is started over.
 */
export async function retryOnFrameStall<T>(attempt: (n: number) => Promise<T>, tries = 3): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (e) {
      if (!(e instanceof FrameStall) || n >= tries) throw e;
      await closeBrowser();
    }
  }
}
