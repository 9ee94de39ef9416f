/**
 * The second lesson (He initialization) in headless Chromium: its three experiments re-run in the
 * worker as the reader scrolls, every experiment figure ends with the same numbers as the build,
 * and the page logs no errors and stays on localhost. Also times the He and LeCun runs in the
 * browser (they train together, round-robin, in one worker) and writes the numbers to
 * test-artifacts/he-lesson-metrics.json; a full-page screenshot goes to he-lesson-full-page.png.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath } from './support/artifacts.ts';
import { openPage, type OpenedPage } from './support/browser.ts';
import { siteBase } from './support/paths.ts';
import { readThrough, summaryAccuracies } from './support/reader.ts';
import { serveDist } from './support/site.ts';

declare global {
  interface Window {
    /** performance.now() when each experiment card first showed a live status, and when its run ended. */
    __experimentTimes?: Record<string, { started?: number; ended?: number; text?: string }>;
  }
}

describe('He initialization lesson, live', () => {
  const site = serveDist();
  let opened: OpenedPage;
  let experimentsMs = 0;

  beforeAll(async () => {
    opened = await openPage(`${site.url}lessons/he-initialization/`, {
      viewport: { width: 1280, height: 900 },
      beforeGoto: async (page) => {
        await page.addInitScript(() => {
          const times: NonNullable<Window['__experimentTimes']> = {};
          window.__experimentTimes = times;
          const watch = () => {
            for (const card of document.querySelectorAll<HTMLElement>('lesson-experiment')) {
              const text = card.querySelector('.status-text')?.textContent ?? '';
              const t = (times[card.id] ??= {});
              if (t.started === undefined && text.startsWith('In your browser')) t.started = performance.now();
              if (t.ended === undefined && /In your browser: (done|diverged)/.test(text)) {
                t.ended = performance.now();
                t.text = text;
              }
            }
          };
          new MutationObserver(watch).observe(document, { subtree: true, childList: true, characterData: true });
        });
      },
    });
    const { page } = opened;
    // First only the experiment cards: their three runs train alone, so their time is the engine's.
    await page.locator('#experiment-he').scrollIntoViewIfNeeded();
    await page.waitForFunction(
      () => ['experiment-he', 'experiment-lecun', 'experiment-large'].every((id) => window.__experimentTimes?.[id]?.ended !== undefined),
      null, { timeout: 120_000, polling: 100 },
    );
    const times = await page.evaluate(() => window.__experimentTimes ?? {});
    const ids = ['experiment-he', 'experiment-lecun', 'experiment-large'];
    experimentsMs = Math.max(...ids.map((id) => times[id].ended!)) - Math.min(...ids.map((id) => times[id].started ?? times[id].ended!));
    // Then scroll like a reader so every figure and explorer comes near the viewport.
    await readThrough(page);
    // Let the two explorers (GradientFlow, InitComparison) finish their default runs too: wait until
    // their status lines stop changing, so errors they might log are caught below.
    let last = '';
    for (let k = 0; k < 60; k++) {
      const now = await page.$$eval('.explorer [role="status"]', (els) => els.map((e) => e.textContent ?? '').join('|'));
      if (now === last) break;
      last = now;
      await page.waitForTimeout(1500);
    }
    writeFileSync(artifactPath('he-lesson-metrics.json'), JSON.stringify({ experimentsTogetherMs: Math.round(experimentsMs), times }, null, 2));
    console.log(`he lesson: the three experiments trained together in ${Math.round(experimentsMs)} ms in Chromium`);
  }, 300_000);

  afterAll(async () => {
    await opened?.page.screenshot({ path: artifactPath('he-lesson-full-page.png'), fullPage: true }).catch(() => {});
    await opened?.close();
  });

  it('re-runs every experiment figure and matches the build', async () => {
    const statuses = await opened.page.locator('lesson-figure .status-text').allTextContents();
    // cost curve, 3 logs, 2 metrics, 1 scatter, summary figure and table
    expect(statuses.length).toBeGreaterThanOrEqual(9);
    for (const s of statuses) expect(s).toBe('Recomputed in your browser: the numbers match the build.');
  });

  it('ends the three runs as the lesson says: He 0.933, LeCun 0.864, large diverged at iteration 0', async () => {
    const cards = await opened.page.locator('lesson-experiment .status-text').allTextContents();
    expect(cards).toEqual([
      'In your browser: done: 300 iterations; final cost 0.217638, accuracy 0.933.',
      'In your browser: done: 300 iterations; final cost 0.367350, accuracy 0.864.',
      'In your browser: diverged at iteration 0; final cost not finite, accuracy 0.5.',
    ]);
    expect(await summaryAccuracies(opened.page)).toEqual(['0.933', '0.864', '0.5']);
  });

  it('trains the experiments quickly enough for a reader', () => {
    // A generous ceiling against a regression to many seconds, not a budget (the machines are shared).
    expect(experimentsMs).toBeGreaterThan(0);
    expect(experimentsMs).toBeLessThan(20_000);
  });

  it('logs no console errors and sends no request off localhost', () => {
    expect(opened.consoleErrors).toEqual([]);
    expect(opened.externalRequests).toEqual([]);
  });

  it('links back to the first lesson', async () => {
    const hrefs = await opened.page.$$eval('main a[href]', (as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain(`${siteBase}lessons/vanishing-exploding-gradients/`);
  });
});
