/** Engine probes the claims tests share: one forward pass, the first gradient, fixed inputs, an unbalanced subset. */
import {
  backwardFrom, createRandom, createTrainer, fillStandardNormal, forward, outputGradient, type Dataset, type TrainConfig, type Workspace,
} from '~/engine/index.ts';
import { lessonData } from './claims.ts';

/** The workspace after the forward pass of `config`'s initial weights over the lesson's data. */
export function firstForward(config: TrainConfig, data: Dataset = lessonData()): Workspace {
  const t = createTrainer(data, config);
  forward(t.params, t.activations, data.X, t.workspace);
  return t.workspace;
}

/** dW[2] and db[2] of the very first gradient of `config` on `data` (copies). */
export function dW2AtStart(config: TrainConfig, data: Dataset): { dW2: number[]; db2: number[] } {
  const t = createTrainer(data, config);
  const ws = t.workspace;
  const L = config.layers.length - 1;
  forward(t.params, t.activations, data.X, ws);
  outputGradient(ws.A[L], data.Y, ws.dZ[L], data.m);
  backwardFrom(t.params, t.activations, ws);
  return { dW2: [...ws.dW[2]], db2: [...ws.db[2]] };
}

/** Seeded X and upstream gradient G, each width × m, for the deep linear network. */
export function linearInputs(width: number, m: number): { X: Float64Array; G: Float64Array } {
  const rng = createRandom(7);
  return { X: fillStandardNormal(rng, new Float64Array(width * m)), G: fillStandardNormal(rng, new Float64Array(width * m)) };
}

/** `data` without its first `drop` points of class 0: the classes are then unbalanced. */
export function unbalanced(data: Dataset, drop: number): Dataset {
  const keep: number[] = [];
  let dropped = 0;
  for (let j = 0; j < data.m; j++) {
    if (data.Y[j] === 0 && dropped < drop) dropped++;
    else keep.push(j);
  }
  const m = keep.length;
  const X = new Float64Array(2 * m);
  keep.forEach((j, k) => {
    X[k] = data.X[j];
    X[m + k] = data.X[data.m + j];
  });
  return { name: `${data.name} (unbalanced)`, m, X, Y: Float64Array.from(keep, (j) => data.Y[j]) };
}
