/**
 * The typed message protocol between the page's islands and the training Web Worker.
 * The main thread never trains: it sends `train` / `compute` requests and renders what comes back.
 */
import type {
  ClassificationReport, GridSpec, Histogram, Parameters, PlanarParams, TrainConfig, TrainHistory, TrainStatus,
} from '../engine/index.ts';

/** Which dataset a run uses (generated inside the worker, so only the recipe crosses). */
export interface DatasetRequest {
  readonly name: 'planar';
  readonly params?: Partial<PlanarParams>;
}

/** The data set of a run that names none: the flower with its default parameters (the worker warms it up). */
export const DEFAULT_DATASET: DatasetRequest = { name: 'planar' };

/** Parameters as plain arrays (index 0 empty, as in the engine), safe for JSON and structured clone. */
export interface ParametersData {
  readonly layers: number[];
  readonly W: number[][];
  readonly b: number[][];
}

/** Optional per-progress measurements a figure can ask for. */
export interface TrainExtras {
  /** Probability grid of the current parameters, sent with every progress message. */
  readonly grid?: GridSpec;
  /** Histograms of A[l] for every layer, sent with every progress message. */
  readonly histograms?: { readonly bins: number; readonly lo: number; readonly hi: number };
  /** The current parameters, sent with every progress message. */
  readonly params?: boolean;
}

/** Pace of a run: iterations per chunk, and a pause between chunks (0 = as fast as possible). */
export interface Pace {
  readonly chunk: number;
  readonly delayMs: number;
}

/** Records added since the previous message (the store appends them). */
export type HistoryDelta = Pick<TrainHistory, 'iterations' | 'costs' | 'gradientNorms' | 'activationStats' | 'symmetry'>;

/** Measurements that replace the previous ones on every message. */
export interface LiveExtras {
  /** Remedies runs: updates whose gradient was clipped so far. */
  readonly clippedSteps?: number;
  readonly grid?: Float64Array;
  readonly histograms?: Histogram[];
  readonly params?: ParametersData;
}

/** What a finished (or diverged, or cancelled) run reports once. */
export interface RunResult {
  /** Cost of the final parameters (NaN or ±Infinity if the run diverged into saturation). */
  readonly finalCost: number;
  /** Predicted class per training example, 1 × m. */
  readonly predictions: Uint8Array;
  readonly report: ClassificationReport;
  readonly initial: ParametersData;
  readonly final: ParametersData;
}

/** Deterministic computations that are not training runs. */
export type ComputeTask =
  | { readonly kind: 'deep-linear'; readonly a: number; readonly L: number }
  | { readonly kind: 'variance'; readonly layers: number[]; readonly hidden: TrainConfig['hidden']; readonly init: TrainConfig['init']; readonly scale: number; readonly seeds: number[] };

/**
 * Messages the islands send. A `train` message starts job number `job` of run `runId` (replacing
 * any job of that run); the worker tags every message about it with that number, so the page can
 * drop messages from a job it replaced. With `replayTo`, the job first trains that many iterations
 * and reports once (a run re-queued after its worker died catches up to where the page was).
 */
export type ToWorker =
  | { readonly type: 'train'; readonly runId: string; readonly job: number; readonly config: TrainConfig; readonly dataset: DatasetRequest; readonly pace?: Pace; readonly extras?: TrainExtras; readonly paused?: boolean; readonly replayTo?: number }
  | { readonly type: 'pause' | 'resume' | 'cancel'; readonly runId: string }
  | { readonly type: 'step'; readonly runId: string; readonly iterations: number }
  | { readonly type: 'pace'; readonly runId: string; readonly pace: Pace }
  /** High-priority runs (a figure in view) get the worker first; the others wait while one is due. */
  | { readonly type: 'priority'; readonly runId: string; readonly high: boolean }
  | { readonly type: 'compute'; readonly requestId: string; readonly task: ComputeTask };

/**
 * Messages the worker sends. `ready` once loaded; `alive` at least every second while it trains,
 * so the page can tell a busy worker from a dead one. An `error` names the request it answers
 * (a run's job, or a computation); one naming none answers a message that carried no usable id.
 */
export type FromWorker =
  | { readonly type: 'ready' | 'alive' }
  | { readonly type: 'progress'; readonly runId: string; readonly job: number; readonly iteration: number; readonly status: TrainStatus; readonly history: HistoryDelta; readonly live: LiveExtras }
  | { readonly type: 'done'; readonly runId: string; readonly job: number; readonly iteration: number; readonly status: TrainStatus; readonly history: HistoryDelta; readonly live: LiveExtras; readonly result: RunResult }
  | { readonly type: 'computed'; readonly requestId: string; readonly result: unknown }
  | { readonly type: 'error'; readonly runId?: string; readonly job?: number; readonly requestId?: string; readonly message: string };

/** Plain-array copy of engine parameters. */
export function parametersData(p: Parameters): ParametersData {
  return { layers: [...p.layers], W: p.W.map((w) => Array.from(w)), b: p.b.map((v) => Array.from(v)) };
}
