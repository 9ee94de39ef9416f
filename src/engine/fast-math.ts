/**
 * exp for the training kernels, about 2.5× faster than V8's Math.exp (an out-of-line libm call) and
 * within about 0.52 ulp of the true e^x (the same as glibc's exp, which numpy's reference runs call, on
 * 99.8 % of arguments): Tang's table method (Tang, "Table-driven implementation of the
 * exponential function", ACM TOMS 15(2), 1989): x = (k/64)·ln 2 + r, e^x = 2^(k/64)·e^r, with e^r
 * by a degree-6 Taylor polynomial (|r| ≤ ln2/128, so the truncation error is below 2^−60).
 * Only IEEE +, −, ×, ÷ and a literal table, so Node and every browser give the same bits (Math.exp
 * and Math.pow do not: V8's libm changed between Node 22 and the Chromium we test).
 */

const TABLE_BITS = 64;
/**
 * 2^(j/64), j = 0..63, each the correctly rounded double (written by python's decimal at 60 digits;
 * test/engine/fast-math.test.ts proves each one exactly with BigInt). Math.pow(2, j/64) is not:
 * Node 22's V8 is 1 ulp off at j = 30, 31, 35, 39, 40, 46, 48, 57, 61.
 */
export const EXP2_FRACTION = new Float64Array([
  1.0, 1.0108892860517005, 1.0218971486541166, 1.0330248790212284,
  1.0442737824274138, 1.0556451783605572, 1.0671404006768237, 1.0787607977571199,
  1.0905077326652577, 1.102382583307841, 1.1143867425958924, 1.1265216186082418,
  1.1387886347566916, 1.1511892299529827, 1.1637248587775775, 1.1763969916502812,
  1.189207115002721, 1.202156731452703, 1.215247359980469, 1.22848053610687,
  1.241857812073484, 1.255380757024691, 1.2690509571917332, 1.2828700160787783,
  1.2968395546510096, 1.3109612115247644, 1.3252366431597413, 1.339667524053303,
  1.3542555469368927, 1.3690024229745905, 1.383909881963832, 1.3989796725383112,
  1.4142135623730951, 1.42961333839197, 1.4451808069770467, 1.460917794180647,
  1.4768261459394993, 1.4929077282912648, 1.5091644275934228, 1.5255981507445384,
  1.5422108254079407, 1.559004400237837, 1.5759808451078865, 1.593142151342267,
  1.6104903319492543, 1.6280274218573478, 1.645755478153965, 1.6636765803267364,
  1.681792830507429, 1.7001063537185235, 1.718619298122478, 1.7373338352737062,
  1.7562521603732995, 1.7753764925265212, 1.7947090750031072, 1.8142521755003989,
  1.8340080864093424, 1.8539791250833855, 1.8741676341103, 1.8945759815869656,
  1.9152065613971474, 1.9360617934922943, 1.9571441241754002, 1.978456026387951,
]);
/** 2^(j/64) − EXP2_FRACTION[j], rounded to double (the same script): with it the table carries ~107 bits. */
export const EXP2_FRACTION_LO = new Float64Array([
  0.0, -1.5234778603368577e-17, 5.109225028973444e-17, 7.600838874027088e-18,
  8.551889705537965e-17, 1.759325738772092e-18, -7.899853966841582e-17, -6.656660436056593e-17,
  -3.046782079812471e-17, 5.2660368715706944e-17, 1.0410278456845571e-16, 5.165856758795457e-17,
  8.912812676025408e-17, 3.250710218863827e-17, 3.8292048369240935e-17, 5.554203254218079e-17,
  3.982015231465646e-17, 6.644981499252301e-17, -7.712630692681488e-17, -1.89878163130253e-17,
  4.658027591836937e-17, -6.7113898212968784e-18, 2.667932131342186e-18, 1.713594918243561e-17,
  2.5382502794888315e-17, -7.181536135519454e-17, -2.8587312100388614e-17, 8.927282594831732e-17,
  7.70094837980299e-17, 9.593797919118849e-17, -6.770511658794786e-17, -9.614213209051323e-17,
  -9.667293313452913e-17, -1.2031642489053655e-17, -3.0237581349939873e-17, -5.600377186075216e-17,
  -3.483994556892796e-17, 1.4192920154284036e-17, -1.016455327754295e-16, -1.1024941712342561e-16,
  7.949834809697621e-17, 3.7812070533575275e-17, -1.0136916471278304e-17, -1.0094406542311964e-16,
  2.4707192569797888e-17, -6.712955084707084e-17, -1.0125679913674773e-16, 5.8909926967131e-17,
  8.199010020581497e-17, -8.0237193703977e-18, -1.851380418263111e-17, 3.164389299292957e-17,
  2.960140695448873e-17, 6.429731796556572e-17, 1.8227458427912087e-17, -9.969531538920349e-17,
  3.283107224245627e-17, 9.761887490727594e-17, -6.122763413004143e-17, 3.4034035352165297e-17,
  -1.0619946056195963e-16, 1.0332385960676326e-16, 8.960767791036668e-17, 4.0388753109278167e-17,
]);
// 2^e for e = −1100..1099 by halving and doubling from 1 (exact down to 2^−1074, then 0), so scaling
// never goes through bit manipulation.
const EXP2_INTEGER_OFFSET = 1100;
const EXP2_INTEGER = new Float64Array(2200);
EXP2_INTEGER[EXP2_INTEGER_OFFSET] = 1;
for (let e = 1; e < EXP2_INTEGER_OFFSET; e++) EXP2_INTEGER[EXP2_INTEGER_OFFSET + e] = 2 * EXP2_INTEGER[EXP2_INTEGER_OFFSET + e - 1];
for (let e = 1; e <= EXP2_INTEGER_OFFSET; e++) EXP2_INTEGER[EXP2_INTEGER_OFFSET - e] = 0.5 * EXP2_INTEGER[EXP2_INTEGER_OFFSET - e + 1];

const INV_LN2_64 = TABLE_BITS / Math.LN2;
// ln 2 / 64 split so that k·LN2_HI is exact for |k| < 2^20.
const LN2_HI = 0.6931471803691238 / TABLE_BITS;
const LN2_LO = 1.9082149292705877e-10 / TABLE_BITS;

/** e^x for −700 < x < 700 (the caller guarantees it), within about 0.52 ulp of the true value. */
export function expInRange(x: number): number {
  const kf = Math.floor(x * INV_LN2_64 + 0.5);
  const k = kf | 0;
  const r = x - kf * LN2_HI - kf * LN2_LO;
  // Degree-6 Taylor polynomial of e^r − 1 in Estrin's form (shorter dependency chain than Horner).
  const r2 = r * r;
  const p = r + r2 * (0.5 + r * (1 / 6)) + r2 * r2 * (1 / 24 + r * (1 / 120) + r2 * (1 / 720));
  const j = k & 63;
  const t = EXP2_FRACTION[j];
  // Tang's final step: the table's low part joins the small term, so only T_hi + small rounds (≈ 0.52 ulp).
  return (t + (EXP2_FRACTION_LO[j] + t * p)) * EXP2_INTEGER[(k >> 6) + EXP2_INTEGER_OFFSET];
}

/** Largest |x| that `expInRange` accepts. */
export const EXP_RANGE = 700;

/**
 * e^x for any x, with the same bits everywhere: `expInRange` inside (−700, 700); beyond, (e^(x/2))²,
 * which overflows to ∞ and underflows through the subnormals to 0 as e^x does (within a few ulp); NaN stays NaN.
 */
export function expFast(x: number): number {
  if (x > -EXP_RANGE && x < EXP_RANGE) return expInRange(x);
  if (x >= 2 * EXP_RANGE) return Infinity;
  if (x <= -2 * EXP_RANGE) return 0;
  if (x !== x) return x;
  const h = expInRange(x / 2);
  return h * h;
}
