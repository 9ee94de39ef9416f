import { describe, expect, it } from 'vitest';
import { decode, encode } from '../../src/prerender/codec.ts';
import { jobs } from '../../src/prerender/jobs.ts';
import { DEFAULT_TRAIN_CONFIG } from '../../src/engine/index.ts';

describe('run cache codec', () => {
  it('keeps typed arrays, their types and every bit, and NaN, ±Infinity and -0', () => {
    const value = {
      a: new Float64Array([Math.PI, -0, NaN, Infinity, 5e-324]), b: new Uint8Array([0, 1, 255]), c: [NaN, -Infinity, -0, 1.5],
      d: { e: 'text', f: null, g: true }, h: new Float64Array(new ArrayBuffer(32), 8, 2).fill(0.1),
    };
    const back = decode<typeof value>(encode(value));
    expect(back.a).toBeInstanceOf(Float64Array);
    expect([...back.a]).toEqual([Math.PI, -0, NaN, Infinity, 5e-324]);
    expect(Object.is(back.a[1], -0)).toBe(true);
    expect(back.b).toBeInstanceOf(Uint8Array);
    expect([...back.b]).toEqual([0, 1, 255]);
    expect(back.c).toEqual([NaN, -Infinity, -0, 1.5]);
    expect(Object.is(back.c[2], -0)).toBe(true);
    expect(back.d).toEqual(value.d);
    expect([...back.h]).toEqual([0.1, 0.1]);
  });

  it('refuses what it cannot store exactly', () => {
    expect(() => encode({ m: new Map() })).toThrow(/Map/);
    expect(() => encode({ f: () => 1 })).toThrow(/function/);
  });

  it('round-trips a real run, including a diverged one, to equal values', () => {
    for (const config of [
      { ...DEFAULT_TRAIN_CONFIG, iterations: 200 },
      { ...DEFAULT_TRAIN_CONFIG, init: 'normal' as const, scale: 3, hidden: 'relu' as const, learningRate: 1000, iterations: 300, recordEvery: 10 },
    ]) {
      const run = jobs.run(config);
      expect(decode(encode(run))).toEqual(run);
    }
  });
});
