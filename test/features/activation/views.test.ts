import { describe, expect, it } from 'vitest';
import { getActivation } from '../../../src/engine/activations.ts';
import { activationCurve, activationView, POINTS } from '../../../src/features/activation/views.ts';

describe('activation explorer view', () => {
  it('computes g and g′ with the engine over [−range, range]', () => {
    const c = activationCurve({ activation: 'sigmoid', range: 4 });
    expect(c.z).toHaveLength(POINTS);
    expect([c.z[0], c.z[(POINTS - 1) / 2], c.z[POINTS - 1]]).toEqual([-4, 0, 4]);
    expect(c.a[(POINTS - 1) / 2]).toBe(0.5);
    expect(c.slope[(POINTS - 1) / 2]).toBe(0.25);
    const g = getActivation('tanh');
    const t = activationCurve({ activation: 'tanh', range: 2 });
    for (const i of [0, 40, 100]) expect(t.slope[i]).toBeCloseTo(g.slope(t.z[i], t.a[i]), 15);
  });

  it('titles, captions and tabulates what it draws', () => {
    const v = activationView({ activation: 'relu', range: 5 }, 400);
    expect(v.title).toBe('ReLU and its slope');
    expect(v.plot?.width).toBe(400);
    expect(v.caption).toContain('peaks at 1');
    expect(v.table.columns).toEqual(['z', 'g(z)', 'g′(z)']);
    expect(v.table.rows).toHaveLength(9);
    // Numbers, as the CSV download writes them; the page shows them with a true minus (displayCell).
    expect(v.table.rows[0]).toEqual([-5, 0, 0]);
    expect(v.table.rows[8]).toEqual([5, 5, 1]);
    const tanh = activationView({ activation: 'tanh', range: 2 });
    expect(tanh.table.rows[1]).toEqual([-1.5, Number(Math.tanh(-1.5).toPrecision(4)), Number((1 - Math.tanh(1.5) ** 2).toPrecision(4))]);
  });
});
