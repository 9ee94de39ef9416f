import { describe, expect, it } from 'vitest';
import { docText, float, py, scriptName } from '../../src/python/literal.ts';

describe('Python literals', () => {
  it('writes floats as floats, so Python computes with the engine\'s type', () => {
    expect(float(10)).toBe('10.0');
    expect(float(0.1)).toBe('0.1');
    expect(float(1e-7)).toBe('1e-7');
    expect(() => float(Number.POSITIVE_INFINITY)).toThrow(/Infinity/);
  });

  it('writes JSON-like values and safe names', () => {
    expect(py([1, 'a', false, null])).toBe('[1, "a", False, None]');
    expect(scriptName('Remedies: gradients 0')).toBe('remedies-gradients-0');
  });

  it('keeps text inside a docstring: backslashes doubled, triple quotes escaped', () => {
    expect(docText('a """b""" \\ c')).toBe('a \\"\\"\\"b\\"\\"\\" \\\\ c');
  });
});
