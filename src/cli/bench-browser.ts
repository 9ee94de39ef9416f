/**
 * The browser half of `npm run bench`'s site section: what a reader of the built site waits for,
 * measured in headless Debian Chromium (playwright-core, no download). Every number is wall-clock
 * on this machine, so it moves with the machine's load; the caller prints the load beside it.
 */
import { chromium, type Browser, type Page } from 'playwright-core';

/** The flags the browser tests use: quiet on a closed network. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'];

declare global {
  interface Window {
    __benchTasks?: number[];
  }
}

export interface FigureTiming {
  readonly kind: string;
  /** ms from the figure entering the viewport to its first live frame (`data-live` set), or null. */
  readonly firstFrame: number | null;
  /** ms from entering the viewport to `data-live="done"`, or null if not within the wait. */
  readonly done: number | null;
}

export interface ControlTiming {
  readonly label: string;
  /** ms from the change event to the end of the next animation frame's paint. */
  readonly ms: number;
}

export interface ExplorerTiming {
  readonly id: string;
  /** Longest main-thread task (ms) in the seconds after the explorer scrolls into view; 0 if none ≥ 50 ms. */
  readonly longestTask: number;
  readonly controls: ControlTiming[];
}

export interface LessonTiming {
  readonly path: string;
  /** DOMContentLoaded (ms after navigation start), one per load. */
  readonly domContentLoaded: number[];
  readonly firstFigure: FigureTiming | null;
  /** Longest task (ms) from navigation to every live figure done, scrolling like a reader. */
  readonly readingLongestTask: number;
  /** Tasks over 50 ms while reading. */
  readonly readingTasksOver50: number;
  /** ms from navigation until every live figure is done (null if not within the wait). */
  readonly readingAllDone: number | null;
  readonly explorers: ExplorerTiming[];
}

/** Records every long task (≥ 50 ms) from before the page's first script. */
async function observeTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__benchTasks = [];
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__benchTasks?.push(e.duration);
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      // No long-task timing in this browser: nothing is recorded.
    }
  });
}

const tasks = (page: Page): Promise<number[]> => page.evaluate(() => [...(window.__benchTasks ?? [])]);

async function withPage<T>(browser: Browser, url: string, use: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await observeTasks(page);
    await page.goto(url, { waitUntil: 'load' });
    return await use(page);
  } finally {
    await context.close();
  }
}

const allDone = () => [...document.querySelectorAll<HTMLElement>('lesson-figure')].every((f) => f.dataset.live === 'done');

/** The first lesson figure: from scrolling it into view to its first live frame and to done. */
async function firstFigure(page: Page): Promise<FigureTiming | null> {
  await page.waitForTimeout(500);
  const started = await page.evaluate(() => {
    const figure = document.querySelector<HTMLElement>('lesson-figure');
    if (!figure) return null;
    const w = window as unknown as { __fig: { first: number | null; done: number | null; t0: number } };
    w.__fig = { first: figure.dataset.live ? 0 : null, done: figure.dataset.live === 'done' ? 0 : null, t0: 0 };
    new MutationObserver(() => {
      const t = performance.now() - w.__fig.t0;
      if (figure.dataset.live && w.__fig.first === null) w.__fig.first = t;
      if (figure.dataset.live === 'done' && w.__fig.done === null) w.__fig.done = t;
    }).observe(figure, { attributes: true, attributeFilter: ['data-live'] });
    w.__fig.t0 = performance.now();
    figure.scrollIntoView({ block: 'center' });
    return figure.dataset.kind ?? '?';
  });
  if (started === null) return null;
  await page.waitForFunction(() => (window as unknown as { __fig: { done: number | null } }).__fig.done !== null, null, { timeout: 60_000, polling: 100 }).catch(() => undefined);
  const fig = await page.evaluate(() => (window as unknown as { __fig: { first: number | null; done: number | null } }).__fig);
  return { kind: started, firstFrame: fig.first, done: fig.done };
}

/** Scrolls through the page like a quick reader, then waits for every live figure. */
async function readThrough(page: Page): Promise<{ longest: number; over50: number; allDone: number | null }> {
  const height = await page.evaluate(() => document.body.scrollHeight);
  for (let y = 0; y <= height; y += 700) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(250);
  }
  const done = await page.waitForFunction(allDone, null, { timeout: 180_000, polling: 200 }).then(() => true, () => false);
  const at = await page.evaluate(() => performance.now());
  const list = await tasks(page);
  return { longest: Math.max(0, ...list), over50: list.filter((t) => t > 50).length, allDone: done ? at : null };
}

/** Changes one control the way a reader would and times it to the next painted frame. */
async function controlToPaint(page: Page, index: number): Promise<ControlTiming | null> {
  return page.evaluate(async (i) => {
    const el = document.querySelectorAll<HTMLElement>('.__bench-explorer [data-param], .__bench-explorer button[data-action]')[i];
    if (!el || (el as HTMLInputElement).disabled || el.closest('[hidden]') || el.offsetParent === null) return null;
    const label = `${el.dataset.param ?? el.dataset.action}${el instanceof HTMLInputElement ? ` (${el.type}${el.type === 'checkbox' ? ` ${el.value}` : ''})` : el instanceof HTMLSelectElement ? ' (select)' : ' (button)'}`;
    const t0 = performance.now();
    if (el instanceof HTMLSelectElement) {
      el.selectedIndex = (el.selectedIndex + 1) % el.options.length;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    } else if (el instanceof HTMLInputElement && el.type === 'range') {
      const step = Number(el.step) || 1;
      const next = Number(el.value) + step <= Number(el.max) ? Number(el.value) + step : Number(el.value) - step;
      el.value = String(next);
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    } else el.click();
    // rAF runs before the frame's style, layout and paint; a task queued from it runs after them.
    await new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0)));
    return { label, ms: performance.now() - t0 };
  }, index);
}

/** An explorer: longest task when it starts (scrolled into view on a settled page), then every control. */
async function explorerTiming(browser: Browser, url: string, id: string): Promise<ExplorerTiming> {
  return withPage(browser, url, async (page) => {
    await page.waitForTimeout(1500);
    const mark = (await tasks(page)).length;
    await page.evaluate((eid) => {
      const el = document.getElementById(eid)!;
      el.classList.add('__bench-explorer');
      el.scrollIntoView({ block: 'start' });
    }, id);
    await page.waitForTimeout(5000);
    const longestTask = Math.max(0, ...(await tasks(page)).slice(mark));
    const count = await page.evaluate(() => document.querySelectorAll('.__bench-explorer [data-param], .__bench-explorer button[data-action]').length);
    const controls: ControlTiming[] = [];
    for (let i = 0; i < count; i++) {
      const c = await controlToPaint(page, i);
      if (c) controls.push(c);
      await page.waitForTimeout(400);
    }
    return { id, longestTask, controls };
  });
}

/** Every measurement for one lesson page at `url` (served statically). */
export async function lessonTiming(browser: Browser, url: string, path: string, loads = 3): Promise<LessonTiming> {
  const domContentLoaded: number[] = [];
  for (let i = 0; i < loads; i++) {
    domContentLoaded.push(await withPage(browser, url, (page) => page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd)));
  }
  const figure = await withPage(browser, url, firstFigure);
  const reading = await withPage(browser, url, readThrough);
  const ids = await withPage(browser, url, (page) => page.$$eval('.explorer[id]', (els) => els.map((e) => e.id)));
  const explorers: ExplorerTiming[] = [];
  for (const id of ids) explorers.push(await explorerTiming(browser, url, id));
  return {
    path, domContentLoaded, firstFigure: figure, readingLongestTask: reading.longest, readingTasksOver50: reading.over50,
    readingAllDone: reading.allDone, explorers,
  };
}

/** Launches Debian's Chromium (CHROMIUM_PATH overrides /usr/bin/chromium). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}
