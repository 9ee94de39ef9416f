import { describe, expect, it } from 'vitest';
import { parseProps } from '../../../src/components/props.ts';
import { activationSettings } from '../../../src/features/activation/schema.ts';
import { urlSpecs } from '../../../src/kit/settings.ts';

describe('activation explorer settings: bounds written once', () => {
  it('props take the declared defaults and reject what the declaration does not allow', () => {
    expect(parseProps('ActivationExplorer', {})).toEqual({ activation: 'tanh', range: 5 });
    expect(parseProps('ActivationExplorer', { activation: 'relu', range: '2.5' })).toEqual({ activation: 'relu', range: 2.5 });
    expect(() => parseProps('ActivationExplorer', { range: 11 })).toThrow('<ActivationExplorer> prop "range" must be a number from 1 to 10; got 11');
    expect(() => parseProps('ActivationExplorer', { activation: 'softmax' })).toThrow('must be one of sigmoid, tanh, relu, leaky-relu, linear');
  });

  it('the URL reads the same bounds', () => {
    const specs = urlSpecs(activationSettings);
    expect(specs.range.parse('10')).toBe(10);
    expect(specs.range.parse('10.5')).toBeUndefined();
    expect(specs.range.allowed).toBe('a number from 1 to 10');
    expect(specs.activation.parse('linear')).toBe('linear');
    expect(specs.activation.parse('softmax')).toBeUndefined();
  });
});
