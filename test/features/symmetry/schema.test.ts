import { describe, expect, it } from 'vitest';
import { parseProps } from '../../../src/components/props.ts';
import { symmetrySettings } from '../../../src/features/symmetry/schema.ts';
import { urlSpecs } from '../../../src/kit/settings.ts';

describe('<SymmetryMeter> settings, declared once', () => {
  it('iterations is the author\'s only; the constant has the same bounds in props and links', () => {
    const specs = urlSpecs(symmetrySettings);
    expect(Object.keys(specs)).toEqual(['init', 'value', 'width', 'seed']);
    expect(parseProps('SymmetryMeter', { iterations: 2000 })).toMatchObject({ init: 'zeros', value: 0.5, width: 4, iterations: 2000, seed: 42 });
    expect(specs.value.allowed).toBe('a number from −2 to 2');
    expect(() => parseProps('SymmetryMeter', { value: -2.5 })).toThrow('must be a number from −2 to 2; got -2.5');
  });
});
