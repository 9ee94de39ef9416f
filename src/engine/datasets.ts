/**
 * Two-dimensional binary classification datasets, stored as the network consumes them:
 * X is n[0] × m = 2 × m row-major (row 0 holds x₁ of every example, row 1 holds x₂), Y is 1 × m of 0/1.
 * New datasets (moons, circles, spiral, XOR) register in `datasets` below; the network never changes.
 */
import { createRandom, fillStandardNormal } from './random.ts';
import { lookup } from './registry.ts';
import { preciseCos, preciseSin } from './precise-trig.ts';

/** A labelled 2-D dataset. */
export interface Dataset {
  /** Registry key of the generator that made it. */
  readonly name: string;
  /** Number of examples. */
  readonly m: number;
  /** Inputs, 2 × m row-major. */
  readonly X: Float64Array;
  /** Labels, 1 × m, each 0 or 1. */
  readonly Y: Float64Array;
}

/** A seeded dataset generator with documented parameters and defaults. */
export interface DatasetGenerator<P extends { m: number; seed: number }> {
  readonly name: string;
  readonly label: string;
  readonly defaults: Readonly<P>;
  /** @throws RangeError naming the parameter when one is out of range. */
  generate(params?: Partial<P>): Dataset;
}

/** Parameters of the planar "flower" dataset. */
export interface PlanarParams {
  /** Number of points, even (half per class). Default 1000. */
  m: number;
  /** Petal radius a in r = a·sin(4t). Default 4. */
  petalRadius: number;
  /** Standard deviation of the Gaussian noise on angle and radius. Default 0.2. */
  noise: number;
  /** numpy legacy seed. Default 1. */
  seed: number;
}

/**
 * numpy's `linspace(start, stop, num)` with endpoint: start + i·step, the last value exactly `stop`.
 * Same operation order as numpy 2.x, so the doubles are identical.
 */
export function linspace(start: number, stop: number, num: number): Float64Array {
  const out = new Float64Array(num);
  const step = (stop - start) / (num - 1);
  for (let i = 0; i < num; i++) out[i] = i * step + start;
  if (num > 1) out[num - 1] = stop;
  return out;
}

function checkParam(ok: boolean, dataset: string, param: string, allowed: string, value: unknown): void {
  if (!ok) throw new RangeError(`${dataset}: ${param} must be ${allowed}, got ${String(value)}`);
}

/**
 * The planar "flower": two classes of m/2 points on the 4-petal rose r = a·sin(4t).
 * For class j = 0 then 1: t = linspace(3.12·j, 3.12·(j+1), m/2) + noise·randn, r = a·sin(4t) + noise·randn,
 * point (r·sin t, r·cos t), with sin and cos from precise-trig.ts (the same bits in every JS engine and in numpy). Source: the planar_utils.load_planar_dataset of the deeplearning.ai
 * course (see shared/reference/README.md); the defaults reproduce planar-dataset.json.
 */
export const planar: DatasetGenerator<PlanarParams> = {
  name: 'planar',
  label: 'Planar flower',
  defaults: { m: 1000, petalRadius: 4, noise: 0.2, seed: 1 },
  generate(params = {}) {
    const p = { ...planar.defaults, ...params };
    checkParam(Number.isInteger(p.m) && p.m >= 2 && p.m % 2 === 0 && p.m <= 1e6, 'planar', 'm', 'an even integer from 2 to 1000000', p.m);
    checkParam(Number.isFinite(p.petalRadius) && p.petalRadius > 0, 'planar', 'petalRadius', 'a positive number', p.petalRadius);
    checkParam(Number.isFinite(p.noise) && p.noise >= 0, 'planar', 'noise', 'a number ≥ 0', p.noise);
    const rng = createRandom(p.seed);
    const n = p.m / 2;
    const X = new Float64Array(2 * p.m);
    const Y = new Float64Array(p.m);
    const noiseT = new Float64Array(n);
    const noiseR = new Float64Array(n);
    for (let j = 0; j < 2; j++) {
      const t = linspace(j * 3.12, (j + 1) * 3.12, n);
      fillStandardNormal(rng, noiseT, p.noise);
      for (let i = 0; i < n; i++) t[i] += noiseT[i];
      fillStandardNormal(rng, noiseR, p.noise);
      for (let i = 0; i < n; i++) {
        const r = p.petalRadius * preciseSin(4 * t[i]) + noiseR[i];
        const col = n * j + i;
        X[col] = r * preciseSin(t[i]);
        X[p.m + col] = r * preciseCos(t[i]);
        Y[col] = j;
      }
    }
    return { name: 'planar', m: p.m, X, Y };
  },
};

/** Every dataset generator, keyed by the name users type. */
export const datasets = { planar } as const;

/**
 * Builds a dataset by registry name.
 * @throws RangeError for an unknown name (listing the known ones) or a bad parameter.
 */
export function makeDataset(name: string, params: Record<string, number> = {}): Dataset {
  return lookup(datasets, 'dataset', name, 'known').generate(params);
}
