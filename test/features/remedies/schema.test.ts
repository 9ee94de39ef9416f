import { describe, expect, it } from 'vitest';
import { parseProps } from '../../../src/components/props.ts';
import { remediesSettings } from '../../../src/features/remedies/schema.ts';
import { DEFAULT_REMEDIES_SETTINGS } from '../../../src/features/remedies/settings.ts';
import { urlSpecs } from '../../../src/kit/settings.ts';

describe('<RemediesExplorer> settings, declared once', () => {
  it('the props\' defaults are the network the lesson measures, and links take the same batch sizes', () => {
    const { urlKey, __source, __experiments, ...props } = parseProps('RemediesExplorer', {});
    expect(urlKey).toBe('remedies');
    expect(props).toEqual(DEFAULT_REMEDIES_SETTINGS);
    expect(DEFAULT_REMEDIES_SETTINGS).toMatchObject({ depth: 30, width: 16, hidden: 'tanh', scale: 0.1, batchSize: 64 });
    const specs = urlSpecs(remediesSettings);
    expect([specs.batchSize.parse('128'), specs.batchSize.parse('100')]).toEqual([128, undefined]);
    expect(() => parseProps('RemediesExplorer', { variants: 'plain,clipped,residual,batchnorm,adam' })).toThrow('1–4 of plain');
  });
});
