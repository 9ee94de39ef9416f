/**
 * Setup of every browser test file (vitest.config.ts, e2e project). A test that failed after a page
 * it closed had drawn no frame (a stalled renderer, see frames.ts) gets one more error saying so;
 * the project retries a test once on that error's words (STALLED), in a new browser. Any other
 * failure is final, and a stall in a test that passed is only recorded.
 */
import { afterEach } from 'vitest';
import { replaceBrowserSoon, takePageStall } from './browser.ts';
import { STALLED } from './stall.ts';

afterEach(({ task }) => {
  const closedStalled = takePageStall();
  if (task.result?.state !== 'fail') return;
  // A FrameStall thrown by the test (frames.ts) needs the new browser too.
  if (task.result.errors?.some((e) => e.message?.includes(STALLED))) replaceBrowserSoon();
  if (closedStalled) throw new Error(`${STALLED}: a page this test closed drew no frame (see test-artifacts/frame-stalls.jsonl)`);
});
