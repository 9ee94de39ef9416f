import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_TRAIN_CONFIG, parseLayers, parseNumber, parseTrainConfig } from '../../src/engine/config.ts';

describe('training config', () => {
  it('accepts numbers written as strings and layers as text', () => {
    const c = parseTrainConfig({ layers: '2,4,1', learningRate: '0.5', iterations: '100', hidden: 'relu', init: 'he' });
    expect(c).toEqual({ ...DEFAULT_TRAIN_CONFIG, layers: [2, 4, 1], learningRate: 0.5, iterations: 100, hidden: 'relu', init: 'he' });
    expect(parseLayers('2-3-1')).toEqual([2, 3, 1]);
    expect(parseNumber('1e-3')).toBe(0.001);
    expect(parseNumber('12abc')).toBeNaN();
    expect(parseNumber('')).toBeNaN();
  });

  it('names the field and the allowed values', () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ layers: '3,3,1' }, 'layers', /starting with 2 .* ending with 1/],
      [{ layers: '2,3,2' }, 'layers', /ending with 1/],
      [{ hidden: 'softmax' }, 'hidden', /one of sigmoid, tanh, relu, leaky-relu, linear/],
      [{ init: 'xavier' }, 'init', /one of zeros, normal, lecun, glorot, he/],
      [{ learningRate: 0 }, 'learningRate', /> 0/],
      [{ learningRate: '-1' }, 'learningRate', /> 0/],
      [{ iterations: 2.5 }, 'iterations', /positive integer/],
      [{ iterations: 'many' }, 'iterations', /positive integer/],
      [{ seed: -3 }, 'seed', /from 0 to 4294967295/],
      [{ hidden: '__proto__' }, 'hidden', /one of/],
    ];
    for (const [raw, field, allowed] of cases) {
      let error: unknown;
      try { parseTrainConfig(raw); } catch (e) { error = e; }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).field).toBe(field);
      expect((error as ConfigError).message).toMatch(allowed);
    }
  });

  it('accepts a negative scale only for constant init (it is the weights\' value)', () => {
    expect(parseTrainConfig({ init: 'constant', scale: '-1.5' }).scale).toBe(-1.5);
    expect(() => parseTrainConfig({ init: 'normal', scale: -1.5 })).toThrow(/scale must be a number from 0 to/);
  });

  it('reports the value as written, not as parsed', () => {
    expect(() => parseTrainConfig({ iterations: 'abc' })).toThrow('iterations must be a positive integer ≤ 1000000; got "abc"');
    expect(() => parseTrainConfig({ learningRate: '1e999' })).toThrow('learningRate must be a number > 0 and ≤ 1000000; got "1e999"');
  });

  it('ignores inherited keys of the raw object', () => {
    const raw = Object.create({ learningRate: 99 }) as Record<string, unknown>;
    expect(parseTrainConfig(raw).learningRate).toBe(1.2);
  });
});
