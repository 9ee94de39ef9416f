/**
 * Reading a lesson page as a reader would, shared by the lessons' browser tests.
 *
 *   await readThrough(page);                        // every live figure has re-run
 *   expect(await summaryAccuracies(page)).toEqual(['0.5', '0.742', '0.924']);
 */
import type { Page } from 'playwright-core';
import { answerWithin, ensureFrames } from './frames.ts';

/**
 * Scrolls from the top to the bottom `step` CSS px at a time, in one script in the page: at each
 * stop it waits two frames, so content-visibility has rendered the blocks there and the islands'
 * IntersectionObservers have reported them. The page's height is read at every stop: it grows as
 * blocks that content-visibility skipped render at their real size.
 * @throws FrameStall when the page gives no answer for 2 min.
 */
export async function scrollThrough(page: Page, step = 700): Promise<void> {
  await answerWithin(page, page.evaluate(async (px) => {
    // A timer bounds each wait: a frame that never comes must not hang the scroll (see frames.ts).
    const frame = () => new Promise((done) => { requestAnimationFrame(done); setTimeout(done, 250); });
    for (let y = 0; y <= document.documentElement.scrollHeight; y += px) {
      window.scrollTo(0, y);
      await frame();
      await frame();
    }
  }, step), 120_000, 'scrollThrough');
}

/**
 * Scrolls like a reader, then waits for every live figure and experiment card to say "done" (see `untilLive`).
 * @throws FrameStall when the page draws no frame even after a nudge.
 * @throws if some figure or card is not done after 3 min; the error names each and its status line.
 */
export async function readThrough(page: Page): Promise<void> {
  await scrollThrough(page);
  // Experiment cards too: a card without a figure (the sigmoid one) can finish after every figure.
  await untilLive(page, 'lesson-figure, lesson-experiment', 'done', 'readThrough');
}

/**
 * Waits until every element matching `selector` has `data-live` = `live` (a lesson figure or card
 * sets it when it draws, on an animation frame). Every 20 s without it, checks that the page still
 * draws frames, nudging it if not: see `ensureFrames`.
 * @throws FrameStall when the page draws no frame even after a nudge.
 * @throws after `ms` (3 min by default), naming each element not there with its data-live and status line.
 */
export async function untilLive(page: Page, selector: string, live: 'done' | 'failed', where: string, ms = 180_000): Promise<void> {
  const there = ({ sel, want }: { sel: string; want: string }) => [...document.querySelectorAll(sel)].every((f) => (f as HTMLElement).dataset.live === want);
  for (let waited = 0; waited < ms; waited += 20_000) {
    const chunk = Math.min(20_000, ms - waited);
    if (await page.waitForFunction(there, { sel: selector, want: live }, { timeout: chunk, polling: 200 }).then(() => true, () => false)) return;
    await ensureFrames(page, where);
  }
  const stuck = await page.locator(selector).evaluateAll((els, want) => els.filter((e) => (e as HTMLElement).dataset.live !== want).map((e) =>
    `${e.localName} ${(e as HTMLElement).dataset.kind ?? e.id} (live=${(e as HTMLElement).dataset.live}): ${e.querySelector('.status-text')?.textContent?.trim()}`), live);
  throw new Error(`${where}: ${stuck.length} of ${selector} not data-live="${live}" after ${ms / 1000} s:\n${stuck.join('\n')}`);
}

/** The accuracy column of the live summary table, one cell per experiment. */
export function summaryAccuracies(page: Page): Promise<(string | undefined)[]> {
  return page.$$eval(
    'lesson-figure[data-kind="summary-table"][data-live="done"] .figure-body tbody tr',
    (rows) => rows.map((r) => r.querySelectorAll('td')[0]?.textContent?.trim()),
  );
}
