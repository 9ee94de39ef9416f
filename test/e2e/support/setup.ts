/**
 * Setup of every browser test file (vitest.config.ts, e2e project). A failed test whose page drew no
 * frame (a stalled renderer, see frames.ts), when the test closed it or, for a test that hung and
 * never closed it, now, gets one more error saying so; the project retries a test (at most twice) on that
 * error's words (STALLED), in a new browser. Any other failure is final, and a stall in a test that
 * passed is only recorded.
 */
import { afterEach } from 'vitest';
import { closeStalledPages, replaceBrowserSoon, takePageStall } from './browser.ts';
import { STALLED } from './stall.ts';

afterEach(async ({ task }) => {
  if (task.result?.state !== 'fail') {
    takePageStall();
    return;
  }
  const stalled = await closeStalledPages();
  // A FrameStall thrown by the test (frames.ts) needs the new browser too.
  if (task.result.errors?.some((e) => e.message?.includes(STALLED))) replaceBrowserSoon();
  if (stalled) throw new Error(`${STALLED}: a page of this test drew no frame (see test-artifacts/frame-stalls.jsonl)`);
});
