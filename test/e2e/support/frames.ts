/**
 * Frame stalls: now and then, headless Chromium on our 2-core machine stops producing frames for
 * one page (requestAnimationFrame never fires, a screenshot waits for ever, the renderer idles at
 * ~3 % CPU), while the next page in the same browser draws normally. A figure that draws on
 * animation frames then never says "done". Another kind answers nothing at all: the renderer's main
 * thread sleeps in a wait, runs no script (Debugger.pause never pauses), fires no timer and answers
 * no CDP call, while the GPU process keeps sending it begin-frames. Neither is a loop in our code.
 * These helpers tell such a stall from a slow page, try to restart the frames, and record every
 * stall in test-artifacts/frame-stalls.jsonl. Besides, any browser test that fails after a page it
 * closed drew no frame, or with FrameStall, runs again in a new browser, at most twice (setup.ts, vitest.config.ts).
 *
 *   if ((await nextFrameWithin(page)) === null) ...          // no frame in 3 s
 *   await ensureFrames(page, 'readThrough');                  // nudges, or throws FrameStall
 *   await retryOnFrameStall(async () => { ...open, read, assert, close... });
 *   await retryOnFrameStall(work, { silentMs: 35_000 });     // and at once when a page draws nothing for 35 s
 */
import type { Page, PageScreenshotOptions } from 'playwright-core';
import { within } from './bound.ts';
import { closeBrowser, openPages } from './browser.ts';
import { FrameStall, nextFrameWithin, recordStall, type StallReport } from './stall.ts';

export { FrameStall, nextFrameWithin, recordStall, STALLED, type StallReport } from './stall.ts';

/**
 * `work` (a call into `page`, or a whole try when `page` is null), bounded: when it gives no answer
 * within `ms`, as a renderer in a stall can do, the stall is recorded and FrameStall thrown, so the
 * caller can start over.
 */
export async function answerWithin<T>(page: Page | null, work: Promise<T>, ms: number, where: string, file?: string): Promise<T> {
  const none = Symbol('no answer');
  const result = await within(work, ms, none);
  if (result !== none) return result as T;
  work.catch(() => undefined);
  const report: StallReport = { where, url: page?.url() ?? '', visibility: 'no answer', focused: false, recovered: 'no', at: new Date().toISOString() };
  recordStall(report, file);
  throw new FrameStall(report);
}

/**
 * Returns at once when the page draws frames. Otherwise nudges it (a 1 px viewport resize and back,
 * which makes the compositor start a new frame) and records the stall; throws FrameStall when the
 * page still draws nothing.
 */
export async function ensureFrames(page: Page, where: string, file?: string): Promise<void> {
  if ((await nextFrameWithin(page)) !== null) return;
  const state = await within(page.evaluate(() => ({ visibility: document.visibilityState, focused: document.hasFocus() })).catch(() => null), 3000, null);
  const size = page.viewportSize();
  const nudge = async () => {
    if (size) {
      await page.setViewportSize({ width: size.width, height: size.height + 1 });
      await page.setViewportSize(size);
    }
    await page.bringToFront();
  };
  await answerWithin(page, nudge(), 15_000, `${where} (nudge)`, file);
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
 * Watches the pages `openPage` has open: `stalled` rejects with FrameStall (recorded) once one of
 * them has drawn no frame for `silentMs`, checked every `silentMs / 6`, until `stop()`.
 */
function watchFrames(silentMs: number, where: string, file?: string): { stalled: Promise<never>; stop: () => void } {
  const since = new Map<Page, number>();
  const watch = { on: true };
  const stalled = new Promise<never>((_, reject) => {
    void (async () => {
      while (watch.on) {
        await new Promise((wake) => setTimeout(wake, silentMs / 6).unref());
        for (const page of openPages()) {
          if (!since.has(page)) since.set(page, Date.now());
          if ((await nextFrameWithin(page)) !== null) since.set(page, Date.now());
          else if (watch.on && Date.now() - since.get(page)! >= silentMs) {
            const report: StallReport = { where, url: page.url(), visibility: 'no frame', focused: false, recovered: 'no', at: new Date().toISOString() };
            recordStall(report, file);
            return reject(new FrameStall(report));
          }
        }
      }
    })();
  });
  stalled.catch(() => undefined);
  return { stalled, stop: () => (watch.on = false) };
}

/**
 * Runs `attempt` again, in a freshly launched browser, when it throws FrameStall or gives no answer
 * within `attemptMs` (a wedged renderer can hold any call into the page), or, given `silentMs`, as
 * soon as one of its pages has drawn no frame for that long: at most `tries` times in all. Any
 * other error, and the last stall, go to the caller unchanged: the assertions are the same on every
 * try, only a page that drew nothing or answered nothing is started over. `silentMs` should leave
 * `ensureFrames` its time to nudge (up to about 25 s), and be far above any healthy wait for a frame.
 */
export async function retryOnFrameStall<T>(
  attempt: (n: number) => Promise<T>,
  { tries = 3, attemptMs = 90_000, silentMs, file }: { tries?: number; attemptMs?: number; silentMs?: number; file?: string } = {},
): Promise<T> {
  for (let n = 1; ; n++) {
    const watch = silentMs ? watchFrames(silentMs, `attempt ${n} (no frame for ${silentMs / 1000} s)`, file) : null;
    try {
      const work = watch ? Promise.race([attempt(n), watch.stalled]) : attempt(n);
      return await answerWithin(null, work, attemptMs, `attempt ${n} (over ${attemptMs / 1000} s)`, file);
    } catch (e) {
      if (!(e instanceof FrameStall) || n >= tries) throw e;
      // A wedged browser may not close cleanly: the next try launches a new one after 20 s regardless.
      await within(closeBrowser().catch(() => undefined), 20_000, undefined);
    } finally {
      watch?.stop();
    }
  }
}
