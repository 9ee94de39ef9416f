/// <reference lib="webworker" />
/**
 * The training Web Worker (one of the page's pool, see pool.ts): runs islands' training and heavy
 * computation off the main thread. Runs advance round-robin in chunks, each chunk in time slices,
 * so messages (pause, cancel, pace) are handled between slices and a long chunk still lets the
 * worker say it is alive. Every message is checked first (protocol-check.ts): a malformed one is
 * answered with an error for its request only, and nothing here throws out of a handler.
 */
import {
  createTrainer, createWorkspace, deepLinearGradients, getInitializer, gridInputs, histogram, makeDataset,
  probabilityGrid, step, stepRemedies, summarize, varianceAtInitialization, type Dataset, type Trainer, type Workspace,
} from '../engine/index.ts';
import { checkToWorker } from './protocol-check.ts';
import {
  parametersData, type ComputeTask, type DatasetRequest, type FromWorker, type HistoryDelta, type LiveExtras, type Pace,
  type ToWorker, type TrainExtras,
} from './protocol.ts';
import { warmUp } from './warm-up.ts';
import { createRemediesJob, isRemediesConfig, remediesDelta, remediesResult, type RemediesJob } from './remedies-job.ts';

/** One training run in the worker. */
interface Job {
  readonly runId: string;
  /** The page's job number, echoed in every message about this job. */
  readonly job: number;
  /** The plain run; absent for a remedies run. */
  readonly trainer?: Trainer;
  /** Set for a remedies run. */
  readonly remedies?: RemediesJob;
  readonly extras: TrainExtras;
  pace: Pace;
  paused: boolean;
  /** Iterations left in the chunk under way (reported when it ends), or null between chunks. */
  budget: number | null;
  /** The chunk is a "step" (or a replay): pause when it ends. */
  pauseAfter: boolean;
  /** A figure showing this run is in view: it goes first. */
  high: boolean;
  /** Records already posted. */
  sent: number;
  dueAt: number;
  grid?: { inputs: Float64Array; ws: Workspace };
}

const DEFAULT_PACE: Pace = { chunk: 250, delayMs: 0 };
/** Longest time one job trains before the worker turns to the next job and its messages, ms. */
const SLICE_MS = 40;
/** Iterations between two looks at the clock within a slice. */
const SUB_STEP = 25;
/** While training, the worker posts something (at least `alive`) this often, ms. */
const HEARTBEAT_MS = 1000;
const scope = self as unknown as DedicatedWorkerGlobalScope;
// Worker-wide state: the jobs, the datasets they share, whether a tick is queued, when it last posted.
const state = { jobs: new Map<string, Job>(), datasets: new Map<string, Dataset>(), tickQueued: false, lastPost: 0 };

function post(message: FromWorker): void {
  state.lastPost = performance.now();
  scope.postMessage(message);
}

function dataset(request: DatasetRequest): Dataset {
  const key = JSON.stringify(request);
  let data = state.datasets.get(key);
  if (!data) {
    data = makeDataset(request.name, (request.params ?? {}) as Record<string, number>);
    state.datasets.set(key, data);
  }
  return data;
}

function historyDelta(job: Job): HistoryDelta {
  if (job.remedies) {
    const delta = remediesDelta(job.remedies.trainer, job.sent);
    job.sent += delta.iterations.length;
    return delta;
  }
  const h = job.trainer!.history;
  const from = job.sent;
  job.sent = h.iterations.length;
  return {
    iterations: h.iterations.slice(from), costs: h.costs.slice(from), gradientNorms: h.gradientNorms.slice(from),
    activationStats: h.activationStats.slice(from), symmetry: h.symmetry.slice(from),
  };
}

function live(job: Job): LiveExtras {
  if (job.remedies) return { clippedSteps: job.remedies.trainer.clippedSteps };
  const { extras } = job;
  const trainer = job.trainer!;
  const out: { grid?: Float64Array; histograms?: LiveExtras['histograms']; params?: LiveExtras['params'] } = {};
  if (extras.params) out.params = parametersData(trainer.params);
  if (extras.grid && job.grid) out.grid = probabilityGrid(trainer.params, trainer.activations, extras.grid, job.grid.inputs, job.grid.ws);
  if (extras.histograms) {
    const { bins, lo, hi } = extras.histograms;
    const { layers } = trainer.config;
    out.histograms = layers.slice(1).map((n, i) => histogram(trainer.workspace.A[i + 1], n * trainer.data.m, bins, lo, hi));
  }
  return out;
}

function report(job: Job): void {
  const t = job.remedies?.trainer ?? job.trainer!;
  const base = { runId: job.runId, job: job.job, iteration: t.iteration, status: t.status, history: historyDelta(job), live: live(job) };
  if (t.status.state === 'running') {
    post({ type: 'progress', ...base });
    return;
  }
  if (job.remedies) {
    state.jobs.delete(job.runId);
    post({ type: 'done', ...base, result: remediesResult(job.remedies) });
    return;
  }
  const plain = job.trainer!;
  const summary = summarize(plain);
  state.jobs.delete(job.runId);
  post({
    type: 'done', ...base,
    result: { finalCost: summary.finalCost, predictions: summary.predictions, report: summary.report, initial: parametersData(plain.initial), final: parametersData(plain.params) },
  });
}

/** Trains `job` for one slice; reports (and ends the chunk) when its budget is spent or the run ends. */
function advance(job: Job): void {
  job.budget ??= job.pace.chunk;
  const until = performance.now() + SLICE_MS;
  while (job.budget > 0 && performance.now() < until) {
    const n = Math.min(job.budget, SUB_STEP);
    const done = job.remedies ? stepRemedies(job.remedies.trainer, n) : step(job.trainer!, n);
    if (done === 0) break;
    job.budget -= done;
  }
  if (job.budget > 0 && (job.remedies?.trainer ?? job.trainer!).status.state === 'running') return; // the chunk goes on in the next tick
  job.budget = null;
  if (job.pauseAfter) {
    job.pauseAfter = false;
    job.paused = true;
  }
  job.dueAt = performance.now() + job.pace.delayMs;
  report(job);
}

function tick(): void {
  state.tickQueued = false;
  const now = performance.now();
  let nextDue = Infinity;
  const playing = [...state.jobs.values()].filter((j) => !j.paused);
  // Runs of figures in view go first: the others wait while one of those is still playing.
  const first = playing.some((j) => j.high) ? playing.filter((j) => j.high) : playing;
  for (const job of first) {
    if (job.dueAt > now) {
      nextDue = Math.min(nextDue, job.dueAt);
      continue;
    }
    try {
      advance(job);
    } catch (e) {
      state.jobs.delete(job.runId);
      post({ type: 'error', runId: job.runId, job: job.job, message: (e as Error).message });
    }
  }
  const active = [...state.jobs.values()].some((j) => !j.paused);
  if (active && performance.now() - state.lastPost > HEARTBEAT_MS) post({ type: 'alive' });
  if (active) schedule(nextDue === Infinity ? 0 : Math.max(0, nextDue - performance.now()));
}

function schedule(delay = 0): void {
  if (state.tickQueued) return;
  state.tickQueued = true;
  setTimeout(tick, delay);
}

function compute(task: ComputeTask): unknown {
  const data = dataset({ name: 'planar' });
  if (task.kind === 'deep-linear') return deepLinearGradients(task.a, task.L, data.X, data.X, 2, data.m);
  return varianceAtInitialization(data, task.layers, task.hidden, getInitializer(task.init), task.scale, task.seeds);
}

function startJob(message: Extract<ToWorker, { type: 'train' }>): void {
  const remedies = isRemediesConfig(message.config) ? createRemediesJob(dataset(message.dataset), message.config) : undefined;
  const trainer = remedies ? undefined : createTrainer(dataset(message.dataset), message.config);
  const extras = remedies ? {} : message.extras ?? {};
  const replay = message.replayTo ?? 0;
  const job: Job = {
    runId: message.runId, job: message.job, trainer, remedies, extras, pace: message.pace ?? DEFAULT_PACE,
    // A first chunk of one iteration: the figure gets its first record as soon as it exists.
    paused: replay > 0 ? false : message.paused ?? false, budget: replay > 0 ? replay : 1,
    pauseAfter: replay > 0 && (message.paused ?? false), high: state.jobs.get(message.runId)?.high ?? false, sent: 0, dueAt: 0,
  };
  if (extras.grid) job.grid = { inputs: gridInputs(extras.grid), ws: createWorkspace(message.config.layers, extras.grid.nx * extras.grid.ny) };
  state.jobs.set(message.runId, job);
  // A paused run reports its initial state (nothing recorded yet, the live extras of the initial weights); a
  // playing one its first iteration, which records the initial weights' gradients, so its figure draws at once.
  // A replay reports where it ends.
  if (replay === 0 && job.paused) report(job);
  else if (replay === 0) advance(job);
}

function handle(message: ToWorker): void {
  if (message.type === 'compute') {
    post({ type: 'computed', requestId: message.requestId, result: compute(message.task) });
    return;
  }
  if (message.type === 'train') startJob(message);
  const job = state.jobs.get(message.runId);
  if (job) {
    if (message.type === 'pause') job.paused = true;
    if (message.type === 'resume') {
      job.paused = false;
      job.pauseAfter = false;
    }
    if (message.type === 'cancel') state.jobs.delete(message.runId);
    if (message.type === 'pace') job.pace = message.pace;
    if (message.type === 'priority') job.high = message.high;
    if (message.type === 'step') {
      job.budget = Math.max(1, Math.floor(message.iterations));
      job.pauseAfter = true;
      job.paused = false;
    }
  }
  schedule();
}

scope.onmessage = (event: MessageEvent<unknown>) => {
  const checked = checkToWorker(event.data);
  if (!checked.ok) {
    const { runId, requestId } = checked;
    // A control message names no job: the error goes to the run's current one.
    const job = checked.job ?? (runId === undefined ? undefined : state.jobs.get(runId)?.job);
    post({ type: 'error', ...(requestId ? { requestId } : { runId, job }), message: checked.error });
    return;
  }
  const message = checked.message;
  try {
    handle(message);
  } catch (e) {
    if (message.type === 'compute') post({ type: 'error', requestId: message.requestId, message: String((e as Error)?.message ?? e) });
    else {
      const job = message.type === 'train' ? message.job : state.jobs.get(message.runId)?.job;
      if (message.type === 'train') state.jobs.delete(message.runId);
      post({ type: 'error', runId: message.runId, job, message: String((e as Error)?.message ?? e) });
    }
  }
};

post({ type: 'ready' });
// After `ready` and any message already queued: a run sent at once still starts first.
setTimeout(() => {
  try {
    warmUp(dataset);
  } catch (e) {
    // A failed warm-up costs speed only; the first real run reports any real problem itself.
    console.warn('training worker warm-up failed:', e);
  }
}, 0);
