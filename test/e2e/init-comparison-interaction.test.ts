/**
 * <InitComparison> in the built lesson, continued: exports (SVG, PNG, CSV, JSON), keyboard-only use,
 * divergence, pausing off screen and reduced motion. Needs a build (DIST_DIR).
 */
import { describe, expect, it } from 'vitest';
import { expectPng } from './support/exports.ts';
import { focusBefore, focused, steady } from './support/island.ts';
import { download, FAST, firstPixel, openComparison, parseSvg, status, summaryRows, trainToEnd, until } from './support/compare-page.ts';
import type { OpenPageOptions } from './support/browser.ts';
import { retryOnFrameStall } from './support/frames.ts';
import { recordShifts, watchIsland } from './support/shifts.ts';
import { serveDist } from './support/site.ts';

const site = serveDist();
const open = (query = '', options: OpenPageOptions = {}) => openComparison(site.url, query, options);

describe('<InitComparison> live: exports, keyboard, divergence, motion', () => {
  it('exports the cost chart, the maps and the summary as SVG, PNG, CSV and JSON', async () => {
    const { page, island, close } = await open(FAST);
    try {
      await trainToEnd(island);
      await page.waitForTimeout(500);
      const costSvg = await parseSvg(page, (await download(page, island, 'cost', 'svg')).toString());
      expect(costSvg).toMatchObject({ root: 'svg', error: false, dangling: 0 });
      const mapsSvg = await parseSvg(page, (await download(page, island, 'maps', 'svg')).toString());
      expect(mapsSvg).toMatchObject({ root: 'svg', error: false, nested: 6, dangling: 0 }); // five maps and the legend; every <use> resolves in the file
      expect(mapsSvg.images).toBe(6);
      for (const figure of ['cost', 'maps']) {
        const png = await download(page, island, figure, 'png');
        expectPng(png);
        expect(firstPixel(png)).toEqual([255, 255, 255, 255]);
      }
      const csv = (await download(page, island, 'summary', 'csv')).toString().trim().split('\r\n').map((l) => l.split(','));
      expect(csv[0]).toEqual(['Scheme', 'Cost', 'Accuracy', 'Iterations to cost ≤ 0.25', 'Divergence']);
      expect(csv.slice(1).map((r) => r[0])).toEqual(['Zeros', 'Normal × 10', 'LeCun', 'Glorot', 'He']);
      const grid = (await download(page, island, 'maps', 'csv')).toString().trim().split('\r\n');
      expect(grid[0]).toBe('scheme,iteration,x1,x2,P(y=1)');
      expect(grid).toHaveLength(1 + 5 * 36 * 36);
      expect(Number(grid[1].split(',')[4])).toBe(0.5);
      const cost = (await download(page, island, 'cost', 'csv')).toString().trim().split('\r\n');
      expect(cost[0]).toBe('iteration,cost: Zeros,cost: Normal × 10,cost: LeCun,cost: Glorot,cost: He');
      const json = JSON.parse((await download(page, island, 'summary', 'json')).toString());
      expect(json.rows.map((r: { accuracy: number }) => r.accuracy)).toHaveLength(5);
    } finally {
      await close();
    }
  });

  it('works from the keyboard alone', async () => {
    const { page, island, close } = await open(FAST);
    try {
      await trainToEnd(island);
      // Start the sequential focus navigation just before the controls, as a reader tabbing through would.
      await focusBefore(island.locator('.compare-intro'));
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.outerHTML)).toContain('value="zeros"');
      await page.keyboard.press('Space');
      await expect.poll(() => island.locator('.compare-map[data-scheme="zeros"]').isHidden()).toBe(true);
      for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
      expect((await focused(page)).logParam).toBe('scale');
      await page.keyboard.press('ArrowLeft');
      expect(await island.locator('output[data-output="scale"]').innerText()).toBe('7.94');
      await page.keyboard.press('Tab');
      await page.keyboard.press('ArrowDown'); // hidden activation: tanh → relu
      expect(await island.locator('select[data-param="hidden"]').inputValue()).toBe('relu');
      await until(island, 'Paused: iteration 0 ');
      // Width, learning rate, iterations, cost axis (one stop for the group), threshold, then Play.
      for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
      expect((await focused(page)).action).toBe('play');
      await page.keyboard.press('Enter');
      await until(island, 'Finished');
      expect((await summaryRows(island))[0][0]).toBe('Normal × 7.94');
      await page.keyboard.press('Tab'); // Step
      await page.keyboard.press('Tab'); // Reset
      await page.keyboard.press('Space');
      await until(island, 'Paused: iteration 0 ');
    } finally {
      await close();
    }
  });

  it('shows divergence and keeps what it computed', async () => {
    const { page, island, close } = await open('?compare.hidden=relu&compare.learningRate=10&compare.scale=0.1&compare.schemes=normal,he&compare.speed=1');
    try {
      await trainToEnd(island);
      await page.waitForTimeout(500);
      const rows = await summaryRows(island);
      expect(rows.map((r) => [r[0], r[4]])).toEqual([['Normal × 0.1', 'diverged at iteration 11'], ['He', 'diverged at iteration 2']]);
      expect(await island.locator('.compare-cost svg').innerHTML()).toContain('diverged at iteration 11');
      for (const [s, at] of [['normal', 11], ['he', 2]] as const) {
        const map = island.locator(`.compare-map[data-scheme="${s}"] svg`);
        expect(await map.locator('[aria-label="text"]').textContent()).toMatch(new RegExp(`iter\\. ${at}$`));
        expect(await map.locator('[aria-label="raster"] image').getAttribute('href')).toMatch(/^data:image\/png;base64,.{100}/);
        // The fill of each dot group: its own path, or a <use> of the page's shared-path sprite (the prerendered points).
        const points = await map.locator('[aria-label="dot"] > g > :last-child').evaluateAll((fills) =>
          fills.reduce((n, f) => n + ((f.tagName === 'use' ? document.querySelector(f.getAttribute('href')!) : f)?.getAttribute('d')?.match(/[Mm]/g)?.length ?? 0), 0),
        );
        expect(points).toBe(1000);
      }
      expect(await island.locator('.compare-cost-caption').innerText()).toContain('then diverged at iteration 2');
    } finally {
      await close();
    }
  });

  it('pauses off screen and resumes when back', async () => {
    const { page, island, close } = await open('?compare.iterations=20000&compare.speed=1');
    try {
      await island.scrollIntoViewIfNeeded();
      await until(island, 'Training in lockstep');
      await page.evaluate(() => window.scrollTo(0, 0));
      // The summary names its iteration once, in its caption (issue 10's lockstep).
      const iteration = () => island.evaluate((el) => Number(/At iteration ([\d,]+)/.exec(el.querySelector('.compare-summary-caption')?.textContent ?? '')?.[1]?.replace(/,/g, '') ?? 0));
      const away = await steady(page, iteration);
      await page.waitForTimeout(1500);
      expect(await iteration()).toBe(away);
      await island.scrollIntoViewIfNeeded();
      await expect.poll(iteration, { timeout: 10_000 }).toBeGreaterThan(away);
      expect(await island.locator('button[data-action="play"]').innerText()).toBe('Pause');
    } finally {
      await close();
    }
  });

  it('on a phone, takes its live size a screen before it is seen, so nothing in it moves while it plays to the end', async () => {
    // A page that draws no frame for 35 s (a wedged renderer, see support/frames.ts) is started over in a fresh browser.
    await retryOnFrameStall(async () => {
      const { page, island, consoleErrors, close } = await open('', { viewport: { width: 390, height: 844 }, beforeGoto: async (p) => { await p.addInitScript(recordShifts('init-comparison')); } });
      try {
        const costChart = () => island.evaluate((el) => Math.round(el.querySelector('.compare-cost')!.getBoundingClientRect().height));
        const prerender = await costChart();
        // Its top 1300 px below the top of the screen: within a screen of it, not on it.
        await island.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 1300));
        await until(island, 'Training in lockstep: iteration [1-9]', 30_000);
        expect(await island.locator('button[data-action="play"]').textContent()).toBe('Play');
        // Drawn at a phone's width the live cost chart is taller than the prerender (720 px wide, scaled down): that happened off screen.
        expect(await costChart()).toBeGreaterThan(prerender * 1.3);
        // Scrolled to as a reader does, and on through it while it plays, then to the end.
        const watched = await watchIsland(page, island, () => until(island, 'Finished'));
        expect(watched.end).toBe(watched.seen);
        console.log(`init comparison at 390 px: layout shift in the island once on screen ${watched.shift.score.toFixed(4)} (${watched.count} entries)`);
        expect(watched.shift.score, watched.shift.entries).toBeLessThan(0.01);
        expect(consoleErrors).toEqual([]);
      } finally {
        await close();
      }
    }, { silentMs: 35_000 }); // as in layout.test.ts
  });

  it('with reduced motion does not animate: it computes to the end and draws once', async () => {
    const { page, island, close } = await open(FAST, { beforeGoto: (p) => p.emulateMedia({ reducedMotion: 'reduce' }) });
    try {
      await island.evaluate((el) => {
        const seen: string[] = [];
        (window as unknown as { statuses: string[] }).statuses = seen;
        new MutationObserver(() => seen.push(el.querySelector('.compare-status-text')!.textContent!)).observe(el.querySelector('.compare-status-text')!, { childList: true, characterData: true, subtree: true });
      });
      await trainToEnd(island);
      const statuses = await page.evaluate(() => (window as unknown as { statuses: string[] }).statuses);
      expect(statuses.some((s) => s.startsWith('Training'))).toBe(false);
      await island.locator('button[data-action="reset"]').click();
      await until(island, 'Paused: iteration 0 ');
      await page.waitForTimeout(500);
      const drawn = await island.evaluate((el) => {
        const box = el.querySelector('.compare-cost')!;
        const count = { n: 0 };
        new MutationObserver(() => count.n++).observe(box, { childList: true });
        (window as unknown as { costDraws: typeof count }).costDraws = count;
        return count.n;
      });
      expect(drawn).toBe(0);
      await island.locator('button[data-action="play"]').click();
      await until(island, 'Finished');
      await page.waitForTimeout(500);
      expect(await page.evaluate(() => (window as unknown as { costDraws: { n: number } }).costDraws.n)).toBe(1);
      expect((await summaryRows(island)).map((r) => r[2])).toEqual(['0.5', '0.741', '0.918', '0.918', '0.918']);
    } finally {
      await close();
    }
  });
});
