import { describe, expect, it } from 'vitest';
import { deepLinearGradients, depthLimit, planar } from '../../../src/engine/index.ts';
import { deepLinearView, factorText, formatA, limitsText } from '../../../src/features/deep-linear/views.ts';

const data = planar.generate();
const view = (a: number, L: number) => deepLinearView(deepLinearGradients(a, L, data.X, data.X, 2, data.m), a, L);

describe('deepLinearView', () => {
  it('shows the factor a^(L−2) with its value, e.g. 1.5⁸ = 25.63', () => {
    expect(factorText(1.5, 10, 1.5 ** 8)).toBe('1.5⁸ = 25.63');
    expect(factorText(0.5, 30, 0.5 ** 28)).toBe('0.5²⁸ = 3.725 × 10⁻⁹');
    expect(factorText(1.7, 2, 1)).toBe('1.7⁰ = 1');
    expect(formatA(0.30000000000000004)).toBe('0.3');
  });

  it('shows the default state of the lesson (a = 1.5, L = 10)', () => {
    const v = view(1.5, 10);
    expect(v.title).toBe('Norms through 10 layers with W[l] = 1.5·I');
    expect(v.factor).toBe('1.5⁸ = 25.63');
    expect(v.gradient).toMatch(/^[\d.,]+ at every layer l$/);
    expect(v.table.rows).toHaveLength(10);
    expect(v.caption).toContain('agree to within 10⁻⁶');
  });

  it('says where ‖dW‖ would overflow float64 and float32 for a > 1, with depthLimit\'s depths', () => {
    const r = deepLinearGradients(1.5, 10, data.X, data.X, 2, data.m);
    const text = limitsText(1.5, r.base, r.measured);
    const d64 = depthLimit(1.5, r.base, 'float64').overflow!;
    const d32 = depthLimit(1.5, r.base, 'float32').overflow!;
    expect(d32).toBeLessThan(d64);
    expect(text).toContain(`With a = 1.5, ‖dW‖ would pass the float64 maximum (1.8 × 10³⁰⁸) at L = ${d64.toLocaleString('en-US')}; in float32, the format most GPUs train in, it would pass 3.4 × 10³⁸ already at L = ${d32}.`);
    // Honest about the slider range: nothing there leaves float64.
    expect(text).toContain('Within this explorer\'s range (L ≤ 50) nothing leaves float64 (or even float32)');
    // The depth is right: a^(L−1)·base passes the maximum there and not one layer earlier.
    expect(1.5 ** (d32 - 1) * r.base).toBeGreaterThan(3.4028234663852886e38);
    expect(1.5 ** (d32 - 2) * r.base).toBeLessThan(3.4028234663852886e38);
  });

  it('gives underflow depths for a < 1 and "never" for a = 1', () => {
    const r = deepLinearGradients(0.5, 5, data.X, data.X, 2, data.m);
    const u32 = depthLimit(0.5, r.base, 'float32').underflow!;
    expect(limitsText(0.5, r.base, r.measured)).toContain(`below 1.18 × 10⁻³⁸ already at L = ${u32}.`);
    expect(limitsText(0.5, r.base, r.measured)).toContain('would fall below the smallest normal float64 (2.23 × 10⁻³⁰⁸)');
    expect(limitsText(1, r.base, r.measured)).toMatch(/^With a = 1 every layer passes its input on unchanged, so ‖dW‖ is the same at every depth and never leaves float64 or float32\./);
  });

  it('stays inside float32 over the whole slider range (a from 0.3 to 1.7, L ≤ 50)', () => {
    for (const a of [0.3, 1.7]) {
      const v = view(a, 50);
      expect(v.limits).toContain('(or even float32)');
    }
  });
});
