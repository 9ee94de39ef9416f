import { describe, expect, it } from 'vitest';
import { parseProps } from '../../../src/components/props.ts';
import { flowSettings } from '../../../src/features/gradient-flow/schema.ts';
import { logRanges, urlSpecs } from '../../../src/kit/settings.ts';

describe('<GradientFlow> settings, declared once', () => {
  it('defaults train He + ReLU without diverging (learning rate 0.1), and the log sliders share the bounds', () => {
    expect(parseProps('GradientFlow', {})).toMatchObject({ depth: 6, width: 16, hidden: 'tanh', init: 'normal', scale: 0.01, iterations: 600, learningRate: 0.1 });
    expect(logRanges(flowSettings)).toEqual({ scale: { min: 0.001, max: 100, digits: 2 }, learningRate: { min: 0.001, max: 10, digits: 2 } });
    const specs = urlSpecs(flowSettings);
    expect([specs.scale.parse('100'), specs.scale.parse('101')]).toEqual([100, undefined]);
    expect(() => parseProps('GradientFlow', { scale: 101 })).toThrow('prop "scale" must be a number from 0.001 to 100');
  });
});
