/**
 * <deep-linear-explorer> in headless Chromium: every control changes the figure, Reset restores the
 * component's values, the URL round-trips, exports are valid, the keyboard alone works, the sweep
 * keeps the main thread responsive, reduced motion jumps to the end, axe finds nothing.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { OpenedPage, OpenPageOptions } from './support/browser.ts';
import { expectPng, saveDownload, svgRoot } from './support/exports.ts';
import { focusBefore, focused, inBothSchemes, openIsland, setValue } from './support/island.ts';
import { installLongTaskObserver, ISLAND_TASK_BUDGET_MS, longTasks, maxLongTask, readUntilClean } from './support/longtasks.ts';
import { serveDist } from './support/site.ts';

const ISLAND = 'deep-linear-explorer';
const site = serveDist();

/** What the reader sees: control values, the factor, the title and the data table. */
async function state(page: Page) {
  return page.locator(ISLAND).evaluate((el) => ({
    a: (el.querySelector('input[data-param="a"]') as HTMLInputElement).value,
    depth: (el.querySelector('input[data-param="depth"]') as HTMLInputElement).value,
    speed: (el.querySelector('input[data-param="speed"]') as HTMLInputElement).value,
    shown: (el.querySelector('[data-figure="chart"]') as HTMLElement).dataset.shown,
    title: el.querySelector('.deep-linear-title')!.textContent,
    factor: el.querySelector('.deep-linear-factor')!.textContent,
    gradient: el.querySelector('.deep-linear-gradient')!.textContent,
    limits: el.querySelector('.deep-linear-limits')!.textContent,
    table: el.querySelector('.deep-linear-table')!.textContent,
    points: el.querySelectorAll('.deep-linear-body svg g[aria-label="dot"]:not([aria-hidden]) circle').length,
  }));
}

/** Sets a range input as a drag would (value + input event). */
const slide = (page: Page, param: string, value: number) => setValue(page.locator(`${ISLAND} input[data-param="${param}"]`), value);

const shownIs = (page: Page, shown: string) =>
  page.waitForFunction((s) => (document.querySelector('deep-linear-explorer [data-figure="chart"]') as HTMLElement)?.dataset.shown === s, shown, { timeout: 20_000 });

const open = (search = '', options: OpenPageOptions = {}): Promise<OpenedPage> => openIsland(site.url, ISLAND, search, options);

describe('deep linear explorer', () => {
  it('shows the prerendered default state, passes axe, and looks right in light and dark', async () => {
    await inBothSchemes(ISLAND, ISLAND, (options) => open('', options), async (page) => {
      const s = await state(page);
      expect(s).toMatchObject({ a: '1.5', depth: '10', speed: '3', shown: '1.5,10', factor: '1.5⁸ = 25.63', title: 'Norms through 10 layers with W[l] = 1.5·I' });
      expect(s.points).toBeGreaterThanOrEqual(30);
    });
  });

  it('leaves its prerender alone while off screen, and draws it at the width of its box once on screen', async () => {
    const { page, consoleErrors, close } = await openIsland(site.url, ISLAND, '', { scroll: false, viewport: { width: 390, height: 844 } });
    try {
      const drawn = () => page.locator(`${ISLAND} [data-figure="chart"]`).evaluate((f: HTMLElement) => ({
        width: f.dataset.width, svg: f.querySelector('.deep-linear-body svg')!.getAttribute('width'), box: f.querySelector('.deep-linear-body')!.clientWidth,
      }));
      await page.waitForTimeout(1500); // the page has settled: its other islands started
      const before = await drawn();
      expect(before.width).toBeUndefined();
      expect(before.svg).toBe('640'); // the build's default width
      await page.locator(ISLAND).scrollIntoViewIfNeeded();
      await page.waitForFunction((island) => (document.querySelector(`${island} [data-figure="chart"]`) as HTMLElement).dataset.width !== undefined, ISLAND);
      const after = await drawn();
      expect(after.svg).toBe(String(after.box));
      expect(after.box).toBeLessThan(390);
      expect(consoleErrors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('changes the figure with every control; Reset restores the component\'s values exactly', async () => {
    const { page, consoleErrors, close } = await open();
    try {
      const initial = await state(page);
      await slide(page, 'a', 0.8);
      await shownIs(page, '0.8,10');
      const a = await state(page);
      expect(a.factor).toBe('0.8⁸ = 0.1678');
      expect(a.limits).toMatch(/would fall below the smallest normal float64/);
      expect(a.table).not.toBe(initial.table);
      await slide(page, 'depth', 30);
      await shownIs(page, '0.8,30');
      expect((await state(page)).factor).toBe('0.8²⁸ = 0.001934');
      expect((await state(page)).points).toBe(90); // 3 quantities × 30 layers
      await page.click(`${ISLAND} button[data-action="step"]`);
      await shownIs(page, '0.8,31');
      await slide(page, 'a', 1);
      await shownIs(page, '1,31');
      expect((await state(page)).limits).toMatch(/^With a = 1 every layer passes its input on unchanged/);
      await slide(page, 'speed', 5);
      expect(new URL(page.url()).searchParams.get('deep-linear.speed')).toBe('5');
      await page.click(`${ISLAND} button[data-action="reset"]`);
      await shownIs(page, '1.5,10');
      const reset = await state(page);
      expect({ ...reset, speed: initial.speed }).toEqual(initial);
      expect(consoleErrors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('plays the depth sweep to 50 and stops (reports its longest main-thread task)', async () => {
    const { page, consoleErrors, close } = await open('?deep-linear.speed=5', { beforeGoto: installLongTaskObserver });
    try {
      // A timing is reported here, never a pass/fail condition (the guide: timings go in `npm run bench`).
      await readUntilClean('deep-linear sweep 40 → 50', 1, (ms) => ms < ISLAND_TASK_BUDGET_MS, async () => {
        await slide(page, 'depth', 40);
        await shownIs(page, '1.5,40');
        await page.waitForTimeout(300);
        const before = (await longTasks(page)).length;
        await page.click(`${ISLAND} button[data-action="play"]`);
        expect(await page.locator(`${ISLAND} button[data-action="play"]`).textContent()).toBe('Pause');
        await shownIs(page, '1.5,50');
        await page.waitForFunction(() => document.querySelector('deep-linear-explorer button[data-action="play"]')!.textContent === 'Play');
        await page.waitForTimeout(200);
        return maxLongTask(page, before);
      });
      const s = await state(page);
      expect(s.depth).toBe('50');
      expect(s.factor).toBe('1.5⁴⁸ = 2.834 × 10⁸');
      // Play again from the end starts over at depth 2; Pause stops it.
      await page.click(`${ISLAND} button[data-action="play"]`);
      await page.click(`${ISLAND} button[data-action="play"]`);
      const stopped = Number((await state(page)).depth);
      expect(stopped).toBeLessThan(50);
      await page.waitForTimeout(300);
      expect(Number((await state(page)).depth)).toBe(stopped);
      expect(consoleErrors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('jumps straight to depth 50 with prefers-reduced-motion', async () => {
    const { page, close } = await open('', { beforeGoto: (p) => p.emulateMedia({ reducedMotion: 'reduce' }) });
    try {
      await page.click(`${ISLAND} button[data-action="play"]`);
      await shownIs(page, '1.5,50');
      expect(await page.locator(`${ISLAND} button[data-action="play"]`).getAttribute('aria-pressed')).toBe('false');
    } finally {
      await close();
    }
  });

  it('round-trips its state through the URL', async () => {
    const first = await open();
    let url: string;
    let before: Awaited<ReturnType<typeof state>>;
    try {
      await slide(first.page, 'a', 1.23);
      await slide(first.page, 'depth', 17);
      await shownIs(first.page, '1.23,17');
      url = first.page.url();
      expect(new URL(url).search).toBe('?deep-linear.a=1.23&deep-linear.depth=17');
      before = await state(first.page);
    } finally {
      await first.close();
    }
    const second = await open(new URL(url).search);
    try {
      await shownIs(second.page, '1.23,17');
      expect(await state(second.page)).toEqual(before);
      expect(await second.page.locator(`${ISLAND} .explorer-notice`).isHidden()).toBe(true);
    } finally {
      await second.close();
    }
  });

  it('exports a valid SVG, a PNG and parseable CSV and JSON', async () => {
    const { page, close } = await open();
    try {
      const save = (kind: string) => saveDownload(page, page.locator(`${ISLAND} button[data-export="${kind}"]`));
      const svg = await save('svg');
      expect(svg.name).toBe('deep-linear-chart.svg');
      const root = svgRoot(svg.body);
      expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
      // Its own size, not the page's responsive one (width: 100% would stretch it to a viewer's window).
      expect(Number(root.getAttribute('width'))).toBeGreaterThan(100);
      expect(root.getAttribute('style') ?? '').not.toMatch(/(^|;)\s*(max-)?(width|height)\s*:/);
      expect(root.querySelectorAll('circle').length).toBeGreaterThanOrEqual(30);
      expectPng((await save('png')).body);
      const csv = (await save('csv')).body.toString('utf8').trim().split('\r\n').map((l) => l.split(','));
      expect(csv[0]).toEqual(['layer l', '‖A[l]‖ measured', '‖A[l]‖ closed form', '‖dZ[l]‖ measured', '‖dZ[l]‖ closed form', '‖dW[l]‖ measured', '‖dW[l]‖ closed form']);
      expect(csv).toHaveLength(11);
      expect(csv.slice(1).every((r) => r.length === 7 && r.every((c) => Number.isFinite(Number(c))))).toBe(true);
      const json = JSON.parse((await save('json')).body.toString('utf8'));
      expect(json).toMatchObject({ a: 1.5, L: 10 });
      expect(json.forwardMeasured).toHaveLength(10);
    } finally {
      await close();
    }
  });

  it('works with the keyboard alone', async () => {
    const { page, close } = await open();
    try {
      await page.locator(ISLAND).evaluate((el) => el.scrollIntoView());
      await focusBefore(page.locator(`${ISLAND} h3`));
      // Tab into the island's first control: the a slider.
      await page.keyboard.press('Tab');
      expect((await focused(page)).param).toBe('a');
      await page.keyboard.press('ArrowRight');
      await shownIs(page, '1.51,10');
      await page.keyboard.press('Tab');
      await page.keyboard.press('ArrowLeft');
      await shownIs(page, '1.51,9');
      await page.keyboard.press('Tab'); // Play
      await page.keyboard.press('Tab'); // Step
      expect((await focused(page)).action).toBe('step');
      await page.keyboard.press('Enter');
      await shownIs(page, '1.51,10');
      await page.keyboard.press('Space');
      await shownIs(page, '1.51,11');
      await page.keyboard.press('Tab'); // Reset
      await page.keyboard.press('Enter');
      await shownIs(page, '1.5,10');
      expect((await state(page)).factor).toBe('1.5⁸ = 25.63');
    } finally {
      await close();
    }
  });
});
