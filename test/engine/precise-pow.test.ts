import { describe, expect, it } from 'vitest';
import { precisePowInt } from '../../src/engine/precise-pow.ts';
import reference from '../fixtures/correctly-rounded.json';

describe('precisePowInt', () => {
  it('gives the correctly rounded a^n at every reference pair (python decimal, 80 digits)', () => {
    for (const [a, n, want] of reference.pow) expect(precisePowInt(a, n), `${a}^${n}`).toBe(want);
  });

  it('is exact where the answer is representable, and overflows and underflows like Math.pow', () => {
    expect(precisePowInt(2, 10)).toBe(1024);
    expect(precisePowInt(-3, 3)).toBe(-27);
    expect(precisePowInt(0.5, 1074)).toBe(5e-324);
    expect(precisePowInt(0.5, 1075)).toBe(0);
    expect(precisePowInt(1.5, 1751)).toBe(Infinity);
    expect(precisePowInt(-1.5, 1751)).toBe(-Infinity);
    expect(precisePowInt(7, 0)).toBe(1);
    expect(precisePowInt(0, 3)).toBe(0);
    expect(precisePowInt(NaN, 2)).toBeNaN();
    expect(precisePowInt(1e-310, 1)).toBe(1e-310);
  });

  it('throws for an exponent that is not an integer ≥ 0', () => {
    expect(() => precisePowInt(2, -1)).toThrow(/integer ≥ 0, got -1/);
    expect(() => precisePowInt(2, 0.5)).toThrow(RangeError);
  });
});
