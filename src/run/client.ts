/**
 * The page's side of the worker protocol: a supervised pool of workers (pool.ts), one store per run.
 * A run requested by several figures is trained once (keyed by run id); figures subscribe to it.
 * A run whose worker dies, or which gets a garbled message, is re-queued on a fresh worker (and
 * replayed to where the page was) up to `retries` times, then reported failed with the reason.
 * Runs pause while the page is hidden and the workers stop when the reader leaves the page.
 */
import type { TrainConfig } from '../engine/index.ts';
import { poolSize, WorkerPool } from './pool.ts';
import type { Malformed } from './protocol-check.ts';
import { DEFAULT_DATASET, type ComputeTask, type FromWorker, type Pace, type ToWorker } from './protocol.ts';
import { append, initialState, type RunRequest, type RunState } from './run.ts';
import { createStore, type Store } from './store.ts';

export { hasEnded, hasFailed, isPlaying, type RunRequest, type RunState } from './run.ts';

export interface ClientOptions {
  /** Workers in the pool (default: the reader's cores, at least 2). */
  readonly size?: number;
  /** Re-queues of a run (or computation) after its worker failed, before it is reported failed. */
  readonly retries?: number;
  /** Silence after which a worker that owes an answer is taken for dead, ms. */
  readonly stallMs?: number;
}

interface Run {
  readonly store: Store<RunState>;
  request: RunRequest;
  /** The pool slot training it, or null when none does. */
  slot: number | null;
  /** Number of the current job (the worker tags its messages with it). */
  job: number;
  /** The current job has answered at least once (its first report replaces the history). */
  heard: boolean;
  /** Re-queues since the page last started it. */
  attempts: number;
  /** Iteration a step asked for and not yet reached (null when not stepping). */
  target: number | null;
  /** Figures in view showing it. */
  viewers: number;
}

interface Computation {
  readonly task: ComputeTask;
  readonly resolve: (v: unknown) => void;
  readonly reject: (e: Error) => void;
  slot: number;
  attempts: number;
}

const running = (run: Run) => run.store.get().status.state === 'running';

/** Talks to the page's worker pool; see `trainingClient()` for the page's instance. */
export class TrainingClient {
  private readonly runs = new Map<string, Run>();
  private readonly computations = new Map<string, Computation>();
  private readonly hiddenPaused = new Set<string>();
  private readonly pool: WorkerPool;
  private readonly retries: number;
  private readonly counter = { job: 0, request: 0 };

  constructor(makeWorker: () => Worker, options: ClientOptions = {}) {
    this.retries = options.retries ?? 2;
    this.pool = new WorkerPool({ size: options.size ?? poolSize(), makeWorker, stallMs: options.stallMs }, {
      message: (slot, m) => this.receive(slot, m),
      malformed: (slot, problem) => this.malformed(slot, problem),
      died: (slot, reason) => this.died(slot, reason),
      owes: (slot) => this.owes(slot),
    });
  }

  /** The store of run `runId`, created (not started) on first call. Later calls return the same store. */
  run(runId: string, request: RunRequest): Store<RunState> {
    const existing = this.runs.get(runId);
    if (existing) return existing.store;
    const store = createStore(initialState(runId, request.config));
    this.runs.set(runId, { store, request, slot: null, job: -1, heard: false, attempts: 0, target: null, viewers: 0 });
    return store;
  }

  /** Starts the next worker of the pool (they idle until given work); true while one is left to start. */
  warm = (): boolean => this.pool.warm();

  /** Starts run `runId` unless it is already running or finished. */
  start(runId: string, options: { paused?: boolean } = {}): void {
    const run = this.runs.get(runId);
    if (!run || run.store.get().status.state !== 'idle') return;
    run.store.set({ status: { state: 'running', message: 'running' }, paused: options.paused ?? false });
    run.attempts = 0;
    run.target = null;
    this.dispatch(run, 0);
  }

  /** Throws the run away and trains it again from its initial weights (optionally with a new config). Also the Retry of a failed run. */
  restart(runId: string, config?: TrainConfig, options: { paused?: boolean } = {}): void {
    const run = this.runs.get(runId);
    if (!run) return;
    this.cancel(run);
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
    if (!running(run)) return;
    run.store.set({ paused: true });
    run.target = Math.min(run.request.config.iterations, run.store.get().iteration + Math.max(1, Math.floor(iterations)));
    this.post(run, { type: 'step', runId, iterations }, true);
  }

  pace(runId: string, pace: Pace): void {
    const run = this.runs.get(runId);
    if (!run) return;
    run.request = { ...run.request, pace };
    if (run.slot !== null) this.post(run, { type: 'pace', runId, pace }, false);
  }

  /** Counts a figure showing run `runId` coming into view (+1) or leaving it (−1); runs in view train first. */
  view(runId: string, change: 1 | -1): void {
    const run = this.runs.get(runId);
    if (!run) return;
    const before = run.viewers > 0;
    run.viewers = Math.max(0, run.viewers + change);
    if (before !== run.viewers > 0 && run.slot !== null) this.post(run, { type: 'priority', runId, high: run.viewers > 0 }, false);
  }

  /** A deterministic computation in a worker (deep linear gradients, variance profiles). */
  compute<T>(task: ComputeTask): Promise<T> {
    const requestId = `c${this.counter.request++}`;
    return new Promise<T>((resolve, reject) => {
      const slot = this.pool.pick((s) => this.load(s));
      this.computations.set(requestId, { task, resolve: resolve as (v: unknown) => void, reject, slot, attempts: 0 });
      this.pool.send(slot, { type: 'compute', requestId, task }, true);
    });
  }

  /** Pauses every running run while the page is hidden, and resumes them when it shows again. */
  setHidden(hidden: boolean): void {
    for (const [runId, run] of this.runs) {
      if (hidden && running(run) && !run.store.get().paused) {
        this.hiddenPaused.add(runId);
        this.pause(runId);
      } else if (!hidden && this.hiddenPaused.delete(runId)) this.resume(runId);
    }
  }

  /** Stops the workers; unfinished runs go back to idle so they can start again. */
  stop(): void {
    this.pool.stop();
    for (const [runId, run] of this.runs) {
      run.slot = null;
      if (running(run)) run.store.set(() => initialState(runId, run.request.config));
    }
  }

  private control(runId: string, type: 'pause' | 'resume', paused: boolean): void {
    const run = this.runs.get(runId);
    if (!run || !running(run)) return;
    run.store.set({ paused });
    this.post(run, { type, runId }, !paused);
  }

  /** Sends the run's `train` message as a new job (on its worker, or the least loaded), replaying to `replayTo`. */
  private dispatch(run: Run, replayTo: number): void {
    const { config, dataset = DEFAULT_DATASET, extras, pace } = run.request;
    const s = run.store.get();
    run.slot ??= this.pool.pick((slot) => this.load(slot));
    run.job = this.counter.job++;
    run.heard = false;
    this.post(run, { type: 'train', runId: s.runId, job: run.job, config, dataset, extras, pace, paused: s.paused, replayTo }, true);
    if (run.viewers > 0) this.post(run, { type: 'priority', runId: s.runId, high: true }, false);
  }

  private post(run: Run, message: ToWorker, owed: boolean): void {
    if (run.slot !== null) this.pool.send(run.slot, message, owed);
  }

  private cancel(run: Run): void {
    if (run.slot !== null && running(run)) this.post(run, { type: 'cancel', runId: run.store.get().runId }, false);
    run.job = -1;
  }

  /** Runs and computations a slot holds (unfinished runs count; the slot keeps its finished ones' nothing). */
  private load(slot: number): number {
    let n = 0;
    for (const run of this.runs.values()) if (run.slot === slot && running(run)) n++;
    for (const c of this.computations.values()) if (c.slot === slot) n++;
    return n;
  }

  private owes(slot: number): boolean {
    for (const c of this.computations.values()) if (c.slot === slot) return true;
    for (const run of this.runs.values()) {
      if (run.slot !== slot || !running(run)) continue;
      if (!run.heard || !run.store.get().paused || run.target !== null) return true;
    }
    return false;
  }

  private receive(slot: number, message: FromWorker): void {
    if (message.type === 'computed' || (message.type === 'error' && message.requestId !== undefined)) {
      const pending = this.computations.get(message.requestId!);
      if (!pending || pending.slot !== slot) return;
      this.computations.delete(message.requestId!);
      if (message.type === 'computed') pending.resolve(message.result);
      else pending.reject(new Error(message.message));
      return;
    }
    if (message.type !== 'progress' && message.type !== 'done' && message.type !== 'error') return;
    const run = message.runId === undefined ? undefined : this.runs.get(message.runId);
    if (!run) {
      if (message.type === 'error') console.warn(`Training worker: ${message.message}`);
      return;
    }
    if (run.slot !== slot || message.job !== run.job) return; // from a job that was replaced
    if (message.type === 'error') {
      this.fail(run, message.message); // the engine refused the run: training it again would fail the same way
      return;
    }
    const first = !run.heard;
    run.heard = true;
    if (run.target !== null && message.iteration >= run.target) run.target = null;
    run.store.set((s) => ({
      ...s,
      iteration: message.iteration,
      status: message.status,
      history: first ? message.history : append(s.history, message.history),
      live: message.live,
      ...(message.type === 'done' ? { result: message.result, paused: false } : {}),
    }));
  }

  private malformed(slot: number, problem: Malformed): void {
    const reason = `the training worker sent a ${problem.error}`;
    if (problem.requestId !== undefined) {
      const c = this.computations.get(problem.requestId);
      if (c && c.slot === slot) this.requeueComputation(problem.requestId, c, reason);
      return;
    }
    const run = problem.runId === undefined ? undefined : this.runs.get(problem.runId);
    if (run && run.slot === slot && running(run) && (problem.job === undefined || problem.job === run.job)) this.requeue(run, reason);
    else console.warn(`Training worker: ${reason}`);
  }

  private died(slot: number, reason: string): void {
    for (const run of this.runs.values()) {
      if (run.slot !== slot) continue;
      run.slot = null;
      if (running(run)) this.requeue(run, reason);
    }
    for (const [id, c] of this.computations) if (c.slot === slot) this.requeueComputation(id, c, reason);
  }

  /** Trains the run again as a new job (replayed to where the page was), or fails it once out of retries. */
  private requeue(run: Run, reason: string): void {
    if (run.attempts >= this.retries) {
      this.fail(run, reason);
      return;
    }
    run.attempts++;
    this.cancel(run);
    const s = run.store.get();
    this.dispatch(run, Math.min(run.request.config.iterations, Math.max(run.target ?? 0, s.iteration)));
  }

  private requeueComputation(id: string, c: Computation, reason: string): void {
    if (c.attempts >= this.retries) {
      this.computations.delete(id);
      c.reject(new Error(reason));
      return;
    }
    c.attempts++;
    c.slot = this.pool.pick((s) => this.load(s));
    this.pool.send(c.slot, { type: 'compute', requestId: id, task: c.task }, true);
  }

  /** Marks a run failed by `reason`, keeping what it recorded. */
  private fail(run: Run, reason: string): void {
    this.cancel(run);
    run.target = null;
    run.store.set((s) => ({ ...s, error: reason, paused: false, status: { state: 'cancelled', iteration: s.iteration, message: `failed: ${reason}` } }));
  }
}
