import { describe, expect, it } from 'vitest';
import { createStore, perFrame, prepareThenCommit } from '../../src/run/store.ts';

describe('store', () => {
  it('merges partial updates and notifies subscribers', () => {
    const s = createStore({ a: 1, b: 2 });
    const seen: number[] = [];
    const off = s.subscribe((v) => seen.push(v.a));
    s.set({ a: 5 });
    s.set((v) => ({ ...v, a: v.a + 1 }));
    off();
    s.set({ a: 9 });
    expect(seen).toEqual([1, 5, 6]);
    expect(s.get()).toEqual({ a: 9, b: 2 });
  });

  it('renders once per frame with the latest state', async () => {
    const rendered: number[] = [];
    const render = perFrame((n: number) => rendered.push(n));
    render(1);
    render(2);
    render(3);
    await new Promise((r) => setTimeout(r, 5));
    expect(rendered).toEqual([3]);
  });

  it('prepares in its own task with the latest state, then commits the latest preparation once', async () => {
    const log: string[] = [];
    const render = prepareThenCommit((n: number) => {
      log.push(`prepare ${n}`);
      return n * 10;
    }, (p) => log.push(`commit ${p}`));
    render(1);
    render(2);
    expect(log).toEqual([]);
    await new Promise((r) => setTimeout(r, 20));
    expect(log).toEqual(['prepare 2', 'commit 20']);
  });

  it('prepares at most once per interval, always ending with the latest state', async () => {
    const prepared: number[] = [];
    const render = prepareThenCommit((n: number) => prepared.push(n), () => {}, 60);
    render(1);
    await new Promise((r) => setTimeout(r, 10));
    render(2);
    render(3);
    await new Promise((r) => setTimeout(r, 20));
    expect(prepared).toEqual([1]);
    await new Promise((r) => setTimeout(r, 80));
    expect(prepared).toEqual([1, 3]);
  });

  it('spreads many renders over several frames within the page budget', async () => {
    const frames: number[] = [];
    const busy = (ms: number) => { const t = performance.now(); while (performance.now() - t < ms); };
    const renders = Array.from({ length: 6 }, (_, i) => perFrame(() => { busy(6); frames.push(i); }));
    const ticks: number[] = [];
    const timer = setInterval(() => ticks.push(frames.length), 0);
    renders.forEach((r) => r(0));
    await new Promise((r) => setTimeout(r, 200));
    clearInterval(timer);
    expect(frames).toEqual([0, 1, 2, 3, 4, 5]);
    // With a 10 ms budget and 6 ms renders, no frame runs more than two of them.
    expect(new Set(ticks).size).toBeGreaterThan(2);
  });

  it('runs a render that asks for another frame on the next frame, not in a loop', async () => {
    const frames: number[] = [];
    const tick = { n: 0 };
    const timer = setInterval(() => tick.n++, 0);
    const again: (s: number) => void = perFrame((k: number) => {
      frames.push(tick.n);
      if (k < 3) again(k + 1);
    });
    again(0);
    await new Promise((r) => setTimeout(r, 100));
    clearInterval(timer);
    expect(frames).toHaveLength(4);
    expect(new Set(frames).size).toBe(4); // each render in a frame of its own
  });
});
