import { describe, expect, it } from 'vitest';
import { buildOnce, lessonData } from '../../src/run/memo.ts';

describe('build-time runs', () => {
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
