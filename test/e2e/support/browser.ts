/**
 * Headless Debian Chromium through playwright-core (no browser download: the
 * binary comes from `apt-get install chromium`, see .ci/run).
 *
 *   const { page, consoleErrors, externalRequests, close } = await openPage(site.url, { colorScheme: 'dark' });
 *   ...
 *   await close();                      // closes this page's context
 *   afterAll(closeBrowser);             // once per test file
 *
 * One browser per test file (module singleton, launched on first use). Every
 * `openPage` gets a fresh incognito context, and Playwright's `launch` runs the
 * browser on a fresh temporary user-data-dir that it deletes on close.
 *
 * Network: any request whose host is not 127.0.0.1 / localhost / [::1] is aborted
 * and recorded in `externalRequests`, so a test can assert the page is self-contained.
 */
import { chromium, type Browser, type BrowserContext, type Page, type Response } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../../src/cli/chromium.ts';
import { within } from './bound.ts';
import { chromiumPath } from './paths.ts';
import { nextFrameWithin, recordStall } from './stall.ts';

export { CHROMIUM_ARGS };

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

let shared: Promise<Browser> | null = null;
/**
 * `seen`: a page closed since the last `openPage` drew no frame at its close (see `takePageStall`).
 * `suspect`: the browser that drew it is replaced by the next `openPage` when it has no page open.
 */
const stall = { seen: false, suspect: false };

/**
 * True once after a page closed since the last `openPage` drew no frame at its close (a stalled
 * renderer, see frames.ts); setup.ts asks when a test fails.
 */
export function takePageStall(): boolean {
  const seen = stall.seen;
  stall.seen = false;
  return seen;
}

/** Has the next `openPage` launch a new browser (once this one has no page open): a test saw it stall. */
export function replaceBrowserSoon(): void {
  stall.suspect = true;
}

/** Pages with JavaScript that `openPage` opened and nobody closed yet, with their `close`. */
const unclosed = new Map<Page, () => Promise<void>>();

/** The pages with JavaScript that are open now (what frames.ts's watch looks at). */
export const openPages = (): Page[] => [...unclosed.keys()].filter((p) => !p.isClosed());

/**
 * Closes every page still open that draws no frame, recording the stall (see `close`): a test that
 * hung in a stalled page never reached its own close. Then answers as `takePageStall` does.
 */
export async function closeStalledPages(): Promise<boolean> {
  for (const [page, close] of [...unclosed]) {
    // A page closed another way (its browser was replaced) is only forgotten.
    if (page.isClosed()) unclosed.delete(page);
    else if ((await nextFrameWithin(page)) === null) await close();
  }
  return takePageStall();
}

/** The file's shared browser, launched on first call. */
export function getBrowser(): Promise<Browser> {
  shared ??= chromium.launch({ executablePath: chromiumPath, headless: true, args: [...CHROMIUM_ARGS] });
  return shared;
}

/** Close the shared browser (use as `afterAll(closeBrowser)`). Safe to call twice. */
export async function closeBrowser(): Promise<void> {
  const b = shared;
  shared = null;
  if (b) await (await b).close();
}

export interface OpenPageOptions {
  colorScheme?: 'light' | 'dark';
  /** Default true. */
  javaScriptEnabled?: boolean;
  /** Default 1280×800. */
  viewport?: { width: number; height: number };
  /** Default 'load'. */
  waitUntil?: 'load' | 'domcontentloaded' | 'networkidle' | 'commit';
  /** Where a stall of this page is recorded (frame-stalls.jsonl by default; self-tests use their own). */
  stallFile?: string;
  /** Runs after the page exists and before navigation, e.g. `installLongTaskObserver`. */
  beforeGoto?: (page: Page) => Promise<void> | void;
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** The main document's response (null only for same-document navigations). */
  response: Response | null;
  /** console.error messages (page and its workers) and uncaught exceptions, in order. */
  consoleErrors: string[];
  /** URLs of requests to hosts other than localhost; all were aborted. */
  externalRequests: string[];
  /**
   * Closes the page's context (at most 20 s: a wedged renderer cannot hold the test). First checks
   * that a page with JavaScript still draws frames: if not, the stall is recorded (in the option
   * `stallFile`) and `takePageStall` says so.
   */
  close(): Promise<void>;
}

function isLocal(url: string): boolean {
  const u = new URL(url);
  if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:') return true;
  return LOCAL_HOSTS.has(u.hostname);
}

/** Open `url` in a fresh context of the shared browser, recording errors and blocking external requests. */
export async function openPage(url: string, opts: OpenPageOptions = {}): Promise<OpenedPage> {
  stall.seen = false;
  if (stall.suspect && shared && (await shared).contexts().length === 0) await within(closeBrowser().catch(() => undefined), 20_000, undefined);
  stall.suspect = false;
  const browser = await getBrowser();
  const context = await browser.newContext({
    colorScheme: opts.colorScheme ?? 'light',
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
    viewport: opts.viewport ?? { width: 1280, height: 800 },
    serviceWorkers: 'block',
  });
  const consoleErrors: string[] = [];
  const externalRequests: string[] = [];

  await context.route('**/*', (route) => {
    const reqUrl = route.request().url();
    if (isLocal(reqUrl)) return route.continue();
    externalRequests.push(reqUrl);
    return route.abort('blockedbyclient');
  });

  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const loc = msg.location();
    const where = loc.url ? ` (${loc.url}:${loc.lineNumber}:${loc.columnNumber})` : '';
    consoleErrors.push(`console.error: ${msg.text()}${where}`);
  });
  page.on('pageerror', (err) => consoleErrors.push(`pageerror: ${err.stack ?? err.message}`));

  if (opts.beforeGoto) await opts.beforeGoto(page);
  const response = await page.goto(url, { waitUntil: opts.waitUntil ?? 'load' });
  const close = async () => {
    unclosed.delete(page);
    if (opts.javaScriptEnabled !== false && !page.isClosed() && (await nextFrameWithin(page)) === null) {
      stall.seen = stall.suspect = true;
      recordStall({ where: 'close', url: page.url(), visibility: 'unknown', focused: false, recovered: 'no', at: new Date().toISOString() }, opts.stallFile);
    }
    await within(context.close(), 20_000, undefined);
  };
  if (opts.javaScriptEnabled !== false) unclosed.set(page, close);
  return { page, context, response, consoleErrors, externalRequests, close };
}
