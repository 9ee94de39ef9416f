import { describe, expect, it } from 'vitest';
import { parseProps } from '../../../src/components/props.ts';
import { deepLinearSettings } from '../../../src/features/deep-linear/schema.ts';
import { MAX_DEPTH } from '../../../src/features/deep-linear/views.ts';
import { urlSpecs } from '../../../src/kit/settings.ts';

describe('<DeepLinearExplorer> settings, declared once', () => {
  it('props, links and the sweep stop at the same depth', () => {
    const deepLinearSpecs = urlSpecs(deepLinearSettings);
    expect(MAX_DEPTH).toBe(deepLinearSettings.depth.max);
    expect(parseProps('DeepLinearExplorer', {})).toMatchObject({ a: 1.5, depth: 10 });
    expect(() => parseProps('DeepLinearExplorer', { depth: MAX_DEPTH + 1 })).toThrow(`an integer from 2 to ${MAX_DEPTH}`);
    expect([deepLinearSpecs.depth.parse(String(MAX_DEPTH)), deepLinearSpecs.depth.parse(String(MAX_DEPTH + 1))]).toEqual([MAX_DEPTH, undefined]);
  });
});
