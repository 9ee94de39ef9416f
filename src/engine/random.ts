/**
 * A random generator bit-compatible with numpy's legacy global generator
 * (`np.random.seed`, `np.random.random_sample`, `np.random.randn`).
 *
 * - Bits: MT19937 (Matsumoto & Nishimura, 1998), seeded by `init_genrand`, which is
 *   what `np.random.seed(n)` does for an integer 0 ≤ n < 2³².
 * - Uniforms: numpy's `legacy_double`, 53-bit doubles in [0, 1) from two 32-bit words.
 * - Normals: numpy's `legacy_gauss`, the polar (Marsaglia) form of Box–Muller, which
 *   makes values in pairs and caches the second; re-seeding clears the cache.
 *
 * Source: numpy/random/src/mt19937/mt19937.c and numpy/random/src/legacy/legacy-distributions.c.
 */

import { preciseLog } from './precise-log.ts';

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

/** The full state of one generator; every initializer takes one explicitly. */
export interface RandomState {
  /** MT19937 key, 624 words. */
  readonly key: Uint32Array;
  /** Next word to temper; 624 means "regenerate first". */
  pos: number;
  /** Whether `gauss` holds the cached second value of the last polar pair. */
  hasGauss: boolean;
  gauss: number;
}

/**
 * Creates a generator seeded like `np.random.seed(seed)`.
 * @throws RangeError if seed is not an integer in [0, 2³² − 1] (numpy's own rule).
 */
export function createRandom(seed: number): RandomState {
  const state: RandomState = { key: new Uint32Array(N), pos: N, hasGauss: false, gauss: 0 };
  reseed(state, seed);
  return state;
}

/**
 * Re-seeds in place, exactly as `np.random.seed(seed)`: `init_genrand`, and the normal cache is cleared.
 * @throws RangeError if seed is not an integer in [0, 2³² − 1].
 */
export function reseed(state: RandomState, seed: number): void {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new RangeError(`seed must be an integer between 0 and 4294967295, got ${seed}`);
  }
  const key = state.key;
  key[0] = seed >>> 0;
  for (let i = 1; i < N; i++) {
    const prev = key[i - 1] ^ (key[i - 1] >>> 30);
    // 1812433253 · prev + i in 32-bit arithmetic; Math.imul keeps the low 32 bits exact.
    key[i] = (Math.imul(1812433253, prev) + i) >>> 0;
  }
  state.pos = N;
  state.hasGauss = false;
  state.gauss = 0;
}

/** Regenerates all 624 words (the MT19937 "twist"). */
function twist(key: Uint32Array): void {
  let y: number;
  let i = 0;
  for (; i < N - M; i++) {
    y = (key[i] & UPPER_MASK) | (key[i + 1] & LOWER_MASK);
    key[i] = key[i + M] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
  }
  for (; i < N - 1; i++) {
    y = (key[i] & UPPER_MASK) | (key[i + 1] & LOWER_MASK);
    key[i] = key[i + (M - N)] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
  }
  y = (key[N - 1] & UPPER_MASK) | (key[0] & LOWER_MASK);
  key[N - 1] = key[M - 1] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
}

/** Next tempered 32-bit word, as an unsigned integer in [0, 2³²). */
export function nextUint32(state: RandomState): number {
  if (state.pos >= N) {
    twist(state.key);
    state.pos = 0;
  }
  let y = state.key[state.pos++];
  y ^= y >>> 11;
  y ^= (y << 7) & 0x9d2c5680;
  y ^= (y << 15) & 0xefc60000;
  y ^= y >>> 18;
  return y >>> 0;
}

/** A double in [0, 1) with 53 random bits, as numpy's `random_sample` (legacy_double). */
export function randomSample(state: RandomState): number {
  const a = nextUint32(state) >>> 5;
  const b = nextUint32(state) >>> 6;
  return (a * 67108864.0 + b) / 9007199254740992.0;
}

/** A standard normal draw, as numpy's legacy `randn` (polar method, pairs, second value cached). */
export function standardNormal(state: RandomState): number {
  if (state.hasGauss) {
    const cached = state.gauss;
    state.hasGauss = false;
    state.gauss = 0;
    return cached;
  }
  let x1: number;
  let x2: number;
  let r2: number;
  do {
    x1 = 2.0 * randomSample(state) - 1.0;
    x2 = 2.0 * randomSample(state) - 1.0;
    r2 = x1 * x1 + x2 * x2;
  } while (r2 >= 1.0 || r2 === 0.0);
  const f = Math.sqrt((-2.0 * preciseLog(r2)) / r2);
  state.gauss = f * x1;
  state.hasGauss = true;
  return f * x2;
}

/**
 * Fills `out` with standard normals times `scale`, in order, like `np.random.randn(out.length) * scale`
 * (the default 1 leaves each draw exactly as it is).
 * @returns out, for chaining.
 */
export function fillStandardNormal(state: RandomState, out: Float64Array, scale = 1): Float64Array {
  for (let i = 0; i < out.length; i++) out[i] = standardNormal(state) * scale;
  return out;
}
