import * as Plot from '@observablehq/plot';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cell, displayCell, fmt, fmtInt, integerTicks, isPositiveFinite, iterationEnd, logAxis, logDomain, logTickFormat, logTicks, subsample, superscript,
} from '../../src/charts/common.ts';
import { renderSvg } from '../../src/charts/render.ts';

describe('number formatting', () => {
  it('writes 3 significant digits with separators and a true minus sign', () => {
    expect(fmt(0.693147)).toBe('0.693');
    expect(fmt(12345.6)).toBe('12,300');
    expect(fmt(-0.5)).toBe('−0.5');
    expect(fmt(0)).toBe('0');
  });

  it('switches to powers of ten outside [0.001, 10⁶)', () => {
    expect(fmt(1.234e-7)).toBe('1.23 × 10⁻⁷');
    expect(fmt(1e30)).toBe('10³⁰');
    expect(fmt(-2e-30)).toBe('−2 × 10⁻³⁰');
    expect(fmt(9.999e-5)).toBe('10⁻⁴');
    expect(fmt(5e-324)).toBe('4.94 × 10⁻³²⁴');
    expect(fmt(1.7976931348623157e308)).toBe('1.8 × 10³⁰⁸');
  });

  it('names non-finite values instead of printing NaN', () => {
    expect(fmt(NaN)).toBe('not a number');
    expect(fmt(Infinity)).toBe('∞');
    expect(fmt(-Infinity)).toBe('−∞');
    expect(fmtInt(10000)).toBe('10,000');
    expect(superscript(-30)).toBe('⁻³⁰');
  });

  it('formats with kept formatters exactly as a fresh one each call would', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 1, max: 21 }), (v, digits) => {
      expect(fmtInt(v)).toBe(Math.round(v).toLocaleString('en-US'));
      const a = Math.abs(v);
      if (v !== 0 && a >= 1e-3 && a < 1e6) expect(fmt(v, digits)).toBe(new Intl.NumberFormat('en-US', { maximumSignificantDigits: digits }).format(v).replace('-', '−'));
    }));
    expect([fmt(1234.5678, 4), fmt(1234.5678, 8), fmt(1234.5678, 4)]).toEqual(['1,235', '1,234.5678', '1,235']);
  });

  it('keeps table cells numeric when finite', () => {
    expect(cell(0.123456789)).toBe(0.1235);
    expect(cell(NaN)).toBe('not a number');
    expect(cell(undefined)).toBe('');
    expect(isPositiveFinite(0)).toBe(false);
    expect(isPositiveFinite(Infinity)).toBe(false);
    expect(isPositiveFinite(1e-300)).toBe(true);
  });

  it('shows table cells with a true minus sign, and a million or more in exponent form, which reads back as the number', () => {
    expect(displayCell(-0.066)).toBe('−0.066');
    expect(displayCell(999_999)).toBe('999999');
    expect(displayCell(123_500_000_000_000)).toBe('1.235e14');
    expect(displayCell(-2.6e10)).toBe('−2.6e10');
    expect(Number(displayCell(123_500_000_000_000))).toBe(123_500_000_000_000);
    expect(displayCell(1.5e-9)).toBe('1.5e-9');
    expect(displayCell('not reached')).toBe('not reached');
  });
});

describe('log scales', () => {
  it('rounds domains to decades, ignoring zeros, negatives and non-finite values', () => {
    expect(logDomain([0.03, 2, 0, -1, NaN, Infinity])).toEqual([0.01, 10]);
    expect(logDomain([1e-30, 1e30])).toEqual([1e-30, 1e30]);
    expect(logDomain([5, 5])).toEqual([1, 10]);
    expect(logDomain([])).toEqual([0.1, 10]);
    expect(logDomain([0, NaN])).toEqual([0.1, 10]);
  });

  it('pads instead of rounding when asked', () => {
    const [lo, hi] = logDomain([0.5, 10], [], 'pad', 1.25);
    expect(lo).toBeCloseTo(0.4, 12);
    expect(hi).toBeCloseTo(12.5, 12);
  });

  it('ticks powers of ten over wide or extreme domains, 1-2-5 over narrow ones', () => {
    const wide = logTicks([1e-30, 1e30]);
    expect(wide.length).toBeLessThanOrEqual(7);
    expect(wide.every((v) => Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9)).toBe(true);
    expect(wide.at(-1)).toBe(1e30);
    expect(logTicks([0.01, 1])).toEqual([0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1]);
    expect(logTicks([0.3, 1.5])).toEqual([0.3, 0.5, 0.7, 1]);
    expect(logTicks([1e-27, 1e-26])).toEqual([1e-27, 1e-26]);
  });

  it('labels extreme powers of ten with superscripts and ordinary ones plainly', () => {
    expect(logTickFormat(1e-30)).toBe('10⁻³⁰');
    expect(logTickFormat(1e30)).toBe('10³⁰');
    expect(logTickFormat(0.001)).toBe('0.001');
    expect(logTickFormat(1000)).toBe('1,000');
    expect(logTickFormat(0.2)).toBe('0.2');
  });

  it('builds a labelled log axis with our ticks', () => {
    expect(logAxis([0.01, 1], 'cost')).toMatchObject({ type: 'log', domain: [0.01, 1], label: 'cost, log scale', ticks: logTicks([0.01, 1]), grid: true });
  });

  it('ends an iteration axis at the total when given, else at the last finite iteration (at least 1)', () => {
    expect(iterationEnd(5000, [0, 10])).toBe(5000);
    expect(iterationEnd(undefined, [0, 10, NaN], [30, Infinity])).toBe(30);
    expect(iterationEnd(0, [])).toBe(1);
  });

  it('ticks layers at 1 and multiples of a round step', () => {
    expect(integerTicks(5)).toEqual([1, 2, 3, 4, 5]);
    expect(integerTicks(40)).toEqual([1, 5, 10, 15, 20, 25, 30, 35, 40]);
  });
});

describe('subsample', () => {
  it('keeps every k-th record and the last, and says so', () => {
    const s = subsample(1001, 60);
    expect(s.step).toBe(17);
    expect(s.indices[0]).toBe(0);
    expect(s.indices.at(-1)).toBe(1000);
    expect(s.indices.length).toBeLessThanOrEqual(61);
    expect(s.note).toBe(`Every 17th record and the last (${s.indices.length} of 1001 rows).`);
    expect(subsample(10, 60)).toEqual({ indices: [...Array(10).keys()], step: 1, note: undefined });
    expect(subsample(0, 60).indices).toEqual([]);
    expect(subsample(200, 100, 'point').note).toBe('Every 2nd point and the last (101 of 200 rows).');
  });
});

describe('log axes label every tick they draw', () => {
  it('has a non-empty label under every tick Plot draws, from one decade to many', () => {
    for (const domain of [[1, 8], [10, 10000], [5, 20000], [0.02, 3], [1e-3, 1e3], [1e-30, 1e30]] as [number, number][]) {
      const svg = renderSvg({ y: logAxis(domain, 'v'), marks: [Plot.dot([{ y: domain[0] }], { y: 'y' })] });
      const labels = /aria-label="y-axis tick label"[^>]*>(.*?)<\/g>/s.exec(svg)![1];
      const texts = [...labels.matchAll(/<text[^>]*?(?:\/>|>([^<]*)<\/text>)/g)].map((m) => m[1] ?? '');
      expect(texts.length, String(domain)).toBe(logTicks(domain).length);
      expect(texts.filter((t) => t === ''), `${domain}: ${texts.join(' | ')}`).toEqual([]);
    }
  });
});
