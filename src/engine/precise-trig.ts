/**
 * sin and cos rounded correctly in all but vanishingly rare cases, from IEEE arithmetic only, so that the
 * planar data set has the same bits in Node and in every browser (V8's Math.sin/cos changed between
 * the Node 22 and the Chromium we test: 1 ulp apart on ~3 % of arguments) and the same bits as numpy,
 * whose glibc sin/cos round correctly on that data set's arguments.
 *
 * Method: Cody–Waite reduction x = k·π/2 + r with π/2 in four pieces (fdlibm's pio2_1, pio2_2, pio2_3,
 * pio2_3t: 33 + 33 + 33 + 53 bits; Ng, "Argument reduction for huge arguments", 1992), r kept as a
 * double-double; then the Taylor series of sin r and cos r (|r| ≤ π/4, 15 terms, truncation < 2^−107)
 * summed by Horner in double-double (double-double.ts), and the quadrant k mod 4 picks ±sin or ±cos.
 */
import { dd, ddAdd, ddDiv, ddMul, twoProduct, twoSum } from './double-double.ts';

const PIO2_1 = 1.57079632673412561417e+0;
const PIO2_2 = 6.07710050630396597660e-11;
const PIO2_3 = 2.02226624871116645580e-21;
const PIO2_3T = 8.47842766036889956997e-32;
const TWO_OVER_PI = 6.36619772367581382433e-1;
/** |x| below which k·PIO2_1 … k·PIO2_3 are exact (k < 2^20); beyond it the functions defer to Math. */
export const TRIG_RANGE = 1647099.3291652855; // 2^20 · π/2
const TERMS = 15;

// Taylor coefficients as double-doubles: SIN_C[n] = (−1)^n/(2n+1)!, COS_C[n] = (−1)^n/(2n)!.
const SIN_HI = new Float64Array(TERMS);
const SIN_LO = new Float64Array(TERMS);
const COS_HI = new Float64Array(TERMS);
const COS_LO = new Float64Array(TERMS);
{
  let hi = 1;
  let lo = 0;
  for (let i = 0; i < 2 * TERMS; i++) {
    if (i > 0) {
      ddDiv(hi, lo, i, 0);
      hi = dd[0];
      lo = dd[1];
    }
    const n = i >> 1;
    const sign = n % 2 === 0 ? 1 : -1;
    if (i % 2 === 0) {
      COS_HI[n] = sign * hi;
      COS_LO[n] = sign * lo;
    } else {
      SIN_HI[n] = sign * hi;
      SIN_LO[n] = sign * lo;
    }
  }
}

// The reduced argument r = r[0] + r[1], set by `reduce`; module constant, reused because the functions are synchronous.
const r = new Float64Array(2);

/** Quadrant k mod 4 of x, leaving r = x − k·π/2 in r. Requires |x| < TRIG_RANGE. */
function reduce(x: number): number {
  const k = Math.floor(x * TWO_OVER_PI + 0.5);
  // x − k·PIO2_1 is exact (k·PIO2_1 is, and Sterbenz's lemma covers the difference); so are k·PIO2_2, k·PIO2_3.
  twoSum(x - k * PIO2_1, -k * PIO2_2);
  ddAdd(dd[0], dd[1], -k * PIO2_3, 0);
  const h = dd[0];
  const l = dd[1];
  twoProduct(k, PIO2_3T);
  ddAdd(h, l, -dd[0], -dd[1]);
  r[0] = dd[0];
  r[1] = dd[1];
  return k & 3;
}

/** Σ C[n]·t^n by Horner in double-double, t = r²; leaves the sum in dd. */
function series(cHi: Float64Array, cLo: Float64Array): void {
  ddMul(r[0], r[1], r[0], r[1]);
  const tHi = dd[0];
  const tLo = dd[1];
  let pHi = cHi[TERMS - 1];
  let pLo = cLo[TERMS - 1];
  for (let n = TERMS - 2; n >= 0; n--) {
    ddMul(pHi, pLo, tHi, tLo);
    ddAdd(dd[0], dd[1], cHi[n], cLo[n]);
    pHi = dd[0];
    pLo = dd[1];
  }
}

/** sin r and cos r of the reduced argument, rounded to double. */
function sinR(): number {
  series(SIN_HI, SIN_LO);
  ddMul(r[0], r[1], dd[0], dd[1]);
  return dd[0] + dd[1];
}
function cosR(): number {
  series(COS_HI, COS_LO);
  return dd[0] + dd[1];
}

/** sin x, correctly rounded (but in vanishingly rare cases) for |x| < TRIG_RANGE; Math.sin beyond, NaN for ±∞/NaN. */
export function preciseSin(x: number): number {
  if (!(Math.abs(x) < TRIG_RANGE)) return Math.sin(x);
  if (x === 0) return x; // keeps the sign of −0
  const q = reduce(x);
  return q === 0 ? sinR() : q === 1 ? cosR() : q === 2 ? -sinR() : -cosR();
}

/** cos x, correctly rounded (but in vanishingly rare cases) for |x| < TRIG_RANGE; Math.cos beyond, NaN for ±∞/NaN. */
export function preciseCos(x: number): number {
  if (!(Math.abs(x) < TRIG_RANGE)) return Math.cos(x);
  const q = reduce(x);
  return q === 0 ? cosR() : q === 1 ? -sinR() : q === 2 ? -cosR() : sinR();
}
