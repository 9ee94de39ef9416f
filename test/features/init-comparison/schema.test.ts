import { describe, expect, it } from 'vitest';
import { parseProps } from '../../../src/components/props.ts';
import { comparisonSettings } from '../../../src/features/init-comparison/schema.ts';
import { comparisonSpecs } from '../../../src/features/init-comparison/parts.ts';
import { comparisonDefaults } from '../../../src/components/run-value.ts';

describe('<InitComparison> settings, declared once', () => {
  it('a prop may set any learning rate in bounds; a link may ask for the select\'s options or that value', () => {
    const props = parseProps('InitComparison', { learningRate: 0.7, schemes: 'he, zeros' });
    expect(props).toMatchObject({ learningRate: 0.7, schemes: ['he', 'zeros'], yScale: 'log', scale: 10 });
    const specs = comparisonSpecs(comparisonDefaults(props));
    expect(['0.7', '0.5', '0.6'].map((r) => specs.learningRate.parse(r))).toEqual([0.7, 0.5, undefined]);
    expect(specs.threshold.parse(String(comparisonSettings.threshold.default))).toBe(0.25);
    expect(() => parseProps('InitComparison', { threshold: 0.3 })).toThrow('prop "threshold" must be left out: the reader sets it with the figure\'s own control (it is not a prop); got 0.3');
    expect(() => parseProps('InitComparison', { schemes: 'he,he' })).toThrow('each at most once');
  });
});
