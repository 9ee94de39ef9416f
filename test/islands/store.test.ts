import { describe, expect, it } from 'vitest';
import { createStore, perFrame } from '../../src/islands/store.ts';

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
});
