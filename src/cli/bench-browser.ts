/**
 * The browser half of `npm run bench`'s site section: what a reader of the built site waits for,
 * measured in headless Debian Chromium (playwright-core, no download). Every number is wall-clock
 * on this machine, so it moves with the machine's load; the caller prints the load beside it.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { longest, mainThreadTasks, TASK_CATEGORIES } from './bench-trace.ts';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.ts';
import { installLongTaskObserver, longTasks, maxLongTask } from './longtasks.ts';


export interface FigureTiming {
  readonly kind: string;
  /** ms from the figure entering the viewport to its first live frame (`data-live` set), or null. */
  readonly firstFrame: number | null;
  /** ms from entering the viewport to `data-live="done"`, or null if not within the wait. */
  readonly done: number | null;
  /**
   * The lesson's experiments (`<lesson-experiment>`, by id) with the ms from the first figure entering the
   * viewport to their run being done, or null for those not done 5 s after that figure (not started: far away).
   */
  readonly experiments: readonly { readonly id: string; readonly done: number | null }[];
}

export interface ControlTiming {
  readonly label: string;
  /** ms from the change event to the end of the next animation frame's paint. */
  readonly ms: number;
}

export interface TrainingTiming {
  /** Seconds from scrolling the explorer into view until its run stopped playing; null if not within the wait. */
  readonly seconds: number | null;
  /** Longest main-thread task (ms) over that time; 0 if none ≥ 50 ms. */
  readonly longestTask: number;
  /** Tasks over 50 ms over that time. */
  readonly over50: number;
  /** The most CPU time (ms) one main-thread task used over that time (from a trace): its cost without the machine's load. */
  readonly longestTaskCpu: number;
}

/** A reader who follows a link to an explorer (`#id`): the page loads already scrolled to it. */
export interface LandingTiming {
  /** Longest main-thread task (ms) from navigation to 5 s after load; 0 if none ≥ 50 ms. */
  readonly longestTask: number;
  /** Tasks over 50 ms over that time. */
  readonly over50: number;
  /** The most CPU time (ms) one main-thread task used over that time (from a trace). */
  readonly longestTaskCpu: number;
}

export interface ExplorerTiming {
  readonly id: string;
  /** Loading the page from a link to the explorer. */
  readonly landing: LandingTiming;
  /** ms from scrolling into view to the first chart it draws live (an svg put in the page), or null if none in 5 s. */
  readonly firstFrame: number | null;
  /** Longest main-thread task (ms) in the 5 s after the explorer scrolls into view; 0 if none ≥ 50 ms. */
  readonly longestTask: number;
  /** From scrolling into view until its default run has trained (or the wait ran out). */
  readonly training: TrainingTiming;
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
  /** The most CPU time (ms) one main-thread task used while reading (from a trace). */
  readonly readingLongestTaskCpu: number;
  readonly explorers: ExplorerTiming[];
}

async function withPage<T>(browser: Browser, url: string, use: (page: Page) => Promise<T>, beforeGoto?: (page: Page) => Promise<void>): Promise<T> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await installLongTaskObserver(page);
    await beforeGoto?.(page);
    await page.goto(url, { waitUntil: 'load' });
    return await use(page);
  } finally {
    await context.close();
  }
}

const allDone = () => [...document.querySelectorAll<HTMLElement>('lesson-figure')].every((f) => f.dataset.live === 'done');

/**
 * The first lesson figure: from scrolling it into view to its first live frame and to done; and when each
 * experiment's run is done, measured from the same moment (the seed's runs should all be done within 2 s).
 */
async function firstFigure(page: Page): Promise<FigureTiming | null> {
  await page.waitForTimeout(500);
  type Fig = { first: number | null; done: number | null; t0: number; experiments: Record<string, number | null> };
  const started = await page.evaluate(() => {
    const figure = document.querySelector<HTMLElement>('lesson-figure');
    if (!figure) return null;
    const w = window as unknown as { __fig: Fig };
    w.__fig = { first: figure.dataset.live ? 0 : null, done: figure.dataset.live === 'done' ? 0 : null, t0: 0, experiments: {} };
    new MutationObserver(() => {
      const t = performance.now() - w.__fig.t0;
      if (figure.dataset.live && w.__fig.first === null) w.__fig.first = t;
      if (figure.dataset.live === 'done' && w.__fig.done === null) w.__fig.done = t;
    }).observe(figure, { attributes: true, attributeFilter: ['data-live'] });
    for (const card of document.querySelectorAll<HTMLElement>('lesson-experiment')) {
      w.__fig.experiments[card.id] = card.dataset.live === 'done' ? 0 : null;
      new MutationObserver(() => {
        if (card.dataset.live === 'done' && w.__fig.experiments[card.id] === null) w.__fig.experiments[card.id] = performance.now() - w.__fig.t0;
      }).observe(card, { attributes: true, attributeFilter: ['data-live'] });
    }
    w.__fig.t0 = performance.now();
    figure.scrollIntoView({ block: 'center' });
    return figure.dataset.kind ?? '?';
  });
  if (started === null) return null;
  await page.waitForFunction(() => (window as unknown as { __fig: Fig }).__fig.done !== null, null, { timeout: 60_000, polling: 100 }).catch(() => undefined);
  // Every experiment done, or 5 s after the figure came into view (a run far below has not started).
  await page.waitForFunction(() => {
    const f = (window as unknown as { __fig: Fig }).__fig;
    return Object.values(f.experiments).every((t) => t !== null) || performance.now() - f.t0 > 5000;
  }, null, { timeout: 60_000, polling: 100 }).catch(() => undefined);
  const fig = await page.evaluate(() => (window as unknown as { __fig: Fig }).__fig);
  return { kind: started, firstFrame: fig.first, done: fig.done, experiments: Object.entries(fig.experiments).map(([id, done]) => ({ id, done })) };
}

/** Scrolls through the page like a quick reader, then waits for every live figure. */
async function readThrough(browser: Browser, page: Page): Promise<{ longest: number; over50: number; allDone: number | null; cpu: number }> {
  // The height is read at every step: it grows as blocks that content-visibility skipped render at their real size.
  for (let y = 0; y <= (await page.evaluate(() => document.documentElement.scrollHeight)); y += 700) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(250);
  }
  const done = await page.waitForFunction(allDone, null, { timeout: 180_000, polling: 200 }).then(() => true, () => false);
  const at = await page.evaluate(() => performance.now());
  const list = await longTasks(page);
  const { cpu } = longest(mainThreadTasks(await browser.stopTracing()));
  return { longest: Math.max(0, ...list), over50: list.filter((t) => t > 50).length, allDone: done ? at : null, cpu };
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

/** Longest wait (ms) for an explorer's default run to finish after it scrolls into view. */
const TRAINING_WAIT_MS = 180_000;

/**
 * An explorer: longest task when it starts (the 5 s after it scrolls into view on a settled page), then
 * while its default run trains (until its Play button is no longer pressed), then every control.
 */
async function explorerTiming(browser: Browser, url: string, id: string): Promise<Omit<ExplorerTiming, 'landing'>> {
  return withPage(browser, url, async (page) => {
    await page.waitForTimeout(1500);
    const mark = (await longTasks(page)).length;
    const t0 = Date.now();
    await browser.startTracing(page, { categories: TASK_CATEGORIES });
    await page.evaluate((eid) => {
      const el = document.getElementById(eid)!;
      el.classList.add('__bench-explorer');
      const w = window as unknown as { __first: number | null };
      w.__first = null;
      const t0 = performance.now();
      // A live frame puts a new chart svg in the explorer (the prerendered ones are there from the start).
      // (No named function in here: tsx would wrap it in a __name helper the page does not have.)
      new MutationObserver((records, observer) => {
        if (records.some((r) => [...r.addedNodes].some((n) => n instanceof Element && (n.localName === 'svg' || n.querySelector('svg') !== null)))) {
          w.__first = performance.now() - t0;
          observer.disconnect();
        }
      }).observe(el, { childList: true, subtree: true });
      el.scrollIntoView({ block: 'start' });
    }, id);
    await page.waitForTimeout(5000);
    const firstFrame = await page.evaluate(() => (window as unknown as { __first: number | null }).__first);
    const longestTask = await maxLongTask(page, mark);
    const stopped = (eid: string) => document.getElementById(eid)?.querySelector('button[data-action="play"]')?.getAttribute('aria-pressed') !== 'true';
    const finished = await page.waitForFunction(stopped, id, { timeout: TRAINING_WAIT_MS, polling: 100 }).then(() => true, () => false);
    const seconds = finished ? (Date.now() - t0) / 1000 : null;
    const { cpu } = longest(mainThreadTasks(await browser.stopTracing()));
    const list = (await longTasks(page)).slice(mark);
    const training: TrainingTiming = { seconds, longestTask: Math.max(0, ...list), over50: list.filter((t) => t > 50).length, longestTaskCpu: cpu };
    const count = await page.evaluate(() => document.querySelectorAll('.__bench-explorer [data-param], .__bench-explorer button[data-action]').length);
    const controls: ControlTiming[] = [];
    for (let i = 0; i < count; i++) {
      const c = await controlToPaint(page, i);
      if (c) controls.push(c);
      await page.waitForTimeout(400);
    }
    return { id, firstFrame, longestTask, training, controls };
  });
}

/** Loads `url#id` as a reader who followed a link to the explorer does, and reads the long tasks until 5 s after load. */
async function landingTiming(browser: Browser, url: string, id: string): Promise<LandingTiming> {
  return withPage(browser, `${url}#${id}`, async (page) => {
    await page.waitForTimeout(5000);
    const { cpu } = longest(mainThreadTasks(await browser.stopTracing()));
    const list = await longTasks(page);
    return { longestTask: Math.max(0, ...list), over50: list.filter((t) => t > 50).length, longestTaskCpu: cpu };
  }, (page) => browser.startTracing(page, { categories: TASK_CATEGORIES }));
}

/** Every measurement for one lesson page at `url` (served statically). */
export async function lessonTiming(browser: Browser, url: string, path: string, loads = 3): Promise<LessonTiming> {
  const domContentLoaded: number[] = [];
  for (let i = 0; i < loads; i++) {
    domContentLoaded.push(await withPage(browser, url, (page) => page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd)));
  }
  const figure = await withPage(browser, url, firstFigure);
  const reading = await withPage(browser, url, (page) => readThrough(browser, page), (page) => browser.startTracing(page, { categories: TASK_CATEGORIES }));
  const ids = await withPage(browser, url, (page) => page.$$eval('.explorer[id]', (els) => els.map((e) => e.id)));
  const explorers: ExplorerTiming[] = [];
  for (const id of ids) explorers.push({ ...(await explorerTiming(browser, url, id)), landing: await landingTiming(browser, url, id) });
  return {
    path, domContentLoaded, firstFigure: figure, readingLongestTask: reading.longest, readingTasksOver50: reading.over50,
    readingAllDone: reading.allDone, readingLongestTaskCpu: reading.cpu, explorers,
  };
}

/** Launches Debian's Chromium (CHROMIUM_PATH overrides /usr/bin/chromium). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: [...CHROMIUM_ARGS] });
}
