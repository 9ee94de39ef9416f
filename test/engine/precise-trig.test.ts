import { describe, expect, it } from 'vitest';
import { preciseCos, preciseSin, TRIG_RANGE } from '../../src/engine/precise-trig.ts';
import reference from '../fixtures/correctly-rounded.json';

describe('preciseSin and preciseCos', () => {
  it('give the correctly rounded value at every reference argument (python decimal, 80 digits)', () => {
    for (const [x, want] of reference.sin) expect(preciseSin(x), `sin(${x})`).toBe(want);
    for (const [x, want] of reference.cos) expect(preciseCos(x), `cos(${x})`).toBe(want);
  });

  it('round correctly where glibc (numpy) is one ulp off', () => {
    expect(reference.glibcDiffers.sin.length).toBeGreaterThan(0);
    for (const x of reference.glibcDiffers.sin) expect(preciseSin(x)).toBe(reference.sin.find(([a]) => a === x)![1]);
  });

  it('keep special values: −0, ±∞, NaN, and defer to Math beyond 2^20·π/2', () => {
    expect(Object.is(preciseSin(-0), -0)).toBe(true);
    expect(preciseCos(0)).toBe(1);
    expect(preciseSin(Infinity)).toBeNaN();
    expect(preciseCos(NaN)).toBeNaN();
    expect(preciseSin(2 * TRIG_RANGE)).toBe(Math.sin(2 * TRIG_RANGE));
  });
});
