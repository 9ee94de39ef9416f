/**
 * The page's side of the worker protocol: one worker per page, one store per run.
 * A run requested by several figures is trained once (keyed by run id); figures subscribe to it.
 * Runs pause while the page is hidden and the worker stops when the reader leaves the page.
 */
import type { TrainConfig, TrainStatus } from '../engine/index.ts';
import { createStore, type Store } from './store.ts';
import type {
  ComputeTask, DatasetRequest, FromWorker, HistoryDelta, LiveExtras, Pace, RunResult, ToWorker, TrainExtras,
} from './protocol.ts';

/** What a figure needs to draw a run at any moment. */
export interface RunState {
  readonly runId: string;
  readonly config: TrainConfig;
  /** 'idle' until the run is started; then the engine's status. */
  readonly status: TrainStatus | { readonly state: 'idle'; readonly message: string };
  readonly iteration: number;
  readonly history: HistoryDelta;
  readonly live: LiveExtras;
  readonly result?: RunResult;
  readonly error?: string;
  /** Paused by the reader (or by the page being hidden). */
  readonly paused: boolean;
}

/** True while run `s` advances: started, not finished, not paused. */
export const isPlaying = (s: RunState): boolean => s.status.state === 'running' && !s.paused;

/** How to train a run. */
export interface RunRequest {
  readonly config: TrainConfig;
  readonly dataset?: DatasetRequest;
  readonly extras?: TrainExtras;
  readonly pace?: Pace;
}

const emptyHistory = (): HistoryDelta => ({ iterations: [], costs: [], gradientNorms: [], activationStats: [], symmetry: [] });

function initialState(runId: string, config: TrainConfig): RunState {
  return { runId, config, status: { state: 'idle', message: 'not started' }, iteration: 0, history: emptyHistory(), live: {}, paused: false };
}

function append(h: HistoryDelta, d: HistoryDelta): HistoryDelta {
  if (d.iterations.length === 0) return h;
  return {
    iterations: [...h.iterations, ...d.iterations], costs: [...h.costs, ...d.costs],
    gradientNorms: [...h.gradientNorms, ...d.gradientNorms], activationStats: [...h.activationStats, ...d.activationStats],
    symmetry: [...h.symmetry, ...d.symmetry],
  };
}

/** Marks a run as stopped by `reason` (a worker error), keeping what it recorded. */
function stopWithError(store: Store<RunState>, reason: string): void {
  store.set({ error: reason, status: { state: 'cancelled', iteration: store.get().iteration, message: `stopped: ${reason}` } });
}

/** Talks to one training worker; see `trainingClient()` for the page's instance. */
export class TrainingClient {
  private readonly runs = new Map<string, { store: Store<RunState>; request: RunRequest }>();
  private readonly computations = new Map<string, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly hiddenPaused = new Set<string>();
  // Per run: `train` messages whose initial report has not arrived; until then messages are from a replaced job.
  private readonly starting = new Map<string, number>();
  private worker: Worker | null = null;
  private nextRequest = 0;

  constructor(private readonly makeWorker: () => Worker) {}

  /** The store of run `runId`, created (not started) on first call. Later calls return the same store. */
  run(runId: string, request: RunRequest): Store<RunState> {
    const existing = this.runs.get(runId);
    if (existing) return existing.store;
    const store = createStore(initialState(runId, request.config));
    this.runs.set(runId, { store, request });
    return store;
  }

  /** Starts run `runId` unless it is already running or finished. */
  start(runId: string, options: { paused?: boolean } = {}): void {
    const run = this.runs.get(runId);
    if (!run || run.store.get().status.state !== 'idle') return;
    const { config, dataset = { name: 'planar' }, extras, pace } = run.request;
    run.store.set({ status: { state: 'running', message: 'running' }, paused: options.paused ?? false });
    this.starting.set(runId, (this.starting.get(runId) ?? 0) + 1);
    this.send({ type: 'train', runId, config, dataset, extras, pace, paused: options.paused });
  }

  /** Throws the run away and trains it again from its initial weights (optionally with a new config). */
  restart(runId: string, config?: TrainConfig, options: { paused?: boolean } = {}): void {
    const run = this.runs.get(runId);
    if (!run) return;
    this.send({ type: 'cancel', runId });
    if (config) run.request = { ...run.request, config };
    run.store.set(() => initialState(runId, run.request.config));
    this.start(runId, options);
  }

  pause(runId: string): void {
    this.control(runId, 'pause', true);
  }

  resume(runId: string): void {
    this.control(runId, 'resume', false);
  }

  /** Runs `iterations` more iterations, then pauses. */
  step(runId: string, iterations: number): void {
    const run = this.runs.get(runId);
    if (!run) return;
    if (run.store.get().status.state === 'idle') this.start(runId, { paused: true });
    run.store.set({ paused: true });
    this.send({ type: 'step', runId, iterations });
  }

  pace(runId: string, pace: Pace): void {
    const run = this.runs.get(runId);
    if (!run) return;
    run.request = { ...run.request, pace };
    this.send({ type: 'pace', runId, pace });
  }

  /** A deterministic computation in the worker (deep linear gradients, variance profiles). */
  compute<T>(task: ComputeTask): Promise<T> {
    const requestId = `c${this.nextRequest++}`;
    return new Promise<T>((resolve, reject) => {
      this.computations.set(requestId, { resolve: resolve as (v: unknown) => void, reject });
      this.send({ type: 'compute', requestId, task });
    });
  }

  /** Pauses every running run while the page is hidden, and resumes them when it shows again. */
  setHidden(hidden: boolean): void {
    for (const [runId, run] of this.runs) {
      const s = run.store.get();
      if (hidden && isPlaying(s)) {
        this.hiddenPaused.add(runId);
        this.pause(runId);
      } else if (!hidden && this.hiddenPaused.delete(runId)) this.resume(runId);
    }
  }

  /** Stops the worker; unfinished runs go back to idle so they can start again. */
  stop(): void {
    this.worker?.terminate();
    this.worker = null;
    this.starting.clear();
    for (const [runId, run] of this.runs) {
      if (run.store.get().status.state === 'running') run.store.set(() => initialState(runId, run.request.config));
    }
  }

  private control(runId: string, type: 'pause' | 'resume', paused: boolean): void {
    const run = this.runs.get(runId);
    if (!run || run.store.get().status.state !== 'running') return;
    run.store.set({ paused });
    this.send({ type, runId });
  }

  private send(message: ToWorker): void {
    if (!this.worker) {
      this.worker = this.makeWorker();
      this.worker.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
      this.worker.onerror = (e) => this.failAll(e.message || 'the training worker failed to load');
    }
    this.worker.postMessage(message);
  }

  private receive(message: FromWorker): void {
    if (message.type === 'computed' || (message.type === 'error' && message.requestId)) {
      const pending = this.computations.get(message.requestId!);
      this.computations.delete(message.requestId!);
      if (message.type === 'computed') pending?.resolve(message.result);
      else pending?.reject(new Error(message.message));
      return;
    }
    const run = message.runId ? this.runs.get(message.runId) : undefined;
    if (!run || this.replaced(message)) return;
    if (message.type === 'error') {
      stopWithError(run.store, message.message);
      return;
    }
    run.store.set((s) => ({
      ...s,
      iteration: message.iteration,
      status: message.status,
      history: append(s.history, message.history),
      live: message.live,
      ...(message.type === 'done' ? { result: message.result, paused: false } : {}),
    }));
  }

  /**
   * True for a message from a job that `restart` replaced (still in flight when it was cancelled).
   * A job's first message is the only 'progress' at iteration 0 (or an 'error' if it failed to start).
   */
  private replaced(message: Exclude<FromWorker, { type: 'computed' }>): boolean {
    const runId = message.runId ?? '';
    const pending = this.starting.get(runId) ?? 0;
    if (pending === 0) return false;
    if (!((message.type === 'progress' && message.iteration === 0) || message.type === 'error')) return true;
    if (pending > 1) this.starting.set(runId, pending - 1);
    else this.starting.delete(runId);
    return pending > 1;
  }

  private failAll(reason: string): void {
    for (const run of this.runs.values()) {
      if (run.store.get().status.state === 'running') stopWithError(run.store, reason);
    }
    for (const pending of this.computations.values()) pending.reject(new Error(reason));
    this.computations.clear();
  }
}

// One client per document, so every island on the page shares one worker.
const clients = new WeakMap<Document, TrainingClient>();

/** The page's training client (created on first use, with lifecycle hooks on the document). */
export function trainingClient(): TrainingClient {
  let client = clients.get(document);
  if (!client) {
    client = new TrainingClient(() => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'training' }));
    clients.set(document, client);
    const c = client;
    document.addEventListener('visibilitychange', () => c.setHidden(document.visibilityState === 'hidden'));
    window.addEventListener('pagehide', () => c.stop());
  }
  return client;
}
