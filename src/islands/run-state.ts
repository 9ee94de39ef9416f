/**
 * A run as the page sees it (one store per run, see client.ts): its settings, status, records and
 * live extras, and whether it failed. Plain data and pure helpers, no worker.
 */
import type { TrainConfig, TrainStatus } from '../engine/index.ts';
import type { DatasetRequest, HistoryDelta, LiveExtras, Pace, RunResult, TrainExtras } from './protocol.ts';

/** What a figure needs to draw a run at any moment. */
export interface RunState {
  readonly runId: string;
  readonly config: TrainConfig;
  /** 'idle' until the run is started; then the engine's status ('cancelled' with `error` when it failed). */
  readonly status: TrainStatus | { readonly state: 'idle'; readonly message: string };
  readonly iteration: number;
  readonly history: HistoryDelta;
  readonly live: LiveExtras;
  readonly result?: RunResult;
  /** Why the run failed (its worker died or answered with an error, and retrying did not help). */
  readonly error?: string;
  /** Paused by the reader (or by the page being hidden). */
  readonly paused: boolean;
}

/** True while run `s` advances: started, not finished, not paused. */
export const isPlaying = (s: RunState): boolean => s.status.state === 'running' && !s.paused;

/** True when run `s` failed (see `RunState.error`): a figure says why and offers Retry. */
export const hasFailed = (s: RunState): boolean => s.error !== undefined && s.status.state === 'cancelled';

/** How to train a run. */
export interface RunRequest {
  readonly config: TrainConfig;
  readonly dataset?: DatasetRequest;
  readonly extras?: TrainExtras;
  readonly pace?: Pace;
}

export const emptyHistory = (): HistoryDelta => ({ iterations: [], costs: [], gradientNorms: [], activationStats: [], symmetry: [] });

export function initialState(runId: string, config: TrainConfig): RunState {
  return { runId, config, status: { state: 'idle', message: 'not started' }, iteration: 0, history: emptyHistory(), live: {}, paused: false };
}

export function append(h: HistoryDelta, d: HistoryDelta): HistoryDelta {
  if (d.iterations.length === 0) return h;
  return {
    iterations: [...h.iterations, ...d.iterations], costs: [...h.costs, ...d.costs],
    gradientNorms: [...h.gradientNorms, ...d.gradientNorms], activationStats: [...h.activationStats, ...d.activationStats],
    symmetry: [...h.symmetry, ...d.symmetry],
  };
}
