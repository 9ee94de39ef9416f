import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAIN_CONFIG } from '../../src/engine/config.ts';
import { planar } from '../../src/engine/datasets.ts';
import { gridAround, gridInputs, probabilityGrid } from '../../src/engine/grid.ts';
import { train } from '../../src/engine/train.ts';

describe('probability grid', () => {
  const data = planar.generate();
  it('covers the data and places cell centres row by row', () => {
    const spec = gridAround(data, 4);
    const X = gridInputs(spec);
    expect(X.length).toBe(32);
    expect(X[0]).toBeCloseTo(spec.xMin + (spec.xMax - spec.xMin) / 8, 12);
    expect(X[16 + 4]).toBeCloseTo(spec.yMin + 3 * (spec.yMax - spec.yMin) / 8, 12);
  });

  it('agrees with the trained model\'s predictions on the data', () => {
    const run = train(data, { ...DEFAULT_TRAIN_CONFIG, iterations: 2000 });
    const spec = gridAround(data, 60);
    const probs = probabilityGrid(run.params, run.activations, spec);
    expect(probs.length).toBe(3600);
    expect(probs.every((p) => p >= 0 && p <= 1)).toBe(true);
    expect(Math.min(...probs)).toBeLessThan(0.1);
    expect(Math.max(...probs)).toBeGreaterThan(0.9);
  });
});
