import { describe, expect, it } from 'vitest';
import { globalGradientNorm } from '../../src/engine/slots.ts';

const slot = (grad: number[]) => ({ name: 'W1', value: new Float64Array(grad.length), grad: Float64Array.from(grad) });

describe('globalGradientNorm', () => {
  it('is the L2 norm over every slot', () => {
    expect(globalGradientNorm([slot([3]), slot([0, 4])])).toBe(5);
    expect(globalGradientNorm([slot([0, 0])])).toBe(0);
  });
  it('neither overflows nor underflows', () => {
    expect(globalGradientNorm([slot([3e200]), slot([4e200])])).toBeCloseTo(5e200, -190);
    expect(globalGradientNorm([slot([3e-200, 4e-200])])).toBeCloseTo(5e-200, 210);
  });
  it('is NaN for a NaN gradient and Infinity for an infinite one', () => {
    expect(globalGradientNorm([slot([1, NaN])])).toBeNaN();
    expect(globalGradientNorm([slot([1, -Infinity])])).toBe(Infinity);
  });
});
