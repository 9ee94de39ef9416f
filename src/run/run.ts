/**
 * The one model of a run: its settings, status and records, shared by the build-time prerender,
 * the worker's client and the figures; plus pure helpers. No worker, no DOM.
 */
import type { TrainConfig, TrainStatus } from '../engine/index.ts';
import type { DatasetRequest, HistoryDelta, LiveExtras, Pace, RunResult, TrainExtras } from './protocol.ts';

/** One run at a moment, however it is trained: at build time (complete) or in the page's worker (streaming). */
export interface Run {
  readonly config: TrainConfig;
  /** 'idle' until the run is started; then the engine's status ('cancelled' with `error` when it failed). */
  readonly status: TrainStatus | { readonly state: 'idle'; readonly message: string };
  /** Updates applied so far. */
  readonly iteration: number;
  readonly history: HistoryDelta;
  /** Present once the run has ended (done, diverged or cancelled). */
  readonly result?: RunResult;
}

/** A run in the page's training client (one store per run, see client.ts). */
export interface RunState extends Run {
  readonly runId: string;
  readonly live: LiveExtras;
  /** Why the run failed (its worker died or answered with an error, and retrying did not help). */
  readonly error?: string;
  /** Paused by the reader (or by the page being hidden). */
  readonly paused: boolean;
}

/**
 * A run as lesson figures see it: the run with the words its <Experiment> gave it. Figure views are
 * pure functions of snapshots, so the prerender and the live page draw with the same code.
 */
export interface RunSnapshot extends Run {
  readonly id: string;
  readonly label: string;
  readonly comment?: string;
}

/** True while run `s` advances: started, not finished, not paused. */
export const isPlaying = (s: RunState): boolean => s.status.state === 'running' && !s.paused;

/** True once run `s` stopped: done, diverged or cancelled (neither waiting to start nor training). */
export const hasEnded = (s: Pick<Run, 'status'>): boolean => s.status.state !== 'running' && s.status.state !== 'idle';

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
