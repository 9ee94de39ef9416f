/**
 * Long-task recording (main-thread tasks ≥ 50 ms), from src/cli/longtasks.ts (which `npm run bench` uses
 * too), plus the islands' budget and the best-of-a-few readings the tests check it on.
 *
 *   await openPage(url, { beforeGoto: installLongTaskObserver });
 *   const mark = (await longTasks(page)).length;
 *   const worst = await maxLongTask(page, mark);   // ms since the mark, 0 if none
 *
 * The observer is added with addInitScript, so it runs before any page script
 * and (with `buffered: true`) also sees tasks queued before it was attached.
 * Durations are wall-clock: a budget is checked on the best of a few readings (`readUntilClean`).
 */
export { installLongTaskObserver, longTasks, maxLongTask } from '../../../src/cli/longtasks.ts';

/** The long-task budget (ms) of an explorer island; LONG_TASK_BUDGET_MS raises it on a machine shared with other heavy jobs. */
export const ISLAND_TASK_BUDGET_MS = Number(process.env.LONG_TASK_BUDGET_MS ?? 50);

/**
 * Readings of the longest task (ms) in one run: `first` plus one per call of `measure`, until the last one
 * is `clean` or there are `tries`. One clean reading passes a budget, so a burst of load from other jobs
 * does not decide, while code that is really slow fails every reading. Logs them, prefixed by `label`.
 */
export async function readUntilClean(label: string, tries: number, clean: (ms: number) => boolean, measure: (attempt: number) => Promise<number>, first: number[] = []): Promise<number[]> {
  const readings = [...first];
  while (readings.length < tries && (readings.length === 0 || !clean(readings.at(-1)!))) readings.push(await measure(readings.length));
  console.log(`${label}: longest main-thread task per reading ${readings.map((ms) => `${Math.round(ms)} ms`).join(', ')}`);
  return readings;
}
