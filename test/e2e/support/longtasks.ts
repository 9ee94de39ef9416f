/**
 * Long-task recording (main-thread tasks ≥ 50 ms), from src/cli/longtasks.ts (which `npm run bench` uses
 * too), plus the islands' 50 ms threshold and the readings the tests report (timings are never pass/fail
 * conditions in tests: `npm run bench` measures them).
 *
 *   await openPage(url, { beforeGoto: installLongTaskObserver });
 *   const mark = (await longTasks(page)).length;
 *   const worst = await maxLongTask(page, mark);   // ms since the mark, 0 if none
 *
 * The observer is added with addInitScript, so it runs before any page script
 * and (with `buffered: true`) also sees tasks queued before it was attached.
 * Durations are wall-clock, so a loaded machine inflates them.
 */
export { installLongTaskObserver, longTasks, maxLongTask } from '../../../src/cli/longtasks.ts';

/** An island's long-task threshold (ms) for a clean reading; LONG_TASK_BUDGET_MS changes it. */
export const ISLAND_TASK_BUDGET_MS = Number(process.env.LONG_TASK_BUDGET_MS ?? 50);

/** Browser-test files run one at a time (E2E_SERIAL=1, see vitest.config.ts): only then does a reading mean something. */
const SERIAL = process.env.E2E_SERIAL === '1';

/**
 * Readings of the longest task (ms) in one run: `first` plus one per call of `measure`, until the last one
 * is `clean` or there are `tries`. Logs them, prefixed by `label`, for the test's report. With files side
 * by side, each browser waits for the others' cores: one reading, no replay (it would only cost time).
 */
export async function readUntilClean(label: string, tries: number, clean: (ms: number) => boolean, measure: (attempt: number) => Promise<number>, first: number[] = []): Promise<number[]> {
  const readings = [...first];
  const limit = SERIAL ? tries : 1;
  while (readings.length < limit && (readings.length === 0 || !clean(readings.at(-1)!))) readings.push(await measure(readings.length));
  const note = SERIAL ? '' : ' (test files side by side: wall-clock includes waiting for the other browsers; E2E_SERIAL=1 for readings on an idle machine)';
  console.log(`${label}: longest main-thread task per reading ${readings.map((ms) => `${Math.round(ms)} ms`).join(', ')}${note}`);
  return readings;
}
