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
 * Scrolls like a reader, then waits for every live figure and experiment card. Every 20 s without "done" it checks that
 * the page still draws frames (a figure draws on animation frames): see `ensureFrames`.
 * @throws FrameStall when the page draws no frame even after a nudge.
 * @throws if some figure or card is not done after 3 min; the error names each and its status line.
 */
export async function readThrough(page: Page): Promise<void> {
  await scrollThrough(page);
  // Experiment cards too: a card without a figure (the sigmoid one) can finish after every figure.
  const done = () => [...document.querySelectorAll('lesson-figure, lesson-experiment')].every((f) => (f as HTMLElement).dataset.live === 'done');
  for (let waited = 0; waited < 180_000; waited += 20_000) {
    if (await page.waitForFunction(done, null, { timeout: 20_000, polling: 200 }).then(() => true, () => false)) return;
    await ensureFrames(page, 'readThrough');
  }
  const stuck = await page.locator(':is(lesson-figure, lesson-experiment):not([data-live="done"])').evaluateAll((els) => els.map((e) =>
    `${e.localName} ${(e as HTMLElement).dataset.kind ?? e.id} (live=${(e as HTMLElement).dataset.live}): ${e.querySelector('.status-text')?.textContent?.trim()}`));
  throw new Error(`readThrough: ${stuck.length} lesson figure(s) or experiment card(s) not done after 3 min:\n${stuck.join('\n')}`);
}

/** The accuracy column of the live summary table, one cell per experiment. */
export function summaryAccuracies(page: Page): Promise<(string | undefined)[]> {
  return page.$$eval(
    'lesson-figure[data-kind="summary-table"][data-live="done"] .figure-body tbody tr',
    (rows) => rows.map((r) => r.querySelectorAll('td')[0]?.textContent?.trim()),
  );
}
