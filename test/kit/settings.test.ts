import { describe, expect, it } from 'vitest';
import { propSchema, parseWith } from '../../src/kit/props.ts';
import { allowed, defaultsOf, urlSpecs, type ChoiceSetting, type NumberSetting } from '../../src/kit/settings.ts';

const settings = {
  depth: { kind: 'number', min: 2, max: 8, step: 1, default: 4, integer: true } as NumberSetting,
  mode: { kind: 'choice', values: ['a', 'b'], default: 'b' } as ChoiceSetting<'a' | 'b'>,
};

describe('settings declared once', () => {
  it('says what each allows, and the defaults', () => {
    expect(allowed(settings.depth)).toBe('an integer from 2 to 8');
    expect(allowed(settings.mode)).toBe('one of a, b');
    expect(defaultsOf(settings)).toEqual({ depth: 4, mode: 'b' });
  });

  it('derives URL specs and a strict prop schema with the same bounds', () => {
    const specs = urlSpecs(settings);
    expect([specs.depth.parse('8'), specs.depth.parse('9'), specs.depth.parse('2.5')]).toEqual([8, undefined, undefined]);
    expect(specs.depth.allowed).toBe('an integer from 2 to 8');
    const schema = propSchema(settings);
    expect(parseWith('X', schema, { depth: '3' })).toEqual({ depth: 3, mode: 'b' });
    expect(() => parseWith('X', schema, { depth: 2.5 })).toThrow('<X> prop "depth" must be an integer from 2 to 8; got 2.5');
    expect(() => parseWith('X', schema, { colour: 'red' })).toThrow('<X> prop "colour" must be one of the known props (depth, mode)');
  });
});
