/**
 * Double-double arithmetic (Dekker 1971, "A floating-point technique for extending the available
 * precision"; Knuth's TwoSum): a value hi + lo carried in two doubles, about 106 bits. Only IEEE
 * +, −, × and ÷ are used, so every JS engine gives the same bits: the precise transcendental functions
 * (precise-log.ts, precise-trig.ts, precise-pow.ts) build on it instead of the engine's own libm.
 * Results land in the shared scratch `dd` ([hi, lo]); callers copy them out before the next call.
 */

export const SPLITTER = 134217729; // 2^27 + 1, Dekker's splitting constant

/** Scratch for results; module constant, reused because these helpers are synchronous. */
export const dd = new Float64Array(2);

/** Exact product a·b = dd[0] + dd[1] (Dekker's TwoProduct, no FMA needed); |a|, |b| < 2^996. */
export function twoProduct(a: number, b: number): void {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  dd[0] = p;
  dd[1] = ah * bh - p + ah * bl + al * bh + al * bl;
}

/** Exact sum a + b = dd[0] + dd[1] (Knuth's TwoSum). */
export function twoSum(a: number, b: number): void {
  const s = a + b;
  const bb = s - a;
  dd[0] = s;
  dd[1] = a - (s - bb) + (b - bb);
}

/** (ah + al)·(bh + bl) as a double-double in dd. */
export function ddMul(ah: number, al: number, bh: number, bl: number): void {
  twoProduct(ah, bh);
  const hi = dd[0];
  const lo = dd[1] + (ah * bl + al * bh);
  twoSum(hi, lo);
}

/** (ah + al) + (bh + bl) as a double-double in dd. */
export function ddAdd(ah: number, al: number, bh: number, bl: number): void {
  twoSum(ah, bh);
  const hi = dd[0];
  const lo = dd[1] + al + bl;
  twoSum(hi, lo);
}

/** (ah + al) / (bh + bl) as a double-double in dd (one Newton correction of the quotient). */
export function ddDiv(ah: number, al: number, bh: number, bl: number): void {
  const q = ah / bh;
  ddMul(q, 0, bh, bl);
  const r = (ah - dd[0] - dd[1] + al) / bh;
  twoSum(q, r);
}
