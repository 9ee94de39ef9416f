import { describe, expect, it } from 'vitest';
import { longest, mainThreadTasks } from '../../src/cli/bench-trace.ts';

const trace = (events: object[]) => JSON.stringify({ traceEvents: events });
const thread = (pid: number, tid: number, name: string) => ({ name: 'thread_name', ph: 'M', pid, tid, args: { name } });
const task = (pid: number, tid: number, dur: number, tdur: number) => ({ name: 'ThreadControllerImpl::RunTask', ph: 'X', pid, tid, ts: 0, dur, tdur });

describe('mainThreadTasks', () => {
  it('keeps the renderer main thread\'s tasks, in ms, wall-clock and CPU', () => {
    const tasks = mainThreadTasks(trace([
      thread(1, 10, 'CrRendererMain'), thread(1, 11, 'Compositor'), thread(2, 20, 'CrBrowserMain'),
      task(1, 10, 120_000, 40_000), task(1, 10, 8_000, 7_500), task(1, 11, 300_000, 300_000), task(2, 20, 500_000, 1_000),
      { name: 'FunctionCall', ph: 'X', pid: 1, tid: 10, dur: 90_000, tdur: 30_000 },
    ]));
    expect(tasks).toEqual([{ wall: 120, cpu: 40 }, { wall: 8, cpu: 7.5 }]);
    expect(longest(tasks)).toEqual({ wall: 120, cpu: 40 });
  });

  it('gives 0 for a trace without main-thread tasks, and throws on text that is not JSON', () => {
    expect(longest(mainThreadTasks(trace([thread(1, 10, 'CrRendererMain')])))).toEqual({ wall: 0, cpu: 0 });
    expect(() => mainThreadTasks('not a trace')).toThrow();
  });
});
