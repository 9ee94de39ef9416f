import { describe, expect, it } from 'vitest';
import { planar, trainRemedies } from '../../../src/engine/index.ts';
import {
  DEFAULT_REMEDIES_SETTINGS, firstOverLast, iterationsTo, layerSpread, REMEDY_VARIANTS, variantConfig,
} from '../../../src/features/remedies/settings.ts';

const data = planar.generate();
const run = (variant: (typeof REMEDY_VARIANTS)[number]) => trainRemedies(data, variantConfig(DEFAULT_REMEDIES_SETTINGS, variant));

describe('variant configs', () => {
  it('share the network and differ only by their remedy', () => {
    const s = DEFAULT_REMEDIES_SETTINGS;
    const plain = variantConfig(s, 'plain');
    expect(plain.layers).toHaveLength(32);
    expect(plain).toMatchObject({ hidden: 'tanh', init: 'normal', scale: 0.1, batchSize: 64, recordEvery: 10, optimizer: 'gd', clip: 'none', residual: 'none', batchNorm: false });
    expect(variantConfig(s, 'clipped')).toEqual({ ...plain, clip: 'norm', clipThreshold: 1 });
    expect(variantConfig(s, 'residual')).toEqual({ ...plain, residual: 'identity' });
    expect(variantConfig(s, 'batchnorm')).toEqual({ ...plain, batchNorm: true });
    expect(variantConfig(s, 'adam')).toEqual({ ...plain, optimizer: 'adam', learningRate: 0.001 });
  });
});

describe('the central claim, measured on the default deep network (30 × 16 tanh, N(0, 0.1²), 1000 iterations)', () => {
  const plain = run('plain');
  const residual = run('residual');
  const batchnorm = run('batchnorm');

  it('plain gradient descent: after initialization ‖dW[1]‖ / ‖dW[L]‖ has median 1.5e-9, and 98 of its 99 records are under 1e-6', () => {
    const ratio = firstOverLast(plain.history);
    expect(plain.status.state).toBe('done');
    expect(ratio[0]).toBeCloseTo(0.57, 2); // at initialization both ends are small alike (activations shrink too)
    const after = ratio.slice(1);
    expect(after).toHaveLength(99);
    expect([...after].sort((a, b) => a - b)[49]).toBeLessThan(2e-9);
    expect(after.filter((r) => r < 1e-6)).toHaveLength(98);
    expect(Math.max(...after)).toBeLessThan(2e-6); // the one exception, a noisy mini-batch at iteration 560
    expect(ratio.at(-1)).toBeLessThan(1e-8);
    expect(iterationsTo(plain.history, 0.5)).toBeNull();
  });

  it('residual keeps every layer within two orders of magnitude at every record; batch norm at 98 of 100 records', () => {
    for (const t of [residual, batchnorm]) expect(t.status.state).toBe('done');
    expect(Math.max(...layerSpread(residual.history))).toBeLessThan(13); // 12.8
    const bn = layerSpread(batchnorm.history);
    expect(bn.filter((r) => r > 100)).toHaveLength(2); // 126.0 at iteration 180, 109.3 at 390
    expect(Math.max(...bn)).toBeLessThan(1000);
    expect(iterationsTo(residual.history, 0.5)).not.toBeNull();
  });

  it('clipping at norm 1 never triggers here: it bounds exploding steps and does nothing for vanishing ones', () => {
    const clipped = run('clipped');
    expect(clipped.clippedSteps).toBe(0);
    expect(clipped.history.costs).toEqual(plain.history.costs);
  });
});
