/**
 * Main-thread task durations from a Chromium trace, wall-clock and CPU. The CPU time (the trace's thread
 * time, `tdur`) is what a task costs the page itself; on a loaded machine its wall-clock time also counts
 * the moments the thread waited for a core, so the bench prints both.
 *
 *   await browser.startTracing(page, { categories: TASK_CATEGORIES });
 *   …
 *   const tasks = mainThreadTasks(await browser.stopTracing());
 */

/** Only the scheduler's top-level events: enough for task durations, with little tracing overhead. */
export const TASK_CATEGORIES = ['toplevel'];

export interface TaskTime {
  /** Wall-clock ms. */
  readonly wall: number;
  /** ms of CPU time on the main thread. */
  readonly cpu: number;
}

interface TraceEvent {
  readonly name: string;
  readonly ph?: string;
  readonly pid: number;
  readonly tid: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly args?: { readonly name?: string };
}

/** Every task run on the renderer's main thread(s) in trace `json` (Chromium's JSON trace format). @throws on text that is not a trace. */
export function mainThreadTasks(json: Buffer | string): TaskTime[] {
  const { traceEvents } = JSON.parse(String(json)) as { traceEvents: TraceEvent[] };
  const main = new Set(traceEvents.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  return traceEvents
    .filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.ph === 'X' && main.has(`${e.pid}:${e.tid}`))
    .map((e) => ({ wall: (e.dur ?? 0) / 1000, cpu: (e.tdur ?? 0) / 1000 }));
}

/** The longest task by wall-clock time and the longest by CPU time (ms), 0 when there was none. */
export function longest(tasks: readonly TaskTime[]): TaskTime {
  return { wall: Math.max(0, ...tasks.map((t) => t.wall)), cpu: Math.max(0, ...tasks.map((t) => t.cpu)) };
}
