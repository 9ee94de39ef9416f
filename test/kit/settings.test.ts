import { describe, expect, it } from 'vitest';
import { propSchema, parseWith } from '../../src/kit/props.ts';
import { accepts, allowed, defaultsOf, logRanges, sliderRange, urlSpecs, withOption, type ChoiceSetting, type NumberSetting, type Settings } from '../../src/kit/settings.ts';

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

describe('every kind of setting', () => {
  const kinds = {
    rate: { kind: 'number', min: 0.001, max: 10, step: 0.001, default: 1.2, options: [0.1, 1], logDigits: 2 },
    size: { kind: 'number-choice', values: [16, 64], default: 64 },
    pick: { kind: 'list', values: ['a', 'b', 'c'], min: 1, max: 2, default: ['a'] },
    shown: { kind: 'choice', values: ['x', 'y'], default: 'x', readerOnly: true },
    runs: { kind: 'number', min: 1, max: 9, step: 1, default: 5, integer: true, authorOnly: true },
    c: { kind: 'number', min: -2, max: 2, step: 0.01, default: 0 },
  } as const satisfies Settings;

  it('links take the options plus the page default, lists of distinct items, and no author-only setting', () => {
    const specs = urlSpecs(kinds, { rate: 0.5 }) as unknown as Record<string, { parse(raw: string): unknown; allowed: string }>;
    expect(['0.1', '0.5', '0.3'].map((r) => specs.rate.parse(r))).toEqual([0.1, 0.5, undefined]);
    expect(['16', '17'].map((r) => specs.size.parse(r))).toEqual([16, undefined]);
    expect(['a,b', 'a,a', 'a,b,c', 'd'].map((r) => specs.pick.parse(r))).toEqual([['a', 'b'], undefined, undefined, undefined]);
    expect(specs.pick.allowed).toBe('a comma-separated list of 1–2 of a, b, c, each at most once');
    expect(specs.c.allowed).toBe('a number from −2 to 2');
    expect(Object.keys(specs)).toEqual(['rate', 'size', 'pick', 'shown', 'c']);
  });

  it('props take any number in bounds, lists as "a, b", and no reader-only setting', () => {
    const schema = propSchema(kinds);
    expect(parseWith('X', schema, { rate: '0.3', pick: 'b, c' })).toEqual({ rate: 0.3, size: 64, pick: ['b', 'c'], runs: 5, c: 0 });
    expect(() => parseWith('X', schema, { pick: 'a,a' })).toThrow('prop "pick" must be a comma-separated list of 1–2 of a, b, c, each at most once');
    expect(() => parseWith('X', schema, { size: 17 })).toThrow('prop "size" must be one of 16, 64; got 17');
    expect(() => parseWith('X', schema, { shown: 'y' })).toThrow('prop "shown" must be left out: the reader sets it with the figure\'s own control (it is not a prop); got "y"');
    expect(() => parseWith('X', schema, { colour: 'y' })).toThrow('prop "colour" must be one of the known props (rate, size, pick, runs, c)');
  });

  it('derives log slider ranges and slider attributes from the same bounds', () => {
    expect(logRanges(kinds)).toEqual({ rate: { min: 0.001, max: 10, digits: 2 } });
    expect(sliderRange(kinds.rate)).toEqual({ min: -3, max: 1, step: 0.1 });
    expect(sliderRange(kinds.c)).toEqual({ min: -2, max: 2, step: 0.01 });
    expect(withOption([1, 2, 5], 3)).toEqual([1, 2, 3, 5]);
    expect(withOption([1, 2, 5], 2)).toEqual([1, 2, 5]);
    expect([accepts(kinds.runs, 5), accepts(kinds.runs, 5.5), accepts(kinds.pick, ['c', 'a'])]).toEqual([true, false, true]);
  });
});
