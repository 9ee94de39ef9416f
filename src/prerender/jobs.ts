/**
 * The build-time computations the run cache stores, by kind: each takes JSON settings and returns
 * what the figure components prerender from. They run in a worker thread (train-worker.mjs) or,
 * where workers are unavailable, in the build's own thread; both give the same numbers.
 */
import { planar, train, type Dataset, type TrainConfig } from '../engine/index.ts';
import { buildTimeComparison, comparisonGrid, TRAINING_KEYS, type ComparisonTraining, type SchemeRun } from '../features/init-comparison/views.ts';
import { buildFlowSnapshot, type FlowSettings, type FlowSnapshot } from '../features/gradient-flow/views.ts';
import type { RunSnapshot } from '../run/run.ts';
import { parametersData, type HistoryDelta, type ParametersData } from '../run/protocol.ts';

/** A training run to the end, as an <Experiment> prerenders it (id and labels are added by the caller). */
export type TrainedRun = Pick<RunSnapshot, 'status' | 'iteration' | 'history' | 'result'>;

/** The symmetry meter's run: its records and final parameters. */
export interface SymmetryRun {
  readonly iteration: number;
  readonly history: HistoryDelta;
  readonly params: ParametersData;
}

let data: Dataset | undefined;
/** The planar dataset with default parameters, generated once per thread. */
const planarData = (): Dataset => (data ??= planar.generate());

/** Every kind of cached computation, its settings and its result. */
export const jobs = {
  run: (config: TrainConfig): TrainedRun => {
    const t = train(planarData(), config);
    return {
      status: t.status, iteration: t.iteration, history: t.history,
      result: { finalCost: t.finalCost, predictions: t.predictions, report: t.report, initial: parametersData(t.initial), final: parametersData(t.params) },
    };
  },
  comparison: (s: ComparisonTraining): SchemeRun[] => buildTimeComparison(s, planarData(), comparisonGrid(planarData())),
  'gradient-flow': (s: FlowSettings): FlowSnapshot => buildFlowSnapshot(s, planarData()),
  symmetry: (config: TrainConfig): SymmetryRun => {
    const t = train(planarData(), config);
    return { iteration: t.iteration, history: t.history, params: parametersData(t.params) };
  },
};

export type JobKind = keyof typeof jobs;
export type JobSettings<K extends JobKind> = Parameters<(typeof jobs)[K]>[0];
export type JobResult<K extends JobKind> = ReturnType<(typeof jobs)[K]>;

/**
 * What each kind's result depends on, out of the settings a component passes: the cache keys on
 * this and the job receives only this, so a display-only prop (a comparison's y scale, threshold
 * or speed) never retrains. Kinds whose settings are all training settings pass them through.
 */
export const jobInputs: { readonly [K in JobKind]: (settings: JobSettings<K>) => JobSettings<K> } = {
  run: (config) => config,
  comparison: (s) => Object.fromEntries(TRAINING_KEYS.map((k) => [k, s[k]])) as unknown as ComparisonTraining,
  'gradient-flow': (s) => s,
  symmetry: (config) => config,
};

/**
 * The source files (relative to the project root; a folder means every file under it) whose code
 * decides each kind's numbers: a change to any of them retrains that kind.
 */
export const jobSources: Record<JobKind, readonly string[]> = {
  run: ['src/engine', 'src/prerender/jobs.ts', 'src/run/protocol.ts'],
  comparison: ['src/engine', 'src/prerender/jobs.ts', 'src/features/init-comparison/views.ts', 'src/kit/labels.ts'],
  'gradient-flow': ['src/engine', 'src/prerender/jobs.ts', 'src/features/gradient-flow/views.ts', 'src/kit/labels.ts'],
  symmetry: ['src/engine', 'src/prerender/jobs.ts', 'src/run/protocol.ts'],
};

/** The dataset every kind trains on (part of the cache key). */
export const JOB_DATASET = 'planar (default parameters)';
