/**
 * The lesson in headless Chromium: the experiments re-run in the worker as the reader scrolls,
 * the live figures replace the prerender with the same numbers, and the page stays responsive.
 * Also measures, for the closing note, the JavaScript the page loads (gzipped) and the time until
 * every live figure is done (written to test-artifacts/lesson-metrics.json).
 */
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { costTolerance } from '../fixtures/parity.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath } from './support/artifacts.ts';
import { openPage, type OpenedPage } from './support/browser.ts';
import { LESSON_PATH } from './support/island.ts';
import { installLongTaskObserver, longTasks } from './support/longtasks.ts';
import { retryOnFrameStall } from './support/frames.ts';
import { readThrough, summaryAccuracies } from './support/reader.ts';
import { serveDist } from './support/site.ts';

// What the original article printed (labels corrected: these are iterations 0, 1000, …, 9000).
const ORIGINAL_LOGS: Record<string, number[]> = {
  zeros: Array(10).fill(0.693147),
  large: [9.685794, 0.440218, 0.438117, 0.437805, 0.437631, 0.4375, 0.437371, 0.437242, 0.437112, 0.436981],
  lecun: [0.788206, 0.226253, 0.220115, 0.217613, 0.216162, 0.215133, 0.2143, 0.213565, 0.212881, 0.212226],
};

describe('lesson page, live', () => {
  const site = serveDist();
  let opened: OpenedPage;
  const scripts = new Map<string, number>();
  let doneAfterMs = 0;

  beforeAll(async () => {
    // A page that drew no frame (see support/frames.ts) is started over in a fresh browser.
    opened = await retryOnFrameStall(async () => {
      const started = Date.now();
      const o = await openPage(`${site.url}${LESSON_PATH}`, {
        viewport: { width: 1280, height: 900 },
        beforeGoto: async (page) => {
          await installLongTaskObserver(page);
          page.on('response', async (response) => {
            const url = response.url();
            if (!/\.m?js(\?|$)/.test(url)) return;
            const body = await response.body().catch(() => null);
            if (body) scripts.set(url, gzipSync(body).length);
          });
        },
      });
      await readThrough(o.page).catch(async (e: unknown) => {
        await o.close();
        throw e;
      });
      doneAfterMs = Date.now() - started;
      return o;
    }, { silentMs: 35_000 }); // as in layout.test.ts
  }, 240_000);

  afterAll(async () => {
    await opened?.page.screenshot({ path: artifactPath('lesson-full-page.png'), fullPage: true }).catch(() => {});
    await opened?.close();
  });

  it('re-runs every experiment figure and matches the build', async () => {
    const statuses = await opened.page.locator('lesson-figure .figure-status .status-text').allTextContents();
    expect(statuses.length).toBe(17); // five figures per experiment, the summary figure and the summary table
    for (const s of statuses) expect(s).toBe('Recomputed in your browser: the numbers match the build.');
    // The sigmoid card has no figure, so reading through the figures does not wait for it: wait here.
    await opened.page.waitForFunction(() => [...document.querySelectorAll('lesson-experiment .status-text')].every((e) => /^In your browser: (done|diverged)/.test(e.textContent ?? '')), null, { timeout: 120_000 });
    const cards = await opened.page.locator('lesson-experiment .status-text').allTextContents();
    expect(cards).toEqual([
      'In your browser: done: 10000 iterations; final cost 0.693147, accuracy 0.5.',
      'In your browser: done: 10000 iterations; final cost 0.436849, accuracy 0.742.',
      'In your browser: done: 10000 iterations; final cost 0.211588, accuracy 0.924.',
      'In your browser: done: 10000 iterations; final cost 0.693147, accuracy 0.5.', // sigmoid from zeros: as stuck as tanh
    ]);
  });

  it('shows the live summary table with 0.5 / 0.742 / 0.924', async () => {
    expect(await summaryAccuracies(opened.page)).toEqual(['0.5', '0.742', '0.924']);
  });

  it('prints live training logs that match the original article within the engine tolerance', async () => {
    const logs = await opened.page.$$eval('lesson-figure[data-kind="training-log"][data-live="done"]', (figures) =>
      figures.map((f) => ({ id: JSON.parse((f as HTMLElement).dataset.experiments ?? '[]')[0]?.id as string, text: f.querySelector('pre')?.textContent ?? '' })));
    expect(logs.map((l) => l.id)).toEqual(['zeros', 'large', 'lecun']);
    for (const { id, text } of logs) {
      const lines = [...text.matchAll(/^Cost after iteration (\d+): (\d+\.\d{6})$/gm)];
      expect(lines.map((l) => Number(l[1]))).toEqual([0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000]);
      lines.forEach((l, k) => {
        const iteration = Number(l[1]);
        const tolerance = costTolerance(id === 'large', iteration);
        expect(Math.abs(Number(l[2]) - ORIGINAL_LOGS[id][k]), `${id} at ${iteration}`).toBeLessThanOrEqual(tolerance + 5e-7);
      });
    }
  });

  it('a figure far off screen skips the frames of a run that trains on screen, then draws its end', async () => {
    const { page, close } = await openPage(`${site.url}${LESSON_PATH}`, {
      viewport: { width: 1280, height: 900 },
      beforeGoto: async (p) => {
        await p.addInitScript(() => {
          // Every data-live value each figure takes, in order.
          const seen: Record<string, string[]> = {};
          (window as unknown as { __live: typeof seen }).__live = seen;
          document.addEventListener('DOMContentLoaded', () => {
            document.querySelectorAll<HTMLElement>('lesson-figure').forEach((f, i) => {
              seen[`${i} ${f.dataset.kind}`] = [];
              new MutationObserver(() => seen[`${i} ${f.dataset.kind}`].push(f.dataset.live ?? '')).observe(f, { attributes: true, attributeFilter: ['data-live'] });
            });
          });
        });
      },
    });
    try {
      const zeros = page.locator('lesson-figure[data-kind="cost-curve"]').first();
      await zeros.scrollIntoViewIfNeeded();
      await page.waitForFunction(() => document.querySelector<HTMLElement>('lesson-figure[data-kind="cost-curve"]')?.dataset.live === 'done', null, { timeout: 60_000 });
      const live = await page.evaluate(() => (window as unknown as { __live: Record<string, string[]> }).__live);
      const entries = Object.entries(live);
      // The cost curve on screen streamed its run; the summary table at the end of the page, which shares it, drew no frame of it.
      expect(entries.find(([k]) => k.endsWith('cost-curve'))![1]).toContain('running');
      const table = entries.find(([k]) => k.endsWith('summary-table'))!;
      expect(table[1]).not.toContain('running');
      expect(table[1]).not.toContain('done');
      // Near it, the table starts its other runs and draws them to the end, with the build's numbers.
      await page.locator('lesson-figure[data-kind="summary-table"]').scrollIntoViewIfNeeded();
      await page.waitForFunction(() => document.querySelector<HTMLElement>('lesson-figure[data-kind="summary-table"]')?.dataset.live === 'done', null, { timeout: 120_000 });
      expect(await summaryAccuracies(page)).toEqual(['0.5', '0.742', '0.924']);
    } finally {
      await close();
    }
  }, 180_000);

  it('marks the section being read in the table of contents, after a jump too', async () => {
    const { page } = opened;
    const currentEntry = () => page.evaluate(() => document.querySelector('.toc a[aria-current="location"]')?.getAttribute('href'));
    await page.evaluate(() => document.getElementById('five-schemes-in-lockstep')!.scrollIntoView());
    await page.waitForFunction(() => document.querySelector('.toc a[aria-current="location"]')?.getAttribute('href') === '#five-schemes-in-lockstep');
    await page.evaluate(() => window.scrollTo(0, document.getElementById('zero-initialization')!.getBoundingClientRect().top + window.scrollY - 20));
    await page.waitForFunction(() => document.querySelector('.toc a[aria-current="location"]')?.getAttribute('href') === '#zero-initialization');
    expect(await page.$$eval('.toc a[aria-current]', (a) => a.length)).toBe(1);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForFunction(() => document.querySelector('.toc a[aria-current="location"]')?.getAttribute('href') === '#why-gradients-explode-or-vanish');
    expect(await currentEntry()).toBe('#why-gradients-explode-or-vanish');
  });

  it('keeps every field autofill checks outside the blocks that content-visibility skips', async () => {
    // Chrome's autofill checks each such field after DOMContentLoaded; inside a skipped block, that lays out the block, charts and all.
    const inside = await opened.page.evaluate(() =>
      [...document.querySelectorAll('select, textarea, input:not([type="range"], [type="checkbox"], [type="radio"], [type="button"], [type="hidden"])')]
        .filter((field) => { for (let e = field.parentElement; e; e = e.parentElement) if (getComputedStyle(e).contentVisibility === 'auto') return true; return false; })
        .map((field) => `${field.tagName.toLowerCase()}[data-param="${field.getAttribute('data-param')}"] in ${field.closest('.explorer, .lesson-figure')?.tagName.toLowerCase()}`),
    );
    expect(await opened.page.locator('select').count()).toBeGreaterThan(5);
    expect(inside).toEqual([]);
  });

  it('on a phone, holds the header and the contents still while the scripts of the page start', async () => {
    // Layout shifts that moved anything in the site header, the title block (its status line) or the contents.
    const record = `window.shifts = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) for (const s of e.sources) { const el = s.node?.nodeType === 1 ? s.node : s.node?.parentElement; if (el?.closest('header, .toc')) window.shifts.push((el.className?.baseVal ?? el.className) + ' ' + el.nodeName + ' ' + Math.round(s.previousRect.left) + ',' + Math.round(s.previousRect.top) + '+' + Math.round(s.previousRect.height) + ' → ' + Math.round(s.currentRect.left) + ',' + Math.round(s.currentRect.top) + '+' + Math.round(s.currentRect.height)); } }).observe({ type: 'layout-shift', buffered: true });`;
    const { page, consoleErrors, close } = await openPage(`${site.url}${LESSON_PATH}`, { viewport: { width: 390, height: 844 }, beforeGoto: async (p) => { await p.addInitScript(record); } });
    try {
      // Started: Pagefind drew its button, the theme toggle works, the status line speaks for the live page.
      await page.waitForFunction(() => customElements.get('pagefind-modal-trigger') && document.querySelector('.site-search button')
        && document.querySelector('.theme-toggle')?.checkVisibility() && /your browser recomputes the 17 experiment figures/.test(document.querySelector('.page-status-text')?.textContent ?? ''));
      await page.waitForTimeout(500);
      expect(await page.evaluate(() => (window as unknown as { shifts: string[] }).shifts)).toEqual([]);
      expect(consoleErrors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('on a phone, a figure keeps its height while its run trains: the status line floats over the chart', async () => {
    const { page, consoleErrors, close } = await openPage(`${site.url}${LESSON_PATH}`, { viewport: { width: 390, height: 844 } });
    try {
      // Each frame from the time it scrolls into view until it is done: the figure's height, and whether its status line shows.
      const frames = await page.evaluate(() => new Promise<{ height: number; status: boolean; live: string }[]>((resolve) => {
        const fig = document.querySelector<HTMLElement>('lesson-figure[data-kind="cost-curve"]')!;
        const out: { height: number; status: boolean; live: string }[] = [];
        const sample = () => {
          const line = fig.querySelector<HTMLElement>('.figure-status')!;
          out.push({ height: Math.round(fig.getBoundingClientRect().height), status: !line.hidden, live: fig.dataset.live ?? '' });
          if (fig.dataset.live === 'done' || out.length > 2000) resolve(out);
          else requestAnimationFrame(sample);
        };
        fig.scrollIntoView({ block: 'center' });
        requestAnimationFrame(sample);
      }));
      const training = frames.filter((f) => f.status);
      expect(training.length).toBeGreaterThan(3);
      // From its first frame with the status line up to done, one height.
      const from = frames.indexOf(training[0]);
      expect(new Set(frames.slice(from).map((f) => f.height)), JSON.stringify(frames.slice(from, from + 3))).toEqual(new Set([training[0].height]));
      expect(consoleErrors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('logs no console errors and sends no request off localhost', () => {
    expect(opened.consoleErrors).toEqual([]);
    expect(opened.externalRequests).toEqual([]);
  });

  it('reports its JavaScript and its longest main-thread task while training', async () => {
    const tasks = await longTasks(opened.page);
    // Timings are reported here, never a pass/fail condition (the guide: timings go in `npm run bench`).
    const totalKb = [...scripts.values()].reduce((a, b) => a + b, 0) / 1024;
    const metrics = { javascriptGzippedKb: Math.round(totalKb * 10) / 10, scripts: Object.fromEntries(scripts), allLiveFiguresDoneMs: doneAfterMs, longestTaskMs: Math.max(0, ...tasks) };
    writeFileSync(artifactPath('lesson-metrics.json'), JSON.stringify(metrics, null, 2));
    console.log(`lesson: ${metrics.javascriptGzippedKb} KB of JavaScript (gzipped), all live figures done after ${doneAfterMs} ms, longest task ${metrics.longestTaskMs} ms`);
    expect(totalKb).toBeGreaterThan(0);
  });
});
