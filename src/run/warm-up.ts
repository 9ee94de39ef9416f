/**
 * A training worker's warm-up, run once when it has loaded: it builds the flower data set every figure
 * asks for first and trains two tiny throwaway networks (one plain, one with every remedy), so the
 * engine's code is compiled before the reader's first figure needs it. Measured in Chromium on the
 * remedies lesson: the first `train` took 80–120 ms in a cold worker (data set 46 ms, trainer and first
 * iterations the rest); nothing here is kept except the data set.
 */
import { createRemediesTrainer, createTrainer, DEFAULT_REMEDIES_CONFIG, DEFAULT_TRAIN_CONFIG, step, stepRemedies, type Dataset } from '../engine/index.ts';
import { DEFAULT_DATASET, type DatasetRequest } from './protocol.ts';

/** Iterations each throwaway network trains: enough for V8 to optimize the hot loops. */
const WARM_ITERATIONS = 20;

/** Builds (and caches, through `dataset`) the default data set, then trains the throwaway networks. */
export function warmUp(dataset: (request: DatasetRequest) => Dataset): void {
  const data = dataset(DEFAULT_DATASET);
  const plain = createTrainer(data, { ...DEFAULT_TRAIN_CONFIG, layers: [2, 4, 4, 1], iterations: WARM_ITERATIONS, recordEvery: 5 });
  step(plain, WARM_ITERATIONS);
  const remedies = createRemediesTrainer(data, {
    ...DEFAULT_REMEDIES_CONFIG, layers: [2, 48, 48, 48, 1], init: 'normal', scale: 0.1, learningRate: 0.001, iterations: WARM_ITERATIONS,
    recordEvery: 5, optimizer: 'adam', clip: 'norm', residual: 'identity', batchNorm: true, batchSize: 64,
  });
  stepRemedies(remedies, WARM_ITERATIONS);
}
