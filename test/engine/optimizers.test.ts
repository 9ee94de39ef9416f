import { describe, expect, it } from 'vitest';
import { adam, getOptimizer, momentum, optimizerNames, optimizers, rmsprop } from '../../src/engine/optimizers.ts';

const slot = (value: number[], grad: number[]) => ({ name: 'W1', value: Float64Array.from(value), grad: Float64Array.from(grad) });

describe('optimizers', () => {
  it('are registered under their standard names with the papers\' defaults', () => {
    expect(optimizerNames).toEqual(['gd', 'momentum', 'rmsprop', 'adam']);
    expect(momentum.defaults).toEqual({ beta: 0.9 });
    expect(rmsprop.defaults).toEqual({ rho: 0.9, epsilon: 1e-8 });
    expect(adam.defaults).toEqual({ beta1: 0.9, beta2: 0.999, epsilon: 1e-8 });
    expect(adam.defaultLearningRate).toBe(0.001);
    expect(() => getOptimizer('sgd')).toThrow(/unknown optimizer "sgd"; allowed: gd, momentum, rmsprop, adam/);
  });

  it('take the textbook first steps', () => {
    const run = (name: keyof typeof optimizers, steps: number) => {
      const s = slot([1], [0.5]);
      const state = optimizers[name].create([s]);
      for (let k = 0; k < steps; k++) expect(state.step(0.1)).toBe(true);
      return s.value[0];
    };
    expect(run('gd', 1)).toBe(1 - 0.1 * 0.5);
    expect(run('momentum', 1)).toBe(1 - 0.1 * (0.1 * 0.5));
    expect(run('rmsprop', 1)).toBeCloseTo(1 - 0.1 * 0.5 / (Math.sqrt(0.1 * 0.25) + 1e-8), 15);
    // Adam's first bias-corrected step is α·g/|g| ≈ α whatever the gradient's size.
    expect(run('adam', 1)).toBeCloseTo(1 - 0.1, 7);
    expect(run('adam', 2)).toBeCloseTo(1 - 0.2, 7);
  });

  it('refuse a step that would make a parameter non-finite and change nothing', () => {
    for (const name of optimizerNames) {
      const s = slot([1e308, 2], [-1e308, 1]);
      const other = slot([5], [1]);
      const state = optimizers[name].create([other, s]);
      const ok = state.step(name === 'gd' || name === 'momentum' ? 1e10 : 1e309);
      expect(ok, name).toBe(false);
      expect([...s.value, ...other.value]).toEqual([1e308, 2, 5]);
    }
  });

  it('reject unknown or out-of-range hyperparameters by name', () => {
    expect(() => adam.create([], { beta3: 0.5 })).toThrow(/adam has no hyperparameter "beta3"; allowed: beta1, beta2, epsilon/);
    expect(() => adam.create([], { beta1: 1 })).toThrow(/adam: beta1 must be a number in \[0, 1\), got 1/);
    expect(() => rmsprop.create([], { epsilon: 0 })).toThrow(/epsilon must be a number in \(0, 1\)/);
    expect(() => optimizers.gd.create([], { beta: 0.9 })).toThrow(/gd has no hyperparameter "beta"; allowed: none/);
  });
});
