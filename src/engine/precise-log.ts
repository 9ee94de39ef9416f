/**
 * A natural logarithm accurate to well under 0.5 ulp, so that it rounds the way glibc's `log`
 * (which numpy calls) rounds. V8's `Math.log` (fdlibm) is off by one ulp in ~1.6 % of inputs,
 * which would break bit-compatibility of the normal draws in `random.ts`.
 *
 * Method: x = 2^k · m with m ∈ [√½, √2); log m = 2·atanh(s), s = (m − 1)/(m + 1), summed as a
 * series in double-double arithmetic (Dekker 1971, "A floating-point technique for extending
 * the available precision"). Only the random generator uses it; it is not on a hot path.
 */

const SPLITTER = 134217729; // 2^27 + 1, Dekker's splitting constant
// ln 2 as a double-double: LN2_HI + LN2_LO.
const LN2_HI = 0.6931471805599453;
const LN2_LO = 2.3190468138462996e-17;
const SERIES_TERMS = 24;

// Scratch for double-double results; module constant, reused because these helpers are synchronous.
const dd = new Float64Array(2);
const scratch = new Float64Array(1);
const scratchBits = new Uint32Array(scratch.buffer);

/** Exact product a·b = dd[0] + dd[1] (Dekker's TwoProduct, no FMA needed). */
function twoProduct(a: number, b: number): void {
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
function twoSum(a: number, b: number): void {
  const s = a + b;
  const bb = s - a;
  dd[0] = s;
  dd[1] = a - (s - bb) + (b - bb);
}

/** (ah + al)·(bh + bl) as a double-double in dd. */
function ddMul(ah: number, al: number, bh: number, bl: number): void {
  twoProduct(ah, bh);
  const hi = dd[0];
  const lo = dd[1] + (ah * bl + al * bh);
  twoSum(hi, lo);
}

/** (ah + al) + (bh + bl) as a double-double in dd. */
function ddAdd(ah: number, al: number, bh: number, bl: number): void {
  twoSum(ah, bh);
  const hi = dd[0];
  const lo = dd[1] + al + bl;
  twoSum(hi, lo);
}

/**
 * Natural logarithm of a positive, finite, normal double, correctly rounded in all but
 * vanishingly rare cases. Other inputs fall back to `Math.log` (0, subnormals, ∞, NaN, negatives).
 */
export function preciseLog(x: number): number {
  if (!(x >= 2.2250738585072014e-308) || x === Infinity) return Math.log(x);
  // Split x into exponent k and mantissa m ∈ [1, 2) through the bit pattern.
  scratch[0] = x;
  let k = ((scratchBits[1] >>> 20) & 0x7ff) - 1023;
  scratchBits[1] = (scratchBits[1] & 0x800fffff) | 0x3ff00000;
  let m = scratch[0];
  if (m > Math.SQRT2) {
    m *= 0.5; // exact
    k += 1;
  }
  const f = m - 1; // exact (Sterbenz)
  // s = f / (2 + f) as a double-double.
  twoSum(2, f);
  const denHi = dd[0];
  const denLo = dd[1];
  const sHi = f / denHi;
  twoProduct(sHi, denHi);
  const sLo = (f - dd[0] - dd[1] - sHi * denLo) / denHi;
  // t = s², then P = Σ t^j / (2j + 1) by Horner, all in double-double.
  ddMul(sHi, sLo, sHi, sLo);
  const tHi = dd[0];
  const tLo = dd[1];
  let pHi = 1 / (2 * SERIES_TERMS + 1);
  let pLo = 0;
  for (let j = SERIES_TERMS - 1; j >= 0; j--) {
    ddMul(pHi, pLo, tHi, tLo);
    const mh = dd[0];
    const ml = dd[1];
    const c = 1 / (2 * j + 1);
    twoProduct(c, 2 * j + 1); // c's rounding error: 1 − c·(2j+1), divided back out
    const cLo = (1 - dd[0] - dd[1]) / (2 * j + 1);
    ddAdd(mh, ml, c, cLo);
    pHi = dd[0];
    pLo = dd[1];
  }
  // log m = 2·s·P; log x = k·ln2 + log m.
  ddMul(2 * sHi, 2 * sLo, pHi, pLo);
  const lmHi = dd[0];
  const lmLo = dd[1];
  twoProduct(k, LN2_HI);
  const kHi = dd[0];
  const kLo = dd[1] + k * LN2_LO;
  ddAdd(kHi, kLo, lmHi, lmLo);
  return dd[0] + dd[1];
}
