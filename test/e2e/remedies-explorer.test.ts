/**
 * <remedies-explorer> in headless Chromium, on the third lesson: the prerender is complete without
 * JavaScript, the controls and the variant list change the figures and the URL, the URL round-trips,
 * exports are valid, the keyboard alone works, the island pauses off screen, nothing in it moves on a
 * phone while it plays, axe finds nothing.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../fixtures/csv.ts';
import { openPage, type OpenPageOptions } from './support/browser.ts';
import { expectPng, saveDownload } from './support/exports.ts';
import { retryOnFrameStall } from './support/frames.ts';
import { inBothSchemes, setValue, steady } from './support/island.ts';
import { recordShifts, watchIsland } from './support/shifts.ts';
import { serveDist } from './support/site.ts';

const site = serveDist();
const PATH = 'lessons/beyond-initialization/';
const ISLAND = `remedies-explorer[data-defaults*='"urlKey":"remedies"']`;
/** A small network, so each run takes a fraction of a second. */
const SMALL = '?remedies.depth=3&remedies.width=4&remedies.iterations=100&remedies.variants=plain,residual';

async function open(search = '', options: OpenPageOptions = {}) {
  const opened = await openPage(`${site.url}${PATH}${search}`, { viewport: { width: 1280, height: 900 }, ...options });
  if (options.javaScriptEnabled !== false) await opened.page.waitForSelector(`${ISLAND}[data-ready="true"]`);
  return opened;
}

const show = (page: Page) => page.locator(`${ISLAND} button[data-action="play"]`).scrollIntoViewIfNeeded();

async function state(page: Page) {
  return page.locator(ISLAND).evaluate((el) => ({
    status: el.querySelector('.remedies-status')!.textContent!,
    figures: [...el.querySelectorAll<HTMLElement>('[data-chart]')].filter((f) => !f.hidden).map((f) => ({
      chart: f.dataset.chart, title: f.querySelector('.figure-title')!.textContent, caption: f.querySelector('.figure-caption')?.textContent,
      svg: f.querySelectorAll('.figure-body svg').length, rows: f.querySelectorAll('.figure-table tbody tr').length,
    })),
    summary: [...el.querySelectorAll('[data-chart="summary"] tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent)),
    controls: Object.fromEntries([...el.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-param]:not([type="checkbox"]), [data-log]')].map((c) => [c.dataset.param ?? c.dataset.log, c.value])),
    variants: [...el.querySelectorAll<HTMLInputElement>('input[type="checkbox"][data-param="variants"]')].filter((c) => c.checked).map((c) => c.value),
  }));
}

async function settled(page: Page) {
  await page.waitForFunction((island) => {
    const el = document.querySelector(island)!;
    return /^Done/.test(el.querySelector('.remedies-status')!.textContent!) && el.querySelector('button[data-action="play"]')!.textContent === 'Play';
  }, ISLAND, { timeout: 120_000, polling: 100 });
  return steady(page, () => state(page)); // the last charts land one per frame
}

async function download(page: Page, chart: string, kind: string) {
  await page.waitForTimeout(300);
  const file = await saveDownload(page, page.locator(`${ISLAND} [data-export-for="${chart}"] button[data-export="${kind}"]`), 20_000);
  expect(file.name).toBe(`remedies-${chart}.${kind}`);
  return file.body;
}

describe('remedies explorer', () => {
  it('is complete without JavaScript: four gradient charts, the cost curves and the summary of the default run', async () => {
    const { page, close } = await open('', { javaScriptEnabled: false });
    try {
      const s = await state(page);
      expect(s.status).toBe('Computed when the site was built: Done: 1,000 iterations');
      expect(s.figures.map((f) => f.chart)).toEqual(['gradients-0', 'gradients-1', 'gradients-2', 'gradients-3', 'costs', 'summary']);
      for (const f of s.figures.slice(0, 5)) expect(f.svg, f.chart!).toBe(1);
      expect(s.summary.map((r) => r[0])).toEqual(['plain gradient descent', 'clipped (global norm ≤ 1)', 'residual', 'batch-normalized']);
      expect(s.summary[0][1]).toBe('not reached');
      expect(s.summary[1][3]).toBe('0');
    } finally {
      await close();
    }
  });

  it('changes the figures with every control and the variant list; the URL round-trips', async () => {
    const { page, consoleErrors, externalRequests, close } = await open(SMALL);
    try {
      await show(page);
      let last = await settled(page);
      expect(last.status).toBe('Done: 100 iterations');
      expect(last.figures.map((f) => f.chart)).toEqual(['gradients-0', 'gradients-1', 'costs', 'summary']);
      expect(last.variants).toEqual(['plain', 'residual']);
      const changes: [string, string, string][] = [
        ['input[data-param="depth"]', '5', 'depth'],
        ['input[data-param="width"]', '6', 'width'],
        ['select[data-param="hidden"]', 'relu', 'hidden'],
        ['input[data-log="scale"]', '-0.5', 'scale'],
        ['select[data-param="batchSize"]', '128', 'batchSize'],
        ['input[data-param="iterations"]', '200', 'iterations'],
      ];
      for (const [selector, value, key] of changes) {
        await setValue(page.locator(`${ISLAND} ${selector}`), value);
        const s = await settled(page);
        expect(JSON.stringify(s.figures), `${key} changes the figures`).not.toBe(JSON.stringify(last.figures));
        expect(new URL(page.url()).searchParams.has(`remedies.${key}`), key).toBe(true);
        last = s;
      }
      expect(last.figures[0].title).toBe('plain gradient descent: ‖dW[l]‖ of each of the 6 layers');
      await page.locator(`${ISLAND} input[data-param="variants"][value="adam"]`).check();
      const three = await settled(page);
      expect(three.variants).toEqual(['plain', 'residual', 'adam']);
      expect(three.figures.map((f) => f.chart)).toEqual(['gradients-0', 'gradients-1', 'gradients-2', 'costs', 'summary']);
      expect(three.summary.map((r) => r[0])).toEqual(['plain gradient descent', 'residual', 'Adam']);
      expect(new URL(page.url()).searchParams.get('remedies.variants')).toBe('plain,residual,adam');

      const again = await open(new URL(page.url()).search);
      try {
        await show(again.page);
        const restored = await settled(again.page);
        expect(restored.controls).toEqual(three.controls);
        expect(restored.figures).toEqual(three.figures);
        expect(restored.summary).toEqual(three.summary);
        expect(again.consoleErrors).toEqual([]);
      } finally {
        await again.close();
      }
      expect(consoleErrors).toEqual([]);
      expect(externalRequests).toEqual([]);
    } finally {
      await close();
    }
  });

  it('falls back with a visible notice for a bad URL setting', async () => {
    const { page, close } = await open('?remedies.variants=plain,warp&remedies.depth=3');
    try {
      const notice = page.locator(`${ISLAND} .explorer-notice`);
      expect(await notice.isVisible()).toBe(true);
      expect(await notice.textContent()).toMatch(/remedies\.variants/);
      expect((await state(page)).variants).toEqual(['plain', 'clipped', 'residual', 'batchnorm']);
      // A tick past the list's bounds is undone, and the notice says why; the settings and the address keep what they had.
      const box = (v: string) => page.locator(`${ISLAND} input[data-param="variants"][value="${v}"]`);
      const url = page.url();
      await box('adam').click();
      expect(await box('adam').isChecked()).toBe(false);
      expect(await notice.textContent()).toBe('Variants (one to four): at most 4 at once; untick one first.');
      for (const v of ['clipped', 'residual', 'batchnorm']) await box(v).click();
      expect(await notice.isVisible()).toBe(false);
      await box('plain').click();
      expect(await box('plain').isChecked()).toBe(true);
      expect(await notice.textContent()).toBe('Variants (one to four): at least 1 must stay ticked.');
      expect((await state(page)).variants).toEqual(['plain']);
      expect(new URL(page.url()).searchParams.get('remedies.variants')).toBe('plain');
      expect(url).not.toBe(page.url());
    } finally {
      await close();
    }
  });

  it('exports valid SVG, PNG, CSV and JSON', async () => {
    const { page, consoleErrors, close } = await open(SMALL);
    try {
      await show(page);
      await settled(page);
      for (const chart of ['gradients-0', 'costs']) {
        const svg = (await download(page, chart, 'svg')).toString();
        expect(svg).toMatch(/^(<\?xml[^>]*>\s*)?<svg/);
        expectPng(await download(page, chart, 'png'), chart);
        const rows = parseCsv((await download(page, chart, 'csv')).toString());
        expect(rows.length, chart).toBeGreaterThan(10);
        const json = JSON.parse((await download(page, chart, 'json')).toString());
        expect(json.settings).toMatchObject({ depth: 3, width: 4, iterations: 100, variants: ['plain', 'residual'] });
        expect(json.table.columns).toEqual(rows[0]);
      }
      const gradients = parseCsv((await download(page, 'gradients-0', 'csv')).toString());
      expect(gradients[0]).toEqual(['iteration', '‖dW[1]‖', '‖dW[2]‖', '‖dW[3]‖', '‖dW[4]‖']);
      const summary = parseCsv((await download(page, 'summary', 'csv')).toString());
      expect(summary[0][0]).toBe('variant');
      expect(summary.slice(1, 3).map((r) => r[0])).toEqual(['plain gradient descent', 'residual']);
      expect(consoleErrors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('works with the keyboard alone, and pauses off screen', async () => {
    const { page, consoleErrors, close } = await open(SMALL);
    try {
      await show(page);
      await settled(page);
      await page.locator(`${ISLAND} input[data-param="variants"][value="batchnorm"]`).focus();
      await page.keyboard.press('Space');
      const s = await settled(page);
      expect(s.variants).toEqual(['plain', 'residual', 'batchnorm']);
      // A long run: play, scroll away, and it pauses; back on screen it resumes.
      await setValue(page.locator(`${ISLAND} input[data-param="iterations"]`), '5000');
      await page.waitForFunction((island) => /^Iteration/.test(document.querySelector(`${island} .remedies-status`)!.textContent!), ISLAND);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForFunction((island) => document.querySelector(`${island} button[data-action="play"]`)!.textContent === 'Play', ISLAND);
      // A chunk already in flight when the pause was sent still lands: read once the page holds still.
      const paused = (await steady(page, () => state(page))).status;
      await page.waitForTimeout(800);
      expect((await state(page)).status).toBe(paused);
      await show(page);
      await page.waitForFunction((island) => document.querySelector(`${island} button[data-action="play"]`)!.textContent === 'Pause', ISLAND);
      expect(consoleErrors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('adds a variant after another was dropped mid-run, and its controls still work', async () => {
    const { page, consoleErrors, close } = await open(SMALL.replace('iterations=100', 'iterations=5000'));
    const play = page.locator(`${ISLAND} button[data-action="play"]`);
    const label = (text: string) => page.waitForFunction(([island, t]) => document.querySelector(`${island} button[data-action="play"]`)!.textContent === t, [ISLAND, text]);
    try {
      await show(page);
      await page.waitForFunction((island) => /^Iteration/.test(document.querySelector(`${island} .remedies-status`)!.textContent!), ISLAND);
      // The dropped run stays paused where it was; with the others paused too, ticking Adam once read the
      // variant list before Adam's run existed, threw, and left every button dead.
      await page.locator(`${ISLAND} input[data-param="variants"][value="plain"]`).uncheck();
      await label('Pause');
      await play.click();
      await label('Play');
      await page.locator(`${ISLAND} input[data-param="variants"][value="adam"]`).check();
      await page.waitForFunction((island) => document.querySelector(`${island} [data-chart="gradients-1"] .figure-title`)!.textContent!.startsWith('Adam'), ISLAND);
      await label('Pause');
      await play.click();
      await label('Play');
      expect((await state(page)).variants).toEqual(['residual', 'adam']);
      expect(consoleErrors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('on a phone, takes its live size a screen before it is seen, and nothing in it moves while it plays to the end', async () => {
    await retryOnFrameStall(async () => {
      const { page, consoleErrors, close } = await open('', { viewport: { width: 390, height: 844 }, beforeGoto: async (p) => { await p.addInitScript(recordShifts(ISLAND)); } });
      const island = page.locator(ISLAND);
      try {
        const bodies = () => island.evaluate((el) => [...el.querySelectorAll('.figure-body')].map((b) => Math.round(b.getBoundingClientRect().height)));
        const prerender = await bodies();
        // Its top 1300 px below the top of the screen: within a screen of it, not on it.
        await island.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 1300));
        await page.waitForFunction((i) => /^Iteration [1-9]/.test(document.querySelector(`${i} .remedies-status`)!.textContent!), ISLAND, { timeout: 30_000 });
        const primed = await steady(page, bodies);
        expect(await island.locator('button[data-action="play"]').textContent()).toBe('Play');
        // Drawn at a phone's width the live charts are taller than the prerender (640 px wide, scaled down): that happened off screen.
        for (const [i, h] of primed.entries()) expect(h, `chart ${i}`).toBeGreaterThan(prerender[i] * 1.4);
        const watched = await watchIsland(page, island, async () => expect((await settled(page)).status).toBe('Done: 1,000 iterations'));
        expect(watched.end).toBe(watched.seen);
        console.log(`remedies explorer at 390 px: layout shift in the island once on screen ${watched.shift.score.toFixed(4)} (${watched.count} entries)`);
        expect(watched.shift.score, watched.shift.entries).toBeLessThan(0.01);
        expect(consoleErrors).toEqual([]);
      } finally {
        await close();
      }
    }, { silentMs: 35_000 }); // as in layout.test.ts
  });

  it('passes axe and looks right in light and dark', async () => {
    await inBothSchemes(ISLAND, 'remedies-explorer', (options) => open(SMALL, options), async (page) => {
      await show(page);
      expect((await settled(page)).status).toBe('Done: 100 iterations');
    });
  });
});
