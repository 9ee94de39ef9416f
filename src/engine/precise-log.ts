/**
 * A natural logarithm accurate to well under 0.5 ulp, so that it rounds the way glibc's `log`
 * (which numpy calls) rounds. V8's `Math.log` (fdlibm) is off by one ulp in ~1.6 % of inputs,
 * which would break bit-compatibility of the normal draws in `random.ts`.
 *
 * Method: x = 2^k · m with m ∈ [√½, √2); log m = 2·atanh(s), s = (m − 1)/(m + 1), summed as a
 * series in double-double arithmetic (double-double.ts). Only IEEE arithmetic, so Node and every
 * browser give the same bits. Used by the random generator and the cost, not by the per-unit kernels.
 */
import { dd, ddAdd, ddMul, twoProduct, twoSum } from './double-double.ts';

// ln 2 as a double-double: LN2_HI + LN2_LO.
const LN2_HI = 0.6931471805599453;
const LN2_LO = 2.3190468138462996e-17;
const SERIES_TERMS = 24;

// Bit access for the exponent split; module constant, reused because preciseLog is synchronous.
const scratch = new Float64Array(1);
const scratchBits = new Uint32Array(scratch.buffer);

/**
 * Natural logarithm of a positive, finite double, correctly rounded in all but vanishingly rare
 * cases. 0, ∞, NaN and negatives go to `Math.log`, whose answers there (−∞, ∞, NaN) are exact everywhere.
 */
export function preciseLog(x: number): number {
  if (!(x > 0) || x === Infinity) return Math.log(x);
  // Subnormals: scale by 2^54 (exact) into the normal range, and take 54 back from the exponent.
  const shift = x < 2.2250738585072014e-308 ? 54 : 0;
  // Split x into exponent k and mantissa m ∈ [1, 2) through the bit pattern.
  scratch[0] = shift ? x * 18014398509481984 : x;
  let k = ((scratchBits[1] >>> 20) & 0x7ff) - 1023 - shift;
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
