import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { preciseLog } from '../../src/engine/precise-log.ts';
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
});
