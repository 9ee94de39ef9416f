/**
 * The `memory` section of `npm run bench`: on the built site (dist/, served locally) in headless
 * Chromium, re-runs two explorers 100 times each (the init comparison: Reset then Play; gradient
 * flow: Reset) and prints the page's JS heap after a forced garbage collection and its DOM node and
 * event-listener counts after 1, 25, 50 and 100 runs. Workers' heaps are not included (each worker
 * is its own isolate). Short runs (500 and 100 iterations at full speed) keep the section to minutes;
 * what is measured is what each re-run leaves behind. A benchmark: it reports, it never fails.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { distDir, siteBase } from '../../test/e2e/support/paths.ts';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.ts';
import { serveStatic } from '../../test/e2e/support/server.ts';

const LESSON = 'lessons/vanishing-exploding-gradients/';
const CHECKPOINTS = [1, 25, 50, 100];

interface Explorer {
  readonly name: string;
  readonly tag: string;
  readonly query: string;
  /** Starts one more run (the first plays on its own when scrolled to) and waits until it has ended. */
  rerun(page: Page, first: boolean): Promise<void>;
}

const EXPLORERS: readonly Explorer[] = [
  {
    name: 'init comparison',
    tag: 'init-comparison',
    query: 'compare.iterations=500&compare.speed=5',
    async rerun(page, first) {
      const island = page.locator('init-comparison');
      await island.evaluate((el) => (el.querySelector('.compare-announce')!.textContent = ''));
      // Clicked in the page (as the reader's click would land), without Playwright's scrolling and actionability waits.
      if (!first) {
        await island.evaluate((el) => {
          el.querySelector<HTMLButtonElement>('button[data-action="reset"]')!.click();
          const play = el.querySelector<HTMLButtonElement>('button[data-action="play"]')!;
          if (play.getAttribute('aria-pressed') !== 'true') play.click();
        });
      }
      await page.waitForFunction(() => document.querySelector('init-comparison .compare-announce')?.textContent === 'All runs finished.', null, { timeout: 120_000, polling: 50 });
    },
  },
  {
    name: 'gradient flow',
    tag: 'gradient-flow-explorer',
    query: 'flow.iterations=100&flow.speed=5',
    async rerun(page, first) {
      const island = page.locator('gradient-flow-explorer');
      if (!first) {
        await island.evaluate((el) => {
          (el as HTMLElement).dataset.playing = 'pending';
          el.querySelector<HTMLButtonElement>('button[data-action="reset"]')!.click();
        });
      }
      await page.waitForFunction(() => {
        const el = document.querySelector<HTMLElement>('gradient-flow-explorer')!;
        return el.dataset.playing === 'false' && /^(Done|Diverged)/.test(el.querySelector('.flow-status')?.textContent ?? '');
      }, null, { timeout: 120_000, polling: 50 });
    },
  },
];

interface Reading {
  readonly runs: number;
  readonly heapMB: number;
  readonly nodes: number;
  readonly listeners: number;
}

async function read(cdp: CDPSession, runs: number): Promise<Reading> {
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  return { runs, heapMB: heap.usedSize / 2 ** 20, nodes: dom.nodes, listeners: dom.jsEventListeners };
}

async function measure(url: string, explorer: Explorer): Promise<Reading[]> {
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: [...CHROMIUM_ARGS] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${url}${LESSON}?${explorer.query}`);
    const cdp = await page.context().newCDPSession(page);
    await page.locator(explorer.tag).scrollIntoViewIfNeeded();
    const readings: Reading[] = [];
    for (let run = 1; run <= CHECKPOINTS.at(-1)!; run++) {
      await explorer.rerun(page, run === 1);
      if (CHECKPOINTS.includes(run)) readings.push(await read(cdp, run));
    }
    return readings;
  } finally {
    await browser.close();
  }
}

const row = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(22) : c.padStart(10))).join(' ');

/** Prints the memory section; skips (with the reason) when the site is not built or Chromium is missing. */
export async function memoryBench(): Promise<void> {
  console.log(`\nMemory over repeated runs (built site, Chromium; page heap after GC, DOM nodes, listeners) at ${CHECKPOINTS.join(', ')} runs:`);
  if (!existsSync(join(distDir, 'index.html'))) return console.log(`  skipped: no built site in ${distDir} (run \`npm run build\`)`);
  if (!existsSync(chromiumPath)) return console.log(`  skipped: no Chromium at ${chromiumPath}`);
  const server = await serveStatic(distDir, { base: siteBase });
  try {
    console.log(row(['  explorer (settings)', ...CHECKPOINTS.map((n) => `run ${n}`)]));
    for (const explorer of EXPLORERS) {
      const t0 = performance.now();
      const r = await measure(server.url, explorer);
      console.log(row([`  ${explorer.name}`, ...r.map((x) => `${x.heapMB.toFixed(2)} MB`)]));
      console.log(row(['    DOM nodes', ...r.map((x) => String(x.nodes))]));
      console.log(row(['    event listeners', ...r.map((x) => String(x.listeners))]));
      const seconds = (performance.now() - t0) / 1000;
      console.log(`    (${explorer.query}; ${seconds.toFixed(0)} s for ${CHECKPOINTS.at(-1)} runs, page load included)`);
    }
  } finally {
    await server.close();
  }
}
