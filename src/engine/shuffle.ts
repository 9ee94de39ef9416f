/**
 * Seeded shuffles and mini-batches drawn from the engine's MT19937 stream exactly as numpy's legacy
 * generator draws them, so a numpy script that calls `np.random.permutation(m)` once per epoch after
 * drawing its weights visits the examples in the same order.
 * Source: numpy/random/mtrand.pyx (`permutation` → `shuffle` → `_shuffle_raw`) and
 * numpy/random/src/distributions/distributions.c (`random_interval`).
 */
import { nextUint32, type RandomState } from './random.ts';

/**
 * A uniform integer in [0, max], as numpy's `random_interval`: the smallest all-ones bit mask ≥ max,
 * then 32-bit words masked and rejected until one is ≤ max.
 * @throws RangeError if max is not an integer from 0 to 2³² − 1 (the 64-bit branch is never needed here).
 */
export function randomInterval(rng: RandomState, max: number): number {
  if (!Number.isInteger(max) || max < 0 || max > 0xffffffff) {
    throw new RangeError(`max must be an integer from 0 to 4294967295, got ${max}`);
  }
  if (max === 0) return 0;
  let mask = max;
  mask |= mask >>> 1;
  mask |= mask >>> 2;
  mask |= mask >>> 4;
  mask |= mask >>> 8;
  mask |= mask >>> 16;
  mask >>>= 0;
  let value: number;
  do value = (nextUint32(rng) & mask) >>> 0; while (value > max);
  return value;
}

/**
 * Fills `out` with a random permutation of 0..n−1, as `np.random.permutation(n)` on the legacy
 * generator: arange(n), then Fisher–Yates from the last index down, j = random_interval(i).
 * Allocation-free; n = out.length.
 * @returns out, for chaining.
 */
export function permutation(rng: RandomState, out: Int32Array): Int32Array {
  const n = out.length;
  for (let i = 0; i < n; i++) out[i] = i;
  for (let i = n - 1; i >= 1; i--) {
    const j = randomInterval(rng, i);
    const t = out[i];
    out[i] = out[j];
    out[j] = t;
  }
  return out;
}

/**
 * Copies the columns `order[start .. start+count)` of a rows × m row-major matrix into the first
 * rows × count entries of `out` (also row-major, count columns): numpy's `X[:, order[start:start+count]]`.
 * @throws RangeError if `out` is too small.
 */
export function gatherColumns(
  src: Float64Array, rows: number, m: number, order: Int32Array, start: number, count: number, out: Float64Array,
): void {
  if (out.length < rows * count) throw new RangeError(`out holds ${out.length} values, needs ${rows} × ${count}`);
  for (let r = 0; r < rows; r++) {
    const s = r * m;
    const o = r * count;
    for (let j = 0; j < count; j++) out[o + j] = src[s + order[start + j]];
  }
}
