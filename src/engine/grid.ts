/**
 * Predicted probabilities over a rectangular grid of the input plane, for decision-boundary maps.
 */
import { createWorkspace, forward, type NetworkActivations, type Parameters, type Workspace } from './network.ts';
import type { Dataset } from './datasets.ts';

/** A grid of nx × ny cell centres covering [xMin, xMax] × [yMin, yMax]. */
export interface GridSpec {
  readonly xMin: number;
  readonly xMax: number;
  readonly yMin: number;
  readonly yMax: number;
  readonly nx: number;
  readonly ny: number;
}

/** The data's bounding box, padded by `pad` (a fraction of each side), as a grid of n × n cells. */
export function gridAround(data: Dataset, n: number, pad = 0.08): GridSpec {
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  for (let j = 0; j < data.m; j++) {
    const x = data.X[j];
    const y = data.X[data.m + j];
    if (x < xMin) xMin = x;
    if (x > xMax) xMax = x;
    if (y < yMin) yMin = y;
    if (y > yMax) yMax = y;
  }
  const px = (xMax - xMin) * pad;
  const py = (yMax - yMin) * pad;
  return { xMin: xMin - px, xMax: xMax + px, yMin: yMin - py, yMax: yMax + py, nx: n, ny: n };
}

/** Grid inputs as a 2 × (nx·ny) matrix, row-major cells (y outer, x inner, y from yMin up). */
export function gridInputs(spec: GridSpec): Float64Array {
  const { nx, ny } = spec;
  const cells = nx * ny;
  const X = new Float64Array(2 * cells);
  const dx = (spec.xMax - spec.xMin) / nx;
  const dy = (spec.yMax - spec.yMin) / ny;
  for (let r = 0; r < ny; r++) {
    for (let c = 0; c < nx; c++) {
      X[r * nx + c] = spec.xMin + (c + 0.5) * dx;
      X[cells + r * nx + c] = spec.yMin + (r + 0.5) * dy;
    }
  }
  return X;
}

/**
 * P(y = 1) at every cell of the grid, length nx·ny in the order of `gridInputs`.
 * Pass the same `inputs`/`ws` on every call to avoid allocating (e.g. every frame of an animation).
 */
export function probabilityGrid(
  p: Parameters, g: NetworkActivations, spec: GridSpec,
  inputs: Float64Array = gridInputs(spec), ws: Workspace = createWorkspace(p.layers, spec.nx * spec.ny),
): Float64Array {
  forward(p, g, inputs, ws);
  return ws.A[p.layers.length - 1].slice();
}
