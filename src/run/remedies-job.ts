/**
 * Remedies runs in the training worker: a RemediesConfig travels in the ordinary `train` message (it
 * extends TrainConfig) and is told apart by its `optimizer` field. These helpers give the worker what it
 * reports for such a run, in the protocol's shapes: history deltas (no activation statistics or symmetry),
 * the clip count as a live extra, and the final result in prediction mode.
 */
import {
  createRemediesTrainer, summarizeRemedies, type Dataset, type RemediesConfig, type RemediesTrainer, type TrainConfig,
} from '../engine/index.ts';
import type { HistoryDelta, ParametersData, RunResult } from './protocol.ts';

/** True for the config of a remedies run. */
export function isRemediesConfig(config: TrainConfig): config is RemediesConfig {
  return Object.hasOwn(config, 'optimizer');
}

/** A remedies trainer and its initial W, b (for the result). */
export interface RemediesJob {
  readonly trainer: RemediesTrainer;
  readonly initial: ParametersData;
}

const weights = (t: RemediesTrainer): ParametersData => ({
  layers: [...t.params.layers], W: t.params.W.map((w) => Array.from(w)), b: t.params.b.map((v) => Array.from(v)),
});

/** Starts a remedies run. @throws ConfigError for a bad config. */
export function createRemediesJob(data: Dataset, config: RemediesConfig): RemediesJob {
  const trainer = createRemediesTrainer(data, config);
  return { trainer, initial: weights(trainer) };
}

/** Records from index `from` on. */
export function remediesDelta(t: RemediesTrainer, from: number): HistoryDelta {
  const h = t.history;
  const n = h.iterations.length - from;
  return {
    iterations: h.iterations.slice(from), costs: h.costs.slice(from), gradientNorms: h.gradientNorms.slice(from),
    activationStats: Array.from({ length: n }, () => []), symmetry: Array.from({ length: n }, () => []),
  };
}

/** What a finished remedies run reports once. */
export function remediesResult(job: RemediesJob): RunResult {
  const summary = summarizeRemedies(job.trainer);
  return { ...summary, initial: job.initial, final: weights(job.trainer) };
}
