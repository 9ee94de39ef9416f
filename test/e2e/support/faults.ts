/**
 * Faults for the training workers, injected into a page before its scripts run:
 *
 *   await installWorkerFaults(page);                       // in openPage's beforeGoto
 *   await setKill(page, { afterMs: 1000, count: 2 });      // the next 2 workers die 1 s after creation
 *   await page.evaluate(() => window.__faults.workers.forEach((w) => w.postMessage(null)));
 *
 * A killed worker is terminated from the page (as a crashed or killed worker would be): no error
 * event, no more messages. `failWorkerScript` answers the worker script's URL with an HTTP error.
 */
import type { Page, Route } from 'playwright-core';

export interface KillPlan {
  /** Terminate a worker this long after it is created. */
  readonly afterMs: number;
  /** How many workers (from now on) to terminate; ALL for every one. */
  readonly count: number;
}

/** A count of workers that stands for all of them. */
export const ALL = 1e9;

declare global {
  interface Window {
    __faults: { workers: Worker[]; kill: { afterMs: number; count: number } | null; killed: number };
  }
}

/** Wraps the page's Worker constructor so tests can see and kill its workers (the first ones by `plan`). */
export async function installWorkerFaults(page: Page, plan: KillPlan | null = null): Promise<void> {
  await page.addInitScript((p) => {
    const faults: Window['__faults'] = { workers: [], kill: p && { ...p }, killed: 0 };
    window.__faults = faults;
    const Real = window.Worker;
    window.Worker = class extends Real {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        faults.workers.push(this);
        const plan = faults.kill;
        if (plan && plan.count > 0) {
          plan.count--;
          setTimeout(() => {
            faults.killed++;
            this.terminate();
          }, plan.afterMs);
        }
      }
    };
  }, plan);
}

/** Sets (or with null, clears) which workers created from now on get killed. */
export async function setKill(page: Page, plan: KillPlan | null): Promise<void> {
  await page.evaluate((p) => {
    window.__faults.kill = p && { ...p };
  }, plan);
}

/** Answers every request for the training worker's script with `status` until the returned function is called. */
export async function failWorkerScript(page: Page, status = 404): Promise<() => Promise<void>> {
  const pattern = /\/worker[-.][^/]*\.js(\?|$)/;
  const handler = (route: Route) => route.fulfill({ status, contentType: 'text/plain', body: 'gone' });
  await page.route(pattern, handler);
  return () => page.unroute(pattern, handler);
}

/** The markup of every lesson figure's body, in page order (to compare the prerender before and after). */
export function figureBodies(page: Page): Promise<string[]> {
  return page.locator('lesson-figure .figure-body').evaluateAll((els) => els.map((e) => e.innerHTML));
}

/** The markup of each gradient-flow chart's body. */
export function flowBodies(page: Page): Promise<string[]> {
  return page.locator('gradient-flow-explorer [data-chart] .figure-body').evaluateAll((els) => els.map((e) => e.innerHTML));
}
