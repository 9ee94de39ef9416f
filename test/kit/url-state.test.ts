/**
 * URL state under fuzzing: ≥ 1 000 random and adversarial query strings per property. Reading never
 * throws, never yields a value outside its spec, never touches Object.prototype, reports every
 * ignored setting and keeps the defaults for them; writing round-trips.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeIgnored, param, readState, writeState, type Specs } from '../../src/kit/url-state.ts';
import { adversarialKeys, adversarialValues } from '../fixtures/hostile-urls.ts';

const RUNS = 1000;

/** The explorers' settings, mirrored here (the islands themselves need a DOM to import). */
interface Deep { a: number; depth: number; speed: number }
interface Meter { init: 'zeros' | 'constant' | 'normal' | 'lecun'; value: number; width: number; seed: number; speed: number; layers: ('tanh' | 'relu')[]; log: boolean }
const deepSpecs: Specs<Deep> = { a: param.number(0.3, 1.7), depth: param.number(2, 50, { integer: true }), speed: param.number(1, 5, { integer: true }) };
const meterSpecs: Specs<Meter> = {
  init: param.choice(['zeros', 'constant', 'normal', 'lecun'] as const), value: param.number(-2, 2), width: param.number(2, 16, { integer: true }),
  seed: param.number(0, 0xffffffff, { integer: true }), speed: param.number(1, 5, { integer: true }),
  layers: param.list(['tanh', 'relu'] as const), log: param.boolean(),
};
const deepDefaults: Deep = { a: 1.5, depth: 10, speed: 3 };
const meterDefaults: Meter = { init: 'zeros', value: 0.5, width: 4, seed: 42, speed: 3, layers: ['tanh'], log: false };

/** encodeURIComponent that accepts lone surrogates (as a browser's URL would, replacing them). */
const enc = (s: string) => encodeURIComponent(s.toWellFormed());

/** A query string: encoded pairs, raw junk, or bytes, with known, adversarial and random keys and values. */
function queryArb(prefix: string, known: readonly string[]) {
  const key = fc.oneof(
    fc.constantFrom(...known.map((k) => `${prefix}.${k}`)),
    fc.constantFrom(...adversarialKeys(prefix)),
    fc.string().map((s) => `${prefix}.${s}`),
    fc.string({ unit: 'binary' }),
  );
  const value = fc.oneof(
    fc.constantFrom(...adversarialValues),
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.double().map(String),
    fc.integer().map(String),
    fc.constantFrom('0.3', '1.7', '2', '50', '16', '-2', 'lecun', 'tanh,relu', 'true', 'false', '4294967295', '4294967296'),
  );
  const pair = fc.tuple(key, value, fc.boolean()).map(([k, v, encode]) => (encode ? `${enc(k)}=${enc(v)}` : `${k}=${v}`));
  return fc.oneof(
    fc.tuple(fc.constantFrom('', '?', '??', '#'), fc.array(pair, { maxLength: 12 }), fc.constantFrom('&', ';', '&&')).map(([lead, ps, sep]) => lead + ps.join(sep)),
    fc.string({ unit: 'binary', maxLength: 500 }),
    fc.constantFrom(...adversarialValues).map((v) => `?${v}`),
  );
}

const protoKeys = () => Object.getOwnPropertyNames(Object.prototype).sort().join(',');

/** An independent statement of each spec (not its parse function): is `v` allowed? */
function allowed(specs: Specs<object>, key: string, v: unknown): boolean {
  const spec = (specs as Record<string, { allowed: string }>)[key];
  const range = /from (-?[\d.]+) to (-?[\d.]+)/.exec(spec.allowed);
  if (range) {
    return typeof v === 'number' && Number.isFinite(v) && !Object.is(v, -0) && v >= Number(range[1]) && v <= Number(range[2])
      && (!spec.allowed.startsWith('an integer') || Number.isInteger(v));
  }
  if (spec.allowed.startsWith('one of ')) return spec.allowed.slice(7).split(', ').includes(v as string);
  if (spec.allowed === 'true or false') return typeof v === 'boolean';
  return Array.isArray(v) && v.length >= 1 && new Set(v).size === v.length && v.every((x) => ['tanh', 'relu'].includes(x));
}

function checkRead<T extends object>(prefix: string, specs: Specs<T>, defaults: T, search: string): void {
  const before = protoKeys();
  const { values, ignored } = readState(prefix, specs, defaults, search);
  expect(protoKeys()).toBe(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
  expect(Object.keys(values).sort()).toEqual(Object.keys(defaults).sort());
  const entries: [string, string][] = [];
  try {
    for (const e of new URLSearchParams(search)) entries.push(e);
  } catch {
    // readState treats an unparsable query as empty.
  }
  const mine = entries.filter(([k]) => k.startsWith(`${prefix}.`));
  const times = (k: string) => mine.filter(([x]) => x === k).length;
  const accepted = mine.filter(([k, raw]) => {
    const key = k.slice(prefix.length + 1);
    return times(k) === 1 && Object.hasOwn(specs, key) && raw.length <= 200 && specs[key as keyof T].parse(raw) !== undefined;
  });
  // Every setting of this island was either used or reported; other islands' keys are left alone.
  expect(ignored.length + accepted.length).toBe(mine.length);
  for (const i of ignored) expect(i.key.startsWith(`${prefix}.`)).toBe(true);
  for (const key of Object.keys(specs) as (keyof T & string)[]) {
    const v = values[key];
    expect(allowed(specs as Specs<object>, key, v), `${key}=${String(v)}`).toBe(true);
    const given = accepted.find(([k]) => k === `${prefix}.${key}`);
    // Defaults stay for settings the link did not give validly, and exactly once.
    if (!given) expect(Object.is(v, defaults[key])).toBe(true);
    else expect(specs[key].format(v)).toBe(specs[key].format(specs[key].parse(given[1])!));
  }
}

describe('readState under fuzzing', () => {
  it(`never throws, never leaves a spec, never pollutes, reports what it ignores (deep-linear, ${RUNS} queries)`, () => {
    fc.assert(fc.property(queryArb('deep-linear', Object.keys(deepSpecs)), (q) => checkRead('deep-linear', deepSpecs, deepDefaults, q)), { numRuns: RUNS });
  });

  it(`… and for choice, list and boolean settings (symmetry, ${RUNS} queries)`, () => {
    fc.assert(fc.property(queryArb('symmetry', Object.keys(meterSpecs)), (q) => checkRead('symmetry', meterSpecs, meterDefaults, q)), { numRuns: RUNS });
  });

  it('ignores every adversarial value for every setting, with the default kept and the key reported', () => {
    for (const raw of adversarialValues) {
      for (const key of Object.keys(deepSpecs)) {
        const { values, ignored } = readState('deep-linear', deepSpecs, deepDefaults, `?deep-linear.${key}=${enc(raw)}`);
        if (ignored.length === 0) {
          // The only valid one: 0.29999999999999999, which is the double 0.3 (a is not an integer setting).
          expect(raw === '0.29999999999999999' && key === 'a', `${key}=${raw}`).toBe(true);
          continue;
        }
        expect(values).toEqual(deepDefaults);
        expect(ignored).toEqual([{ key: `deep-linear.${key}`, raw: raw.toWellFormed(), allowed: deepSpecs[key as keyof Deep].allowed }]);
      }
    }
  });

  it('treats prototype keys as unknown settings, without touching any object', () => {
    const search = '?deep-linear.__proto__=%7B%22a%22%3A9%7D&deep-linear.constructor=1&deep-linear.prototype=x&__proto__=1&deep-linear.__proto__.polluted=1';
    const { values, ignored } = readState('deep-linear', deepSpecs, deepDefaults, search);
    expect(values).toEqual(deepDefaults);
    expect(ignored.map((i) => i.key)).toEqual(['deep-linear.__proto__', 'deep-linear.constructor', 'deep-linear.prototype', 'deep-linear.__proto__.polluted']);
    expect(ignored[0].allowed).toBe('a known setting (deep-linear.a, deep-linear.depth, deep-linear.speed)');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(values, '__proto__')).toBe(false);
  });

  it('reads huge, non-finite and negative-zero numbers as ignored or 0, never as −0 or ∞', () => {
    const r = readState('symmetry', meterSpecs, meterDefaults, '?symmetry.value=-0&symmetry.seed=1e309&symmetry.width=9e999&symmetry.speed=NaN');
    expect(Object.is(r.values.value, 0)).toBe(true);
    expect(r.ignored.map((i) => i.key)).toEqual(['symmetry.seed', 'symmetry.width', 'symmetry.speed']);
  });
});

describe('settings given twice, and integers as written', () => {
  it('reports a duplicated key in the notice and keeps the default for it', () => {
    const r = readState('deep-linear', deepSpecs, deepDefaults, '?deep-linear.depth=12&deep-linear.a=1.2&deep-linear.depth=40');
    expect(r.values).toEqual({ ...deepDefaults, a: 1.2 });
    expect(r.ignored).toEqual([
      { key: 'deep-linear.depth', raw: '12', allowed: 'one value, not 2' },
      { key: 'deep-linear.depth', raw: '40', allowed: 'one value, not 2' },
    ]);
    expect(describeIgnored(r.ignored)).toBe('This link had settings this figure cannot use, so it shows its defaults for them: '
      + 'deep-linear.depth=12 (expected one value, not 2); deep-linear.depth=40 (expected one value, not 2).');
  });

  it('takes only integers as written for integer settings', () => {
    const depth = deepSpecs.depth;
    for (const raw of ['5.0000000000001', '20.0', '2e1', '20.', '0x14', '1_0', ' 20', '']) expect(depth.parse(raw), raw).toBeUndefined();
    expect(depth.parse('20')).toBe(20);
    expect(depth.parse('+020')).toBe(20);
    const seed = meterSpecs.seed;
    expect(seed.parse('4294967295')).toBe(4294967295);
    expect(seed.parse('4294967295.0000000001')).toBeUndefined();
  });

  it('takes a listed number only as written, not a near miss that rounds to it', () => {
    const iterations = param.numberChoice([500, 5000, 10000, 20000]);
    expect(iterations.parse('5000')).toBe(5000);
    expect(iterations.parse('5000.0000000000001')).toBeUndefined();
    expect(iterations.parse('5e3')).toBeUndefined();
    const rates = param.numberChoice([0.01, 1.2]);
    expect(rates.parse('1.20')).toBe(1.2);
    expect(rates.parse('1.2000000000000001')).toBeUndefined();
    expect(rates.parse('.')).toBeUndefined();
  });
});

describe('param.numberChoice', () => {
  it('accepts only the listed numbers from a link', () => {
    const spec = param.numberChoice([0.25, 0.3]);
    expect(spec.parse('0.25')).toBe(0.25);
    expect(spec.parse('.3')).toBe(0.3);
    expect(spec.parse('0.27')).toBeUndefined();
    expect(spec.parse('0x1')).toBeUndefined();
    expect(spec.format(0.3)).toBe('0.3');
    expect(spec.allowed).toBe('one of 0.25, 0.3');
  });
});

describe('writeState', () => {
  const valid = fc.record({
    a: fc.integer({ min: 30, max: 170 }).map((n) => n / 100),
    depth: fc.integer({ min: 2, max: 50 }),
    speed: fc.integer({ min: 1, max: 5 }),
  });

  it(`round-trips any valid values through the URL and keeps other parameters (${RUNS} cases)`, () => {
    fc.assert(fc.property(valid, queryArb('other', ['x']), (values, other) => {
      const search = writeState('deep-linear', deepSpecs, deepDefaults, values, other);
      const back = readState('deep-linear', deepSpecs, deepDefaults, search);
      expect(back.values).toEqual(values);
      expect(back.ignored).toEqual([]);
      const keep = (s: string) => [...new URLSearchParams(s)].filter(([k]) => !k.startsWith('deep-linear.'));
      expect(keep(search)).toEqual(keep(other));
    }), { numRuns: RUNS });
  });

  it('leaves defaults out of the link and removes stale or junk settings of its island', () => {
    expect(writeState('deep-linear', deepSpecs, deepDefaults, deepDefaults, '?deep-linear.a=0.5&deep-linear.__proto__=1&x=1')).toBe('?x=1');
    expect(writeState('deep-linear', deepSpecs, deepDefaults, { ...deepDefaults, depth: 30 }, '')).toBe('?deep-linear.depth=30');
  });
});

describe('describeIgnored', () => {
  it(`is short plain text for any ignored list, naming at most 5 settings (${RUNS} cases)`, () => {
    fc.assert(fc.property(queryArb('deep-linear', Object.keys(deepSpecs)), (q) => {
      const { ignored } = readState('deep-linear', deepSpecs, deepDefaults, q);
      const text = describeIgnored(ignored);
      if (ignored.length === 0) {
        expect(text).toBe('');
        return;
      }
      expect(text.startsWith('This link had settings this figure cannot use, so it shows its defaults for them: ')).toBe(true);
      // Raw values and keys are cut to 40 characters: bounded, whatever the link holds.
      expect(text.length).toBeLessThan(140 + 5 * (40 + 40 + 120) + 30);
      if (ignored.length > 5) expect(text.endsWith(` and ${ignored.length - 5} more.`)).toBe(true);
    }), { numRuns: RUNS });
  });

  it('quotes markup as text and shortens long values', () => {
    const text = describeIgnored([{ key: 'deep-linear.a', raw: '<script>alert(1)</script>"><img src=x onerror=alert(1)>', allowed: 'a number from 0.3 to 1.7' }]);
    expect(text).toBe('This link had settings this figure cannot use, so it shows its defaults for them: deep-linear.a=<script>alert(1)</script>"><img src=x… (expected a number from 0.3 to 1.7).');
    expect(describeIgnored([])).toBe('');
  });
});
