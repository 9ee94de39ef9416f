import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAIN_CONFIG } from '../../src/engine/index.ts';
import { buildOnce, buildTimeRun, lessonData, runKey } from '../../src/figures/snapshot.ts';

describe('build-time runs', () => {
  it('trains once per config and relabels per declaration', async () => {
    const config = { ...DEFAULT_TRAIN_CONFIG, iterations: 300 };
    const a = await buildTimeRun({ id: 'a', label: 'A', config });
    const b = await buildTimeRun({ id: 'b', label: 'B', comment: 'c', config });
    expect(b.history).toBe(a.history);
    expect([a.id, b.id, b.label, b.comment]).toEqual(['a', 'b', 'B', 'c']);
    expect(a.result?.initial.W[1]).toHaveLength(6);
    expect(runKey(config)).toBe(JSON.stringify(config));
  });

  it('computes once per kind and settings, compared as JSON', () => {
    let calls = 0;
    const compute = () => ({ n: ++calls });
    const first = buildOnce('test-kind', { a: 1, b: [2] }, compute);
    expect(buildOnce('test-kind', { a: 1, b: [2] }, compute)).toBe(first);
    expect(buildOnce('test-kind', { a: 2, b: [2] }, compute)).toEqual({ n: 2 });
    expect(buildOnce('other-kind', { a: 1, b: [2] }, compute)).toEqual({ n: 3 });
    expect(calls).toBe(3);
  });

  it('uses the reference dataset', () => {
    const data = lessonData();
    expect(data.m).toBe(1000);
    expect(data.X[0]).toBeCloseTo(1.120272244833801, 12);
    expect(lessonData()).toBe(data);
  });
});
