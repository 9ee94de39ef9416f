import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_TRAIN_CONFIG } from '../../src/engine/index.ts';
import { TrainingClient, type RunState } from '../../src/run/client.ts';
import { poolSize, WorkerPool } from '../../src/run/pool.ts';
import type { FromWorker } from '../../src/run/protocol.ts';
import type { Store } from '../../src/run/store.ts';
import { DROP, InProcessWorker, UnloadableWorker } from './worker-harness.ts';

const until = (store: Store<RunState>, ok: (s: RunState) => boolean) => new Promise<RunState>((resolve) => {
  const off = store.subscribe((s) => {
    if (ok(s)) {
      queueMicrotask(() => off());
      resolve(s);
    }
  });
});
const ended = (s: RunState) => s.status.state !== 'running' && s.status.state !== 'idle';
const config = { ...DEFAULT_TRAIN_CONFIG, iterations: 2000, recordEvery: 50 };
const pace = { chunk: 100, delayMs: 0 };

/** A factory of workers: the first `faulty` ones come from `bad`, the rest are healthy; counts them. */
function factory(faulty: number, bad: () => unknown) {
  const made = { count: 0 };
  const make = () => (made.count++ < faulty ? bad() : new InProcessWorker()) as unknown as Worker;
  return { made, make };
}

/** A worker that goes silent (as a terminated one) after `n` messages. */
const dyingAfter = (n: number) => () => new InProcessWorker((m, count) => (count < n ? m : DROP));

describe('supervised worker pool', () => {
  it('sizes the pool to the cores, at least 2', () => {
    vi.stubGlobal('navigator', { hardwareConcurrency: 8 });
    expect(poolSize()).toBe(8);
    vi.stubGlobal('navigator', { hardwareConcurrency: 1 });
    expect(poolSize()).toBe(2);
    vi.stubGlobal('navigator', {});
    expect(poolSize()).toBe(2);
    vi.unstubAllGlobals();
  });

  it('spreads runs over the slots, least loaded first', () => {
    const pool = new WorkerPool({ size: 3, makeWorker: () => new InProcessWorker() as unknown as Worker }, {
      message() {}, malformed() {}, died() {}, owes: () => false,
    });
    const load = [2, 0, 1];
    expect(pool.pick((s) => load[s])).toBe(1);
    expect(pool.pick(() => 0)).toBe(0);
    pool.stop();
  });

  it('warms the slots one at a time before any run, then trains on the warm worker without making another', async () => {
    const made: number[] = [];
    const pool = new WorkerPool({ size: 3, makeWorker: () => (made.push(made.length), { postMessage() {}, terminate() {} } as unknown as Worker) }, {
      message() {}, malformed() {}, died() {}, owes: () => false,
    });
    // One worker per call (each start holds the main thread), true while a slot is left empty.
    expect([pool.warm(), made.length, pool.warm(), made.length, pool.warm(), made.length, pool.warm(), made.length]).toEqual([true, 1, true, 2, false, 3, false, 3]);
    pool.stop();
    // The in-process harness routes one worker at a time, so the client is checked with one slot.
    const { made: count, make } = factory(0, () => null);
    const c = new TrainingClient(make, { size: 1 });
    c.warm();
    expect(count.count).toBe(1);
    const a = c.run('a', { config, pace });
    c.start('a');
    expect((await until(a, ended)).status.state).toBe('done');
    expect(count.count).toBe(1);
    c.stop();
  });

  it('replaces a worker that goes silent mid-run and replays the run to the same numbers', async () => {
    const clean = new TrainingClient(() => new InProcessWorker() as unknown as Worker, { size: 1 });
    const cleanStore = clean.run('a', { config, pace });
    clean.start('a');
    const reference = await until(cleanStore, ended);
    const { made, make } = factory(1, dyingAfter(4));
    const c = new TrainingClient(make, { size: 1, stallMs: 1500 });
    const store = c.run('a', { config, pace });
    c.start('a');
    const s = await until(store, ended);
    expect(made.count).toBe(2);
    expect(s.error).toBeUndefined();
    expect(s.status.message).toBe('done: 2000 iterations');
    expect(s.history).toEqual(reference.history);
    expect(s.result!.finalCost).toBe(reference.result!.finalCost);
  }, 30_000);

  it('replays a stepped run to the iteration the page asked for, then pauses', async () => {
    const { made, make } = factory(1, dyingAfter(1));
    const c = new TrainingClient(make, { size: 1, stallMs: 1500 });
    const store = c.run('s', { config, pace });
    c.step('s', 300);
    const s = await until(store, (x) => x.iteration === 300);
    expect(made.count).toBe(2);
    expect(s.paused).toBe(true);
    expect(s.history.iterations).toEqual([0, 50, 100, 150, 200, 250]);
  }, 30_000);

  it('fails a run whose worker never loads, with the reason, after the retries; later runs fail too, and Retry recovers', async () => {
    const { made, make } = factory(6, () => new UnloadableWorker());
    const c = new TrainingClient(make, { size: 2, retries: 2 });
    const first = c.run('a', { config, pace });
    c.start('a');
    const failed = await until(first, ended);
    expect(failed.status).toEqual({ state: 'cancelled', iteration: 0, message: 'failed: the training worker failed to load' });
    expect(failed.error).toBe('the training worker failed to load');
    expect(made.count).toBe(3); // the first try and two retries
    const later = c.run('b', { config, pace });
    c.start('b'); // started after the failure: not left waiting
    expect((await until(later, ended)).error).toBe('the training worker failed to load');
    expect(made.count).toBe(6);
    c.restart('a'); // Retry: the workers load again now
    const s = await until(first, ended);
    expect(s.status.message).toBe('done: 2000 iterations');
    expect(s.error).toBeUndefined();
  }, 30_000);

  it('answers a garbled message about a run by retraining that run only', async () => {
    const garble = (m: FromWorker, n: number) => (n === 2 && m.type === 'progress' && m.runId === 'g' ? { ...m, iteration: 'ten' } : m);
    const c = new TrainingClient(() => new InProcessWorker(garble) as unknown as Worker, { size: 1 });
    const garbled = c.run('g', { config, pace });
    c.start('g');
    const s = await until(garbled, ended);
    expect(s.status.message).toBe('done: 2000 iterations');
    expect(s.history.iterations).toHaveLength(40);
  }, 30_000);

  it('ignores a malformed message that names no request, and the worker keeps training', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const worker = { current: null as InProcessWorker | null };
    const c = new TrainingClient(() => (worker.current = new InProcessWorker()) as unknown as Worker, { size: 1 });
    const store = c.run('n', { config, pace });
    c.start('n');
    await until(store, (x) => x.iteration > 0);
    worker.current!.postMessage(null);
    worker.current!.postMessage({ type: 'step', runId: 'n' }); // no iterations: an error for run n, which fails
    const s = await until(store, ended);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/malformed message \(null\)/));
    expect(s.status.state).toBe('cancelled');
    expect(s.error).toBe('malformed message (step: bad or missing "iterations")');
    warn.mockRestore();
  }, 30_000);

  it('re-sends a computation whose worker died, and rejects it once out of retries', async () => {
    const { make } = factory(1, dyingAfter(1));
    const c = new TrainingClient(make, { size: 1, stallMs: 1500 });
    const r = await c.compute<{ factor: number }>({ kind: 'deep-linear', a: 1.5, L: 4 });
    expect(r.factor).toBe(2.25);
    const dead = new TrainingClient(() => new UnloadableWorker() as unknown as Worker, { size: 1, retries: 1 });
    await expect(dead.compute({ kind: 'deep-linear', a: 1.5, L: 4 })).rejects.toThrow('the training worker failed to load');
  }, 30_000);
});
