/**
 * <InitComparison> in the built lesson: prerender without JavaScript, lockstep training in the
 * worker, every control, Reset, URL state, exports, keyboard use, divergence, reduced motion,
 * pausing off screen, long tasks, console errors, network and axe. Needs a build (DIST_DIR).
 */
import { inflateSync } from 'node:zlib';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { artifactPath } from './support/artifacts.ts';
import { formatViolations, runAxe } from './support/axe.ts';
import { openPage, type OpenPageOptions } from './support/browser.ts';
import { expectPng, saveDownload } from './support/exports.ts';
import { focusBefore, focused, LESSON_PATH, setValue } from './support/island.ts';
import { installLongTaskObserver, ISLAND_TASK_BUDGET_MS, longTasks, maxLongTask, readUntilClean } from './support/longtasks.ts';
import { serveDist } from './support/site.ts';

const site = serveDist();
/** Short runs at full speed, for tests about behaviour rather than the default figure. */
const FAST = '?compare.iterations=1000&compare.speed=5';

async function open(query = '', options: OpenPageOptions = {}) {
  const opened = await openPage(`${site.url}${LESSON_PATH}${query}`, options);
  const island = opened.page.locator('init-comparison');
  await island.waitFor();
  return { ...opened, island };
}

const status = async (island: Locator) => (await island.locator('.compare-status-text').textContent()) ?? '';

/** Moves a range input as a reader would: the value, then input and change events. */
const slide = (input: Locator, value: string) => setValue(input, value, ['input', 'change']);

async function until(island: Locator, prefix: string, timeout = 120_000): Promise<void> {
  await island.locator('.compare-status-text', { hasText: new RegExp(`^${prefix}`) }).waitFor({ timeout });
}

/** Scrolls the island into view and waits until its (auto-playing) runs finish. */
async function trainToEnd(island: Locator): Promise<void> {
  await island.scrollIntoViewIfNeeded();
  await until(island, 'Finished');
}

async function summaryRows(island: Locator): Promise<string[][]> {
  return island.locator('.compare-summary tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent ?? '')));
}

async function download(page: Page, island: Locator, figure: string, kind: string): Promise<Buffer> {
  return (await saveDownload(page, island.locator(`[data-export-for="${figure}"] button[data-export="${kind}"]`))).body;
}

async function costs(page: Page, island: Locator): Promise<number[][]> {
  const data = JSON.parse((await download(page, island, 'cost', 'json')).toString()) as { series: { costs: number[] }[] };
  return data.series.map((s) => s.costs);
}

/** RGBA of a PNG's top-left pixel (on the first row every PNG filter leaves the first pixel as is). */
function firstPixel(png: Buffer): number[] {
  const idat: Buffer[] = [];
  for (let i = 8; i < png.length;) {
    const n = png.readUInt32BE(i);
    if (png.toString('latin1', i + 4, i + 8) === 'IDAT') idat.push(png.subarray(i + 8, i + 8 + n));
    i += 12 + n;
  }
  return [...inflateSync(Buffer.concat(idat)).subarray(1, 5)];
}

/** Parses an SVG document in the page; returns its root's name and the parser's error, if any. */
async function parseSvg(page: Page, text: string): Promise<{ root: string; error: boolean; images: number; nested: number }> {
  return page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
    return { root: doc.documentElement.nodeName, error: doc.querySelector('parsererror') !== null, images: doc.querySelectorAll('image').length, nested: doc.querySelectorAll('svg svg').length };
  }, text);
}

describe('<InitComparison> without JavaScript', () => {
  it('is complete: the five trained runs, their maps and the summary', async () => {
    const { island, close } = await open('', { javaScriptEnabled: false });
    try {
      expect(await island.locator('.compare-cost svg').count()).toBe(1);
      expect(await island.locator('.compare-map:not([hidden]) svg').count()).toBe(5);
      expect(await island.locator('.compare-legend svg').count()).toBe(1);
      const rows = await summaryRows(island);
      expect(rows.map((r) => [r[0], r[2], r[3]])).toEqual([
        ['Zeros', '0.5', 'not reached'], ['Normal × 10', '0.742', 'not reached'], ['LeCun', '0.924', '250'], ['Glorot', '0.924', '250'], ['He', '0.924', '240'],
      ]);
      expect(await island.locator('.compare-map[data-scheme="lecun"] svg').getAttribute('aria-label')).toContain('LeCun after 10,000 iterations');
      expect(await island.locator('.compare-map[data-scheme="lecun"] svg image').getAttribute('href')).toMatch(/^data:image\/png;base64,/);
      expect(await island.locator('input[data-param]').first().isDisabled()).toBe(true);
    } finally {
      await close();
    }
  });
});

describe('<InitComparison> live', () => {
  it('trains every scheme in lockstep to the build\'s numbers, without long tasks, errors or external requests', async () => {
    const { page, island, consoleErrors, externalRequests, close } = await open('', { beforeGoto: installLongTaskObserver });
    try {
      const before = (await longTasks(page)).length;
      await island.scrollIntoViewIfNeeded();
      await until(island, 'Training in lockstep');
      // Lockstep: every run's last record is at the same iteration whenever we look.
      for (let i = 0; i < 3; i++) {
        await page.waitForTimeout(700);
        const at = (await summaryRows(island)).map((r) => /iteration ([\d,]+)/.exec(r[1])?.[1]);
        expect(new Set(at).size, at.join(' ')).toBe(1);
      }
      await until(island, 'Finished');
      // If the first run has a long task, replay (Reset, Play) up to four times and require one clean run.
      const attempts = await readUntilClean('init-comparison training run', 5, (ms) => ms <= ISLAND_TASK_BUDGET_MS, async () => {
        await island.locator('button[data-action="reset"]').click();
        await until(island, 'Finished', 5_000).catch(() => undefined);
        const mark = (await longTasks(page)).length;
        const play = island.locator('button[data-action="play"]');
        if ((await play.getAttribute('aria-pressed')) !== 'true') await play.click();
        await until(island, 'Training in lockstep');
        await until(island, 'Finished');
        return maxLongTask(page, mark);
      }, [await maxLongTask(page, before)]);
      expect(Math.min(...attempts)).toBeLessThanOrEqual(ISLAND_TASK_BUDGET_MS);
      const rows = await summaryRows(island);
      expect(rows.map((r) => [r[0], r[1], r[2], r[3], r[4]])).toEqual([
        ['Zeros', '0.6931', '0.5', 'not reached', 'none'], ['Normal × 10', '0.4368', '0.742', 'not reached', 'none'],
        ['LeCun', '0.2116', '0.924', '250', 'none'], ['Glorot', '0.2116', '0.924', '250', 'none'], ['He', '0.2116', '0.924', '240', 'none'],
      ]);
      for (const s of ['zeros', 'normal', 'lecun', 'glorot', 'he']) {
        expect(await island.locator(`.compare-map[data-scheme="${s}"] svg [aria-label="text"]`).textContent()).toMatch(/iter\. 10,000$/);
      }
      await island.screenshot({ path: artifactPath('init-comparison-light.png') });
      expect(consoleErrors).toEqual([]);
      expect(externalRequests).toEqual([]);
    } finally {
      await close();
    }
  });

  it('looks right in the dark theme', async () => {
    const { island, consoleErrors, close } = await open(FAST, { colorScheme: 'dark' });
    try {
      await trainToEnd(island);
      const titles = await island.locator('.compare-map svg [aria-label="text"]').allTextContents();
      expect(titles).toEqual(['Zeros', 'Normal × 10', 'LeCun', 'Glorot', 'He'].map((s) => `${s}, iter. 1,000`));
      await island.screenshot({ path: artifactPath('init-comparison-dark.png') });
      const png = await download(island.page(), island, 'maps', 'png');
      expect(firstPixel(png)).toEqual([0x0d, 0x11, 0x17, 255]); // the dark page's background, not transparent
      expect(consoleErrors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('has no accessibility violations in its default state', async () => {
    const { page, island, close } = await open();
    try {
      await trainToEnd(island);
      const violations = await runAxe(page);
      expect(violations, formatViolations(violations)).toEqual([]);
    } finally {
      await close();
    }
  });

  it('Reset replays the same initial weights: identical costs', async () => {
    const { page, island, close } = await open(FAST);
    try {
      await trainToEnd(island);
      const first = await costs(page, island);
      expect(first).toHaveLength(5);
      expect(first[2]).toHaveLength(1000);
      await island.locator('button[data-action="reset"]').click();
      await until(island, 'Paused: iteration 0 ');
      await island.locator('button[data-action="play"]').click();
      await until(island, 'Finished');
      expect(await costs(page, island)).toEqual(first);
    } finally {
      await close();
    }
  });

  it('every control changes the figure, and the URL restores them all', async () => {
    const { page, island, consoleErrors, close } = await open(FAST);
    try {
      await trainToEnd(island);
      const costSvg = () => island.locator('.compare-cost svg').evaluate((s) => s.outerHTML);
      const summary = () => island.locator('.compare-summary').innerText();
      const changes = async (what: string, act: () => Promise<unknown>, finish = true) => {
        const [c, s] = [await costSvg(), await summary()];
        await act();
        if (finish) await until(island, 'Finished');
        await page.waitForTimeout(400);
        expect(`${what}: ${(await costSvg()) !== c || (await summary()) !== s}`).toBe(`${what}: true`);
      };
      await changes('schemes', () => island.locator('input[data-param="schemes"][value="zeros"]').uncheck(), false);
      expect(await island.locator('.compare-map[data-scheme="zeros"]').isHidden()).toBe(true);
      await changes('hidden', () => island.locator('select[data-param="hidden"]').selectOption('relu').then(() => island.locator('button[data-action="play"]').click()));
      await changes('width', () => slide(island.locator('input[data-param="width"]'), '5').then(() => island.locator('button[data-action="play"]').click()));
      expect(await island.locator('.compare-network').innerText()).toBe('[2, 5, 1]');
      await changes('learning rate', () => island.locator('select[data-param="learningRate"]').selectOption('0.5').then(() => island.locator('button[data-action="play"]').click()));
      await changes('iterations', () => island.locator('select[data-param="iterations"]').selectOption('500').then(() => island.locator('button[data-action="play"]').click()));
      expect(await status(island)).toContain('of 500');
      await changes('scale', () => slide(island.locator('input[data-log-param="scale"]'), '-1').then(() => island.locator('button[data-action="play"]').click()));
      expect(await island.locator('output[data-output="scale"]').innerText()).toBe('0.1');
      expect((await summaryRows(island))[0][0]).toBe('Normal × 0.1');
      await changes('cost axis', () => island.locator('input[data-param="yScale"][value="log"]').check(), false);
      expect(await island.locator('.compare-cost svg').getAttribute('aria-label')).toContain('log scale');
      await changes('threshold', () => island.locator('select[data-param="threshold"]').selectOption('0.5'), false);
      expect(await island.locator('.compare-summary thead').innerText()).toContain('Iterations to cost ≤ 0.5');
      await changes('new seed', () => island.locator('button[data-action="new-seed"]').click().then(() => island.locator('button[data-action="play"]').click()));
      // Speed is iterations per chunk: one Step goes 25 iterations at ×2.
      await slide(island.locator('input[data-param="speed"]'), '2');
      await island.locator('button[data-action="reset"]').click();
      await island.locator('button[data-action="step"]').click();
      await until(island, 'Paused: iteration 25 of 500');
      const url = page.url();
      const seed = new URL(url).searchParams.get('compare.seed');
      expect(seed).toMatch(/^\d+$/);
      expect(Object.fromEntries([...new URL(url).searchParams].filter(([k]) => k.startsWith('compare.')))).toEqual({
        'compare.schemes': 'normal,lecun,glorot,he', 'compare.hidden': 'relu', 'compare.width': '5', 'compare.learningRate': '0.5',
        'compare.iterations': '500', 'compare.scale': '0.1', 'compare.seed': seed, 'compare.yScale': 'log', 'compare.threshold': '0.5', 'compare.speed': '2',
      });
      const before = await summaryRows(island);
      await island.locator('button[data-action="play"]').click();
      await until(island, 'Finished');
      const finished = await summaryRows(island);
      expect(consoleErrors).toEqual([]);
      await close();
      // Reload the printed URL: same settings, same runs.
      const again = await open(new URL(url).search);
      try {
        const values = await again.island.evaluate((el) => ({
          zeros: (el.querySelector('input[value="zeros"]') as HTMLInputElement).checked,
          hidden: (el.querySelector('select[data-param="hidden"]') as HTMLSelectElement).value,
          width: (el.querySelector('input[data-param="width"]') as HTMLInputElement).value,
          lr: (el.querySelector('select[data-param="learningRate"]') as HTMLSelectElement).value,
          iterations: (el.querySelector('select[data-param="iterations"]') as HTMLSelectElement).value,
          scale: (el.querySelector('input[data-log-param="scale"]') as HTMLInputElement).value,
          log: (el.querySelector('input[data-param="yScale"][value="log"]') as HTMLInputElement).checked,
          threshold: (el.querySelector('select[data-param="threshold"]') as HTMLSelectElement).value,
          speed: (el.querySelector('input[data-param="speed"]') as HTMLInputElement).value,
        }));
        expect(values).toEqual({ zeros: false, hidden: 'relu', width: '5', lr: '0.5', iterations: '500', scale: '-1', log: true, threshold: '0.5', speed: '2' });
        await trainToEnd(again.island);
        expect(await summaryRows(again.island)).toEqual(finished);
        expect(before.length).toBe(4);
        expect(again.consoleErrors).toEqual([]);
      } finally {
        await again.close();
      }
    } finally {
      await close().catch(() => undefined);
    }
  });

  it('ignores bad link settings with a notice, as text', async () => {
    const { island, close } = await open('?compare.width=99&compare.hidden=%3Cb%3Ex%3C/b%3E&compare.schemes=he');
    try {
      const notice = island.locator('.explorer-notice');
      expect(await notice.textContent()).toContain('compare.width=99');
      expect(await notice.locator('b').count()).toBe(0);
      expect(await island.locator('input[data-param="width"]').inputValue()).toBe('3');
      expect(await island.locator('.compare-map:not([hidden])').count()).toBe(1);
    } finally {
      await close();
    }
  });

  it('exports the cost chart, the maps and the summary as SVG, PNG, CSV and JSON', async () => {
    const { page, island, close } = await open(FAST);
    try {
      await trainToEnd(island);
      await page.waitForTimeout(500);
      const costSvg = await parseSvg(page, (await download(page, island, 'cost', 'svg')).toString());
      expect(costSvg).toMatchObject({ root: 'svg', error: false });
      const mapsSvg = await parseSvg(page, (await download(page, island, 'maps', 'svg')).toString());
      expect(mapsSvg).toMatchObject({ root: 'svg', error: false, nested: 6 }); // five maps and the legend
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
        const points = await map.locator('[aria-label="dot"] path:last-child').evaluateAll((paths) => paths.reduce((n, p) => n + (p.getAttribute('d')?.match(/M/g)?.length ?? 0), 0));
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
      await page.waitForTimeout(800);
      const iteration = () => island.evaluate((el) => Math.max(...[...el.querySelectorAll('.compare-summary tbody tr td:nth-child(2)')].map((td) => Number(/iteration ([\d,]+)/.exec(td.textContent ?? '')?.[1]?.replace(/,/g, '') ?? 0))));
      const away = await iteration();
      await page.waitForTimeout(1500);
      expect(await iteration()).toBe(away);
      await island.scrollIntoViewIfNeeded();
      await expect.poll(iteration, { timeout: 10_000 }).toBeGreaterThan(away);
      expect(await island.locator('button[data-action="play"]').innerText()).toBe('Pause');
    } finally {
      await close();
    }
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
