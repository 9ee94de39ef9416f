import { describe, expect, it } from 'vitest';
import { formatRunValue, readRunValue, type ValueSource } from '../../src/components/run-value.ts';
import { parseProps } from '../../src/components/props.ts';

const done: ValueSource = {
  name: 'experiment "he"', status: { state: 'done', message: 'done: 300 iterations' }, iterations: [0, 10, 20], costs: [0.737, 0.7, 0.69],
  gradientNorms: [[0, 2], [1, 3], [1, 4]], finalCost: 0.2176, accuracy: 0.933, f1: 0.93,
};
const diverged: ValueSource = { name: 'experiment "large"', status: { state: 'diverged', iteration: 0, message: 'diverged at iteration 0' }, iterations: [], costs: [], finalCost: NaN, accuracy: 0.5 };

describe('readRunValue', () => {
  it('reads final and recorded costs, accuracy, F1, divergence and gradient norms', () => {
    expect(readRunValue(done, { value: 'cost' })).toBe(0.2176);
    expect(readRunValue(done, { value: 'cost', at: 10 })).toBe(0.7);
    expect(readRunValue(done, { value: 'accuracy' })).toBe(0.933);
    expect(readRunValue(done, { value: 'f1' })).toBe(0.93);
    expect(readRunValue(done, { value: 'gradientNorm', layer: 2, at: 20 })).toBe(4);
    expect(readRunValue(done, { value: 'gradientNorm', layer: 1 })).toBe(0);
    expect(readRunValue(diverged, { value: 'divergedAt' })).toBe(0);
  });

  it('fails loudly, with the source line, for a value the run does not have', () => {
    const at = (s: ValueSource, spec: Parameters<typeof readRunValue>[1]) => () => readRunValue(s, { ...spec, __source: 'content/lessons/x.mdx:9' });
    expect(at(done, { value: 'cost', at: 15 })).toThrow('content/lessons/x.mdx:9: <RunValue> prop "at" must be an iteration experiment "he" recorded (0, 10, 20); got 15');
    expect(at(diverged, { value: 'cost' })).toThrow('prop "value" must be a value experiment "large" has: it has no finite final cost (diverged at iteration 0); got "cost"');
    expect(at(done, { value: 'divergedAt' })).toThrow('it did not diverge (done: 300 iterations)');
    expect(at(done, { value: 'gradientNorm', layer: 3 })).toThrow('prop "layer" must be a layer of experiment "he", 1 to 2; got 3');
    expect(at(diverged, { value: 'gradientNorm', layer: 1 })).toThrow('it does not record gradient norms');
  });
});

describe('formatRunValue', () => {
  it('prints each kind as prose quotes it', () => {
    expect(formatRunValue(0.21763, { value: 'cost', percent: false })).toBe('0.218');
    expect(formatRunValue(0.5, { value: 'accuracy', percent: false })).toBe('0.5');
    expect(formatRunValue(0.742, { value: 'accuracy', percent: false })).toBe('0.742');
    expect(formatRunValue(0.743027, { value: 'f1', percent: false })).toBe('0.7430');
    expect(formatRunValue(0, { value: 'f1', percent: false })).toBe('0');
    expect(formatRunValue(12000, { value: 'divergedAt', percent: false })).toBe('12,000');
    expect(formatRunValue(1.2e-9, { value: 'gradientNorm', percent: false })).toBe('1.20e-9');
    expect(formatRunValue(9.6858, { value: 'cost', digits: 2, percent: false })).toBe('9.69');
    expect(formatRunValue(0.402, { value: 'accuracy', percent: true })).toBe('40 %');
  });
});

describe('RunValue props', () => {
  it('needs exactly one source, a scheme with a comparison, and a layer with gradientNorm', () => {
    expect(parseProps('RunValue', { experiment: 'he', value: 'cost' })).toMatchObject({ experiment: 'he', value: 'cost', percent: false });
    expect(() => parseProps('RunValue', { experiment: 'he', comparison: 'c', value: 'cost' })).toThrow('prop "experiment" must be given, or else comparison');
    expect(() => parseProps('RunValue', { comparison: 'c', value: 'cost' })).toThrow('prop "scheme" must be one of zeros, normal, lecun, glorot, he (which run of the comparison)');
    expect(() => parseProps('RunValue', { experiment: 'he', value: 'accuracy', at: 10 })).toThrow('prop "at" must be left out with value="accuracy"');
    expect(() => parseProps('RunValue', { experiment: 'he', value: 'median' })).toThrow('prop "value" must be one of cost, accuracy, f1, divergedAt, gradientNorm; got "median"');
  });
});
