import { describe, expect, it } from 'vitest';
import { planar, train } from '../../../src/engine/index.ts';
import { distinctUnits, symmetryConfig, symmetryView, type SymmetrySettings, type SymmetrySnapshot } from '../../../src/features/symmetry/views.ts';
import { parametersData } from '../../../src/run/protocol.ts';

const data = planar.generate();
const snapshot = (s: SymmetrySettings, iterations = 400): SymmetrySnapshot => {
  const config = symmetryConfig(s, iterations);
  const run = train(data, config);
  return { config, iteration: run.iteration, iterations: run.history.iterations, distance: run.history.symmetry.map((d) => d[0]), params: parametersData(run.params) };
};

describe('symmetryConfig', () => {
  it('trains [2, width, 1] tanh at learning rate 1.2 with about 200 records', () => {
    expect(symmetryConfig({ init: 'constant', value: -0.7, width: 6, seed: 3 }, 1000)).toEqual({
      layers: [2, 6, 1], hidden: 'tanh', init: 'constant', scale: -0.7, learningRate: 1.2, iterations: 1000, seed: 3, recordEvery: 5,
    });
    expect(symmetryConfig({ init: 'normal', value: 0.5, width: 2, seed: 1 }, 100).scale).toBe(1);
    expect(symmetryConfig({ init: 'lecun', value: 0.5, width: 2, seed: 1 }, 100)).toMatchObject({ scale: 0, recordEvery: 1 });
  });
});

describe('symmetryView', () => {
  it('zero init: exactly 0 at every record, all rows identical and 0', () => {
    const v = symmetryView(snapshot({ init: 'zeros', value: 0.5, width: 4, seed: 42 }));
    expect(v.caption).toContain('exactly 0 at all 200 records');
    expect(v.caption).toContain('tanh(0) = 0');
    expect(v.weights.rows).toEqual([1, 2, 3, 4].map((i) => [`unit ${i}`, 0, 0, 0]));
    expect(v.weightsCaption).toBe('All 4 rows are bit-for-bit identical.');
    expect(v.title).toBe('How different do 4 tanh hidden units become? Zero init');
  });

  it('constant init: exactly 0 although the weights move, explained in one sentence', () => {
    const s = snapshot({ init: 'constant', value: 0.5, width: 3, seed: 42 });
    const v = symmetryView(s);
    expect(v.caption).toContain('exactly 0');
    expect(v.caption).toMatch(/the weights move \(w₁ of every unit went from 0\.5 to [−\d.]+\), yet never become different\.$/);
    expect(distinctUnits(s.params!)).toBe(1);
    expect(v.weights.rows[0][1]).not.toBe(0.5);
    expect(v.weightsTitle).toBe('Incoming weights of the hidden units (rows of W[1], and b[1]) after 400 of 400 iterations');
  });

  it('random init: above 0 from the first record, rows differ', () => {
    for (const init of ['normal', 'lecun'] as const) {
      const s = snapshot({ init, value: 0.5, width: 5, seed: 7 }, 200);
      expect(s.distance[0]).toBeGreaterThan(0);
      const v = symmetryView(s);
      expect(v.caption).toMatch(/Random weights make the units differ from the start \([\d.]+ at iteration 0\)/);
      expect(v.weightsCaption).toBe('5 of 5 rows differ.');
    }
  });

  it('shows "not computed" before parameters arrive', () => {
    const s = snapshot({ init: 'zeros', value: 0.5, width: 2, seed: 1 }, 100);
    const v = symmetryView({ ...s, params: null, iterations: [], distance: [], iteration: 0 });
    expect(v.weightsCaption).toBe('Not computed yet.');
    expect(v.caption).toBe('No record yet.');
  });
});
