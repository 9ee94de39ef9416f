import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { preciseLog, slowLog } from '../../src/engine/precise-log.ts';
import reference from '../fixtures/correctly-rounded.json';

describe('preciseLog', () => {
  it('is exact where the answer is known', () => {
    expect(preciseLog(1)).toBe(0);
    expect(preciseLog(Math.E)).toBe(1);
    expect(preciseLog(2)).toBe(Math.LN2);
    expect(preciseLog(0.5)).toBe(-Math.LN2);
    expect(preciseLog(1024)).toBe(10 * Math.LN2);
  });

  it('rounds correctly where V8 Math.log does not', () => {
    // log(0.6400189912242148) = −0.446257429280842027310…, nearest double −0.446257429280842.
    expect(preciseLog(0.6400189912242148)).toBe(-0.446257429280842);
  });

  it('gives the correctly rounded value at every reference argument, subnormals included (python decimal)', () => {
    for (const [x, want] of reference.log) expect(preciseLog(x), `log(${x})`).toBe(want);
  });

  it('passes special values to Math.log', () => {
    expect(preciseLog(0)).toBe(-Infinity);
    expect(preciseLog(Infinity)).toBe(Infinity);
    expect(preciseLog(-1)).toBeNaN();
    expect(preciseLog(NaN)).toBeNaN();
  });

  it('never differs from Math.log by more than one ulp', () => {
    fc.assert(fc.property(fc.double({ min: 1e-300, max: 1e300, noNaN: true }), (x) => {
      const a = preciseLog(x);
      const b = Math.log(x);
      expect(Math.abs(a - b)).toBeLessThanOrEqual(Math.abs(b) * Number.EPSILON + 5e-324);
    }), { numRuns: 2000 });
  });

  // The fast path returns only when its rounding test proves the series would give the same double.
  const same = (x: number) => expect(Object.is(preciseLog(x), slowLog(x)), `log(${x}): fast ${preciseLog(x)}, series ${slowLog(x)}`).toBe(true);
  const next = (x: number, n: number) => {
    const f = Float64Array.of(x);
    const bits = new BigInt64Array(f.buffer);
    bits[0] += BigInt(n);
    return f[0];
  };

  it('gives the series\' bits for any positive double (fast-check, 20 000 draws)', () => {
    fc.assert(fc.property(fc.double({ min: 5e-324, max: Number.MAX_VALUE, noNaN: true }), (x) => { same(x); }), { numRuns: 20_000 });
  });

  it('gives the series\' bits where the fast path is hardest: near 1, at table edges, at powers of two', () => {
    for (let j = 1; j <= 60; j++) for (const x of [1 + 2 ** -j, 1 - 2 ** -j, 1 + 3 * 2 ** -(j + 2), 1 - 5 * 2 ** -(j + 3)]) same(x);
    for (let n = -1000; n <= 1000; n++) same(next(1, n));
    // Each table interval's two ends (c ± 1/256) and their neighbours, at several exponents.
    for (let i = -37; i <= 53; i++) {
      for (const edge of [1 + (i - 0.5) / 128, 1 + (i + 0.5) / 128]) {
        for (const k of [-1074, -300, -1, 0, 1, 7, 1023]) for (const n of [-2, -1, 0, 1, 2]) {
          const x = next(edge, n) * 2 ** k;
          if (x > 0 && x < Infinity) same(x);
        }
      }
    }
    for (const x of [Math.SQRT1_2, Math.SQRT2]) for (let n = -3; n <= 3; n++) same(next(x, n));
    for (let k = -1074; k <= 1023; k++) for (const n of [-1, 0, 1]) {
      const x = next(2 ** k, n);
      if (x > 0 && x < Infinity) same(x);
    }
  });

  it('gives the series\' bits on the cost\'s arguments: sigmoid outputs a and 1 − a', () => {
    fc.assert(fc.property(fc.double({ min: -40, max: 40, noNaN: true }), (z) => {
      const a = 1 / (1 + Math.exp(-z));
      same(a);
      same(1 - a);
    }), { numRuns: 5000 });
  });
});

