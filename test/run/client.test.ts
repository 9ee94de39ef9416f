import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAIN_CONFIG } from '../../src/engine/index.ts';
import { TrainingClient, type RunState } from '../../src/run/client.ts';
import type { Store } from '../../src/run/store.ts';
import { InProcessWorker } from './worker-harness.ts';

const client = () => new TrainingClient(() => new InProcessWorker() as unknown as Worker, { size: 1 });
const until = (store: Store<RunState>, ok: (s: RunState) => boolean) => new Promise<RunState>((resolve) => {
  const off = store.subscribe((s) => {
    if (ok(s)) {
      queueMicrotask(() => off());
      resolve(s);
    }
  });
});

describe('training client + worker', () => {
  it('trains a run once, streams its records and reports the reference result', async () => {
    const c = client();
    const store = c.run('lecun', { config: DEFAULT_TRAIN_CONFIG, pace: { chunk: 2000, delayMs: 0 } });
    expect(c.run('lecun', { config: DEFAULT_TRAIN_CONFIG })).toBe(store);
    const seen: number[] = [];
    store.subscribe((s) => seen.push(s.iteration));
    c.start('lecun');
    c.start('lecun'); // already running: ignored
    const done = await until(store, (s) => s.result !== undefined);
    expect(done.status).toEqual({ state: 'done', message: 'done: 10000 iterations' });
    expect(done.result!.report.accuracy).toBe(0.924);
    expect(done.history.iterations).toHaveLength(100);
    expect(done.history.costs[0]).toBeCloseTo(0.788206, 6);
    expect(new Set(seen).size).toBeGreaterThan(3); // progress arrived in chunks
  });

  it('pauses, steps and resumes; restart replays the same initial weights', async () => {
    const c = client();
    const config = { ...DEFAULT_TRAIN_CONFIG, iterations: 3000 };
    const store = c.run('r', { config, pace: { chunk: 100, delayMs: 0 } });
    c.step('r', 500);
    const stepped = await until(store, (s) => s.iteration === 500);
    expect(stepped.paused).toBe(true);
    expect(stepped.status.state).toBe('running');
    c.resume('r');
    const first = await until(store, (s) => s.result !== undefined);
    c.restart('r');
    expect(store.get().status.state).toBe('running');
    const second = await until(store, (s) => s.result !== undefined);
    expect(second.history.costs).toEqual(first.history.costs);
    expect(second.result!.initial).toEqual(first.result!.initial);
  });

  it('reports divergence and keeps the records', async () => {
    const c = client();
    const store = c.run('wild', { config: { ...DEFAULT_TRAIN_CONFIG, learningRate: 1000, recordEvery: 1 } });
    c.start('wild');
    const s = await until(store, (x) => x.result !== undefined);
    expect(s.status.state).toBe('diverged');
    expect(s.status.message).toMatch(/^diverged at iteration \d+$/);
    expect(s.history.costs.length).toBeGreaterThan(0);
    expect(s.result!.final.W.flat().every(Number.isFinite)).toBe(true);
  });

  it('sends a live probability grid when asked', async () => {
    const c = client();
    const grid = { xMin: -4, xMax: 4, yMin: -4, yMax: 4, nx: 5, ny: 5 };
    const store = c.run('g', { config: { ...DEFAULT_TRAIN_CONFIG, iterations: 200 }, extras: { grid } });
    c.start('g');
    const s = await until(store, (x) => x.result !== undefined);
    expect(s.live.grid).toHaveLength(25);
  });

  it('sends the current parameters when asked: the initial weights first, then the trained ones', async () => {
    const c = client();
    const config = { ...DEFAULT_TRAIN_CONFIG, layers: [2, 3, 1], init: 'constant' as const, scale: 0.5, iterations: 200 };
    const store = c.run('p', { config, extras: { params: true } });
    c.start('p', { paused: true });
    const first = await until(store, (x) => x.live.params !== undefined);
    expect(first.live.params!.W[1]).toEqual(Array(6).fill(0.5));
    c.resume('p');
    const done = await until(store, (x) => x.result !== undefined);
    expect(done.live.params).toEqual(done.result!.final);
    expect(new Set(done.live.params!.W[1].filter((_, i) => i % 2 === 0)).size).toBe(1);
  });

  it('returns the forward and backward signals with the deep-linear gradients', async () => {
    const r = await client().compute<{ forwardMeasured: number[]; backwardClosedForm: number[]; base: number }>({ kind: 'deep-linear', a: 2, L: 3 });
    expect(r.forwardMeasured).toHaveLength(3);
    expect(r.backwardClosedForm[0] / r.backwardClosedForm[1]).toBeCloseTo(2, 12);
    expect(r.base).toBeGreaterThan(0);
  });

  it('computes deep-linear gradients in the worker and rejects bad tasks', async () => {
    const c = client();
    const r = await c.compute<{ measured: number[]; factor: number }>({ kind: 'deep-linear', a: 1.5, L: 4 });
    expect(r.factor).toBe(2.25);
    expect(r.measured).toHaveLength(4);
    await expect(c.compute({ kind: 'deep-linear', a: 1.5, L: 1 })).rejects.toThrow(/L must be an integer ≥ 2/);
  });

  it('pauses runs while the page is hidden', async () => {
    const c = client();
    const store = c.run('h', { config: DEFAULT_TRAIN_CONFIG, pace: { chunk: 50, delayMs: 5 } });
    c.start('h');
    await until(store, (s) => s.iteration > 0);
    c.setHidden(true);
    expect(store.get().paused).toBe(true);
    c.setHidden(false);
    expect(store.get().paused).toBe(false);
    c.stop();
    expect(store.get().status.state).toBe('idle');
  });

  it('ignores messages still in flight from a run that restart replaced', async () => {
    const c = client();
    const config = { ...DEFAULT_TRAIN_CONFIG, iterations: 2000, recordEvery: 10 };
    const store = c.run('x', { config, pace: { chunk: 20, delayMs: 0 } });
    c.start('x');
    await until(store, (s) => s.iteration >= 200);
    c.restart('x', { ...config, layers: [2, 4, 1], iterations: 300 });
    c.restart('x'); // twice before the worker answers: only the last job's messages count
    const s = await until(store, (x) => x.result !== undefined);
    expect(s.iteration).toBe(300);
    expect(s.history.iterations).toEqual(Array.from({ length: 30 }, (_, i) => i * 10));
    expect(s.result!.initial.layers).toEqual([2, 4, 1]);
  });

  it('trains runs with a figure in view first, then the others', async () => {
    const c = client();
    const config = { ...DEFAULT_TRAIN_CONFIG, iterations: 1000, recordEvery: 100 };
    const pace = { chunk: 100, delayMs: 0 };
    const off = c.run('off-screen', { config, pace });
    const seen = c.run('in-view', { config, pace });
    c.start('off-screen');
    c.start('in-view');
    c.view('in-view', 1);
    await until(seen, (x) => x.result !== undefined);
    // Only the first iteration, trained as it started so that its figure had a record at once.
    expect(off.get().iteration).toBe(1);
    const later = await until(off, (x) => x.result !== undefined);
    expect(later.status.message).toBe('done: 1000 iterations');
  });
});
