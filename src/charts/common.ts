/**
 * Helpers shared by the chart builders: number formatting for ticks and captions, log-scale
 * domains and ticks, table subsampling (legends are in legend.ts).
 */
import * as Plot from '@observablehq/plot';
import { fontSize } from './theme.ts';

/** The data table a reader can toggle under a figure. `note` says what was left out, if anything. */
export interface ChartTable {
  columns: string[];
  rows: (string | number)[][];
  note?: string;
}

/** Accessibility options every builder accepts; defaults are derived from the data. */
export interface AriaOptions {
  /** Short name of the image (aria-label). */
  ariaLabel?: string;
  /** Longer description (aria-description). */
  ariaDescription?: string;
}

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
};

/** An integer exponent in superscript digits, e.g. -30 → "⁻³⁰". */
export function superscript(n: number): string {
  return String(Math.round(n)).replace(/[-0-9]/g, (c) => SUPERSCRIPT[c]);
}

/** 10^e as the exact double the literal 1e<e> denotes (10 ** -5 is 0.000009999999999999999). */
const pow10 = (e: number) => Number(`1e${e}`);

// Formatters are made once per digit count: making an Intl.NumberFormat costs far more than using one.
const significant = new Map<number, Intl.NumberFormat>();
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

function withDigits(digits: number): Intl.NumberFormat {
  let f = significant.get(digits);
  if (!f) significant.set(digits, (f = new Intl.NumberFormat('en-US', { maximumSignificantDigits: digits })));
  return f;
}

/**
 * A number for captions and labels: 3 significant digits, thousands separators, scientific form
 * "1.23 × 10⁻⁷" outside [0.001, 10⁶), a true minus sign (−); "∞", "−∞" and "not a number" for non-finite values.
 */
export function fmt(v: number, digits = 3): string {
  if (v !== v) return 'not a number';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e6) {
    return withDigits(digits).format(v).replace('-', '−');
  }
  let e = Math.floor(Math.log10(a));
  // Scale subnormals up first: 1e-324 is 0 as a double.
  let m = Number((e < -300 ? (v * 1e300) / pow10(e + 300) : v / pow10(e)).toPrecision(digits));
  if (Math.abs(m) >= 10) (m /= 10), (e += 1);
  return `${m === 1 ? '' : m === -1 ? '−' : `${m} × `}10${superscript(e)}`.replace(/^-/, '−');
}

/** `v` with `decimals` digits after the point (like toFixed) and a true minus sign: −0.0660. */
export function fmtFixed(v: number, decimals: number): string {
  return Number.isFinite(v) ? v.toFixed(decimals).replace(/^-/, '−') : fmt(v);
}

/**
 * A table cell as readers see it: numbers and numeric text with a true minus sign (−0.066), and
 * numbers of a million or more in exponent form (1.235e14), as JS already writes those below 1e-6.
 * Downloads (CSV, JSON) keep the machine form; only what is shown goes through here.
 */
export function displayCell(v: string | number): string {
  // JS writes 1.235e14 as fifteen digits; shown like the small ones it already writes as 1.5e-9.
  const s = typeof v === 'number' && Number.isFinite(v) && Math.abs(v) >= 1e6 ? v.toExponential().replace('e+', 'e') : String(v);
  return /^-[\d.]/.test(s) || /^-(?:Infinity)$/.test(s) ? `−${s.slice(1)}` : s;
}

/** Header text that never breaks inside a token: no line break around ×, ≤, ≥ or = ("b[1] (3 × 1)"). */
export function unbreakable(text: string): string {
  return text.replace(/ ([×≤≥=]) /g, '\u00a0$1\u00a0');
}

/** An integer with thousands separators, e.g. 10000 → "10,000". */
export function fmtInt(n: number): string {
  return Number.isFinite(n) ? integer.format(Math.round(n)) : fmt(n);
}

/** A table cell: finite numbers rounded to 4 significant digits, others as text ("∞", "not a number"). */
export function cell(v: number | null | undefined): string | number {
  if (v == null) return '';
  return Number.isFinite(v) ? Number(v.toPrecision(4)) : fmt(v);
}

/** True for numbers a log axis can draw: finite and > 0. */
export function isPositiveFinite(v: number): boolean {
  return v > 0 && v < Infinity;
}

/**
 * A log-scale domain covering `values` (non-positive and non-finite ones ignored) and `include`.
 * `round: 'decade'` widens it to whole powers of ten (at least one decade); `round: 'pad'` only pads
 * by `pad` (a factor) each side. [0.1, 10] when nothing is drawable.
 */
export function logDomain(
  values: Iterable<number>, include: readonly number[] = [], round: 'decade' | 'pad' = 'decade', pad = 1.25,
): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of [...values, ...include]) {
    if (!isPositiveFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo > hi) return [0.1, 10];
  if (round === 'pad') {
    if (hi / lo < 2) return [lo / 2, hi * 2];
    return [Math.max(lo / pad, 1e-307), Math.min(hi * pad, 1e308)];
  }
  let a = Math.floor(Math.log10(lo));
  let b = Math.ceil(Math.log10(hi));
  if (a === b) (a -= 1), (b += 1);
  // 10^±308 is the double range; keep the domain representable.
  return [pow10(Math.max(a, -307)), pow10(Math.min(b, 308))];
}

/**
 * Tick values for a log domain: powers of ten (exponents at multiples of a round step, at most `max`) when the domain spans
 * more than 3 decades or leaves 0.001–10 000 (other labels would be long); else 1-2-5 steps
 * (1-2-3-5-7 within a decade).
 */
export function logTicks([lo, hi]: readonly [number, number], max = 7): number[] {
  const span = Math.log10(hi / lo);
  const first = Math.ceil(Math.log10(lo) - 1e-9);
  const last = Math.floor(Math.log10(hi) + 1e-9);
  const extreme = lo < 1e-3 * (1 - 1e-9) || hi > 1e4 * (1 + 1e-9);
  if ((span > 3 || extreme) && last - first >= 1) {
    // Exponents at multiples of a round step, so 10⁻³⁰ … 10³⁰ gets −30, −20, …, 30.
    const step = [1, 2, 3, 5, 10, 20, 25, 50, 100].find((k) => Math.floor(last / k) - Math.ceil(first / k) + 1 <= max) ?? 200;
    const out: number[] = [];
    for (let e = Math.ceil(first / step) * step; e <= last; e += step) out.push(pow10(e));
    return out;
  }
  const out: number[] = [];
  // Plot labels a log axis's ticks through d3's log tickFormat, which blanks mantissas above k =
  // 100 / (number of 1…9 × 10^e values in the domain); only ticks it labels are drawn.
  let candidates = 0;
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) for (let m = 1; m <= 9; m++) {
    const v = Number(`${m}e${e}`);
    if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) candidates++;
  }
  const k = Math.max(1, 100 / Math.max(1, candidates));
  const mantissas = (span <= 1 ? [1, 2, 3, 5, 7] : [1, 2, 5]).filter((m) => m <= k);
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) for (const m of mantissas) {
    const v = Number(`${m}e${e}`);
    if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) out.push(v);
  }
  return out;
}

/** Integer ticks 1..n: 1 and the multiples of a 1-2-5 step, at most about `max` of them. */
export function integerTicks(n: number, max = 12): number[] {
  const step = [1, 2, 5, 10, 20, 50, 100, 200, 500].find((s) => n / s <= max) ?? Math.ceil(n / max);
  const out = [1];
  for (let v = step; v <= n; v += step) if (v > 1) out.push(v);
  return out;
}

/** Tick label for a log axis: plain for 0.001–10 000, else a power of ten ("10⁻³⁰"). */
export function logTickFormat(v: number): string {
  const e = Math.round(Math.log10(v));
  const isPow = Math.abs(v / pow10(e) - 1) < 1e-9;
  if (isPow && (e < -3 || e > 4)) return `10${superscript(e)}`;
  return fmt(v);
}

/** A log y axis over `domain` with gridlines, our ticks and labels, labelled "<label>, log scale". */
export function logAxis(domain: [number, number], label: string): Plot.ScaleOptions {
  return { type: 'log', domain, label: `${label}, log scale`, ticks: logTicks(domain), tickFormat: logTickFormat, grid: true };
}

/**
 * Right end of an iteration axis: `total` when finite and > 0 (a live run then grows left to right),
 * else the largest finite iteration, at least 1.
 */
export function iterationEnd(total: number | undefined, ...iterations: readonly (readonly number[])[]): number {
  if (total !== undefined && Number.isFinite(total) && total > 0) return total;
  let last = 1;
  for (const list of iterations) for (const x of list) if (x > last && x < Infinity) last = x;
  return last;
}

/**
 * Indices 0, k, 2k, … of n records (and always the last one) with k chosen so at most `max` rows remain.
 * @returns the indices, the step k, and a note for the table when rows were left out (else undefined),
 * naming the rows `noun` ("Every 2nd point and the last …").
 */
export function subsample(n: number, max: number, noun = 'record'): { indices: number[]; step: number; note?: string } {
  const step = Math.max(1, Math.ceil(n / max));
  const indices: number[] = [];
  for (let i = 0; i < n; i += step) indices.push(i);
  if (n > 0 && indices[indices.length - 1] !== n - 1) indices.push(n - 1);
  const note = step > 1 ? `Every ${ordinal(step)} ${noun} and the last (${indices.length} of ${n} rows).` : undefined;
  return { indices, step, note };
}

function ordinal(k: number): string {
  const s = k % 100 >= 11 && k % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][k % 10] ?? 'th';
  return `${k}${s}`;
}

/** The style every chart gets: the theme's font size (Plot's default is 10 px). */
export const chartStyle = { fontSize: `${fontSize}px` } as const;
