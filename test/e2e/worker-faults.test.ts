/**
 * The lesson when its training workers fail, one test per fault: a worker terminated mid-run, a
 * worker script that fails to load, malformed messages both ways, and a setting changed before the
 * init comparison's first auto-play. Each checks what the reader sees, that the build's figures
 * survive (Reset included), and that the pool's retry or the Retry button brings the live figures
 * to the build's numbers.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openPage } from './support/browser.ts';
import { summaryRows, until } from './support/compare-page.ts';
import { ALL, failWorkerScript, figureBodies, flowBodies, installWorkerFaults, setKill } from './support/faults.ts';
import { ISLAND, settled, show, statusMatches } from './support/flow-page.ts';
import { LESSON_PATH, setValue } from './support/island.ts';
import { readThrough, scrollThrough, untilLive } from './support/reader.ts';
import { serveDist } from './support/site.ts';

const FLOW_DONE = 'Done: 600 iterations · last recorded cost 0.693147 (iteration 580)';
const MATCH = 'Recomputed in your browser: the numbers match the build.';
const COMPARE_ROWS = [
  ['Zeros', '0.6931', '0.5'], ['Normal × 10', '0.4368', '0.742'], ['LeCun', '0.2116', '0.924'], ['Glorot', '0.2116', '0.924'], ['He', '0.2116', '0.924'],
];

const viewport = { width: 1280, height: 900 };
const failureLine = (page: Page) => page.locator(`${ISLAND} .explorer-failure`);
const figureStatuses = (page: Page) => page.locator('lesson-figure .status-text').allTextContents();

describe('training survives a dead or confused worker', () => {
  const site = serveDist();
  const url = () => `${site.url}${LESSON_PATH}`;
  const built = { figures: [] as string[], flow: [] as string[] };

  beforeAll(async () => {
    const { page, close } = await openPage(url(), { javaScriptEnabled: false, viewport });
    built.figures = await figureBodies(page);
    built.flow = await flowBodies(page);
    await close();
    expect(built.figures).toHaveLength(17);
    expect(built.flow).toHaveLength(4);
  });

  it('a worker terminated mid-run: the pool retrains on fresh workers; if every worker dies, the figures keep what they show and Retry recovers', async () => {
    const { page, consoleErrors, close } = await openPage(url(), { viewport, beforeGoto: (p) => installWorkerFaults(p, { afterMs: 1000, count: 2 }) });
    try {
      // The first two workers die 1 s after they start: the pool notices the silence and replays their runs elsewhere.
      await readThrough(page);
      expect(await page.evaluate(() => window.__faults.killed)).toBe(2);
      for (const s of await figureStatuses(page)) expect(s).toBe(MATCH);
      expect(await page.locator('lesson-experiment .status-text').allTextContents()).toEqual([
        'In your browser: done: 10000 iterations; final cost 0.693147, accuracy 0.5.',
        'In your browser: done: 10000 iterations; final cost 0.436849, accuracy 0.742.',
        'In your browser: done: 10000 iterations; final cost 0.211588, accuracy 0.924.',
        // The sigmoid + zeros card (issue 12): just as stuck as tanh on these balanced classes.
        'In your browser: done: 10000 iterations; final cost 0.693147, accuracy 0.5.',
      ]);
      // Now every worker dies, those running included: gradient flow's run fails once its retries are spent.
      await setKill(page, { afterMs: 1000, count: ALL });
      await page.evaluate(() => window.__faults.workers.forEach((w) => w.terminate()));
      await show(page);
      await setValue(page.locator(`${ISLAND} [data-param="speed"]`), '1');
      await page.click(`${ISLAND} button[data-action="reset"]`);
      await failureLine(page).waitFor({ state: 'visible', timeout: 90_000 });
      expect(await failureLine(page).innerText()).toBe('Training failed: the training worker stopped responding. Retry');
      // The failure line shows at once; the status line follows with the figures' next drawn frame.
      await expect.poll(() => page.locator(`${ISLAND} .flow-status`).innerText(), { timeout: 10_000 }).toMatch(/^Stopped at iteration [\d,]+\.$/);
      expect(await page.locator(`${ISLAND} button[data-action="play"]`).innerText()).toBe('Play');
      // Reset while the workers keep dying: every chart stays a chart (no placeholder), and the failure comes back.
      await page.click(`${ISLAND} button[data-action="reset"]`);
      await failureLine(page).waitFor({ state: 'hidden' });
      await failureLine(page).waitFor({ state: 'visible', timeout: 90_000 });
      expect(await page.locator(`${ISLAND} [data-chart] .figure-body svg`).count()).toBe(4);
      expect(await page.locator(`${ISLAND} .figure-pending`).count()).toBe(0);
      // The workers behave again: Retry trains the run to the build's numbers and the message goes
      // (at the fastest speed: speed changes only the pace, and ×1 would take about 19 s).
      await setKill(page, null);
      await setValue(page.locator(`${ISLAND} [data-param="speed"]`), '5');
      await page.click(`${ISLAND} .explorer-retry`);
      expect((await settled(page)).status).toBe(FLOW_DONE);
      expect(await failureLine(page).isHidden()).toBe(true);
      expect(consoleErrors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('a worker script that fails to load: every figure says so and keeps the build, through Reset; Retry recovers once it loads', async () => {
    const script = { restore: async () => {} };
    const { page, close } = await openPage(url(), {
      viewport,
      beforeGoto: async (p) => {
        script.restore = await failWorkerScript(p, 404);
      },
    });
    try {
      await scrollThrough(page);
      // Runs started after the first failure fail too: none is left waiting at iteration 0.
      await untilLive(page, 'lesson-figure', 'failed', 'the failed load', 60_000);
      for (const s of await figureStatuses(page)) {
        expect(s).toBe("Could not recompute this figure in your browser (the training worker failed to load); it shows the build's numbers.");
      }
      expect(await figureBodies(page)).toEqual(built.figures);
      expect(await page.locator('lesson-figure .figure-retry:visible').count()).toBe(17);
      await show(page);
      // The variance computation may fail first; the run's failure then takes the line.
      await page.locator(`${ISLAND} .explorer-failure`, { hasText: 'Training failed' }).waitFor({ timeout: 60_000 });
      expect(await failureLine(page).innerText()).toBe('Training failed: the training worker failed to load. Retry');
      await page.click(`${ISLAND} button[data-action="reset"]`);
      await failureLine(page).waitFor({ state: 'visible', timeout: 60_000 });
      await page.waitForTimeout(500);
      expect(await flowBodies(page)).toEqual(built.flow);
      // The script loads again: Retry brings gradient flow and, from the summary figure (all three runs), every lesson figure to the build's numbers.
      await script.restore();
      await page.click(`${ISLAND} .explorer-retry`);
      expect((await settled(page)).status).toBe(FLOW_DONE);
      await page.locator('lesson-figure[data-kind="summary-table"] .figure-retry').click();
      await untilLive(page, 'lesson-figure', 'done', 'Retry after the failed load', 120_000);
      for (const s of await figureStatuses(page)) expect(s).toBe(MATCH);
    } finally {
      await close();
    }
  });

  it('malformed messages both ways are answered for their request only: the run ends with the build\'s numbers and no error stays on screen', async () => {
    const { page, consoleErrors, close } = await openPage(`${url()}?flow.speed=1`, { viewport, beforeGoto: (p) => installWorkerFaults(p) });
    try {
      await show(page);
      await statusMatches(page, /^Iteration/);
      await page.evaluate(() => {
        const el = document.querySelector('gradient-flow-explorer')!;
        const hidden = el.querySelector<HTMLSelectElement>('[data-param="hidden"]')?.value ?? 'tanh';
        const runId = `flow:${el.id || 'gradient-flow'}:${hidden}`;
        for (const w of window.__faults.workers) {
          w.postMessage(null); // to the worker: answered with an error naming no request
          w.postMessage({ type: 'pause' }); // a control message with no run
          w.dispatchEvent(new MessageEvent('message', { data: null })); // to the page: ignored
          w.dispatchEvent(new MessageEvent('message', { data: { type: 'progress', runId, iteration: 'ten' } })); // about the run: it is retrained
        }
      });
      // The faults went in while the run was under way at ×1; the rest of it may go at ×5 (speed changes only the pace).
      await setValue(page.locator(`${ISLAND} [data-param="speed"]`), '5');
      const s = await settled(page);
      expect(s.status).toBe(FLOW_DONE);
      expect(await failureLine(page).isHidden()).toBe(true);
      expect(await page.locator(`${ISLAND} button[data-action="play"]`).innerText()).toBe('Play');
      expect(consoleErrors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('a setting changed before the init comparison first plays: it still auto-plays, and finishes with the build\'s numbers', async () => {
    const { page, consoleErrors, close } = await openPage(url(), { viewport });
    try {
      const island = page.locator('init-comparison');
      await page.waitForSelector('init-comparison[data-ready="true"]');
      const width = island.locator('[data-param="width"]');
      const initial = await width.inputValue();
      await setValue(width, String(Number(initial) + 1));
      await setValue(width, initial); // back to the build's settings, before the island was ever on screen
      await island.scrollIntoViewIfNeeded();
      await until(island, 'Training in lockstep', 30_000);
      await until(island, 'Finished');
      expect((await summaryRows(island)).map((r) => r.slice(0, 3))).toEqual(COMPARE_ROWS);
      expect(consoleErrors).toEqual([]);
    } finally {
      await close();
    }
  });
});
