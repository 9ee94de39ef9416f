/// <reference lib="webworker" />
/**
 * The training Web Worker: runs every island's training and heavy computation off the main
 * thread. Runs advance round-robin in chunks, so several runs move in lockstep, and messages
 * (pause, cancel, pace) are handled between chunks.
 */
import {
  createTrainer, createWorkspace, deepLinearGradients, getInitializer, gridInputs, histogram, makeDataset,
  probabilityGrid, step, summarize, varianceAtInitialization, type Dataset, type Trainer, type Workspace,
} from '../engine/index.ts';
import {
  parametersData, type ComputeTask, type DatasetRequest, type FromWorker, type HistoryDelta, type LiveExtras, type Pace,
  type ToWorker, type TrainExtras,
} from './protocol.ts';
import { createRemediesJob, isRemediesConfig, remediesDelta, remediesResult, type RemediesJob } from './remedies-job.ts';
import { stepRemedies } from '../engine/index.ts';

/** One training run in the worker. */
interface Job {
  readonly runId: string;
  /** The plain run; absent for a remedies run. */
  readonly trainer?: Trainer;
  /** Set for a remedies run. */
  readonly remedies?: RemediesJob;
  readonly extras: TrainExtras;
  pace: Pace;
  paused: boolean;
  /** Iterations left in a single "step" request, or null when playing freely. */
  stepBudget: number | null;
  /** Records already posted. */
  sent: number;
  dueAt: number;
  grid?: { inputs: Float64Array; ws: Workspace };
}

const DEFAULT_PACE: Pace = { chunk: 250, delayMs: 0 };
const scope = self as unknown as DedicatedWorkerGlobalScope;
// Worker-wide state: the jobs, the datasets they share, and whether a tick is queued.
const state = { jobs: new Map<string, Job>(), datasets: new Map<string, Dataset>(), tickQueued: false };

function post(message: FromWorker): void {
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
  const base = { runId: job.runId, iteration: t.iteration, status: t.status, history: historyDelta(job), live: live(job) };
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

function tick(): void {
  state.tickQueued = false;
  const now = performance.now();
  let nextDue = Infinity;
  for (const job of [...state.jobs.values()]) {
    if (job.paused) continue;
    if (job.dueAt > now) {
      nextDue = Math.min(nextDue, job.dueAt);
      continue;
    }
    try {
      const n = job.stepBudget ?? job.pace.chunk;
      const done = job.remedies ? stepRemedies(job.remedies.trainer, n) : step(job.trainer!, n);
      if (job.stepBudget !== null) {
        job.stepBudget = null;
        job.paused = true;
      }
      job.dueAt = performance.now() + job.pace.delayMs;
      if (done > 0 || (job.remedies?.trainer ?? job.trainer!).status.state !== 'running') report(job);
    } catch (e) {
      state.jobs.delete(job.runId);
      post({ type: 'error', runId: job.runId, message: (e as Error).message });
    }
  }
  const active = [...state.jobs.values()].some((j) => !j.paused);
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
  const job: Job = {
    runId: message.runId, trainer, extras, remedies, pace: message.pace ?? DEFAULT_PACE, paused: message.paused ?? false,
    stepBudget: null, sent: 0, dueAt: 0,
  };
  if (extras.grid) job.grid = { inputs: gridInputs(extras.grid), ws: createWorkspace(message.config.layers, extras.grid.nx * extras.grid.ny) };
  state.jobs.set(message.runId, job);
  report(job); // the initial state (nothing recorded yet, the live extras of the initial weights)
}

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  try {
    if (message.type === 'compute') {
      post({ type: 'computed', requestId: message.requestId, result: compute(message.task) });
      return;
    }
    if (message.type === 'train') startJob(message);
    const job = state.jobs.get(message.runId);
    if (job) {
      if (message.type === 'pause') job.paused = true;
      if (message.type === 'resume') job.paused = false;
      if (message.type === 'cancel') state.jobs.delete(message.runId);
      if (message.type === 'pace') job.pace = message.pace;
      if (message.type === 'step') {
        job.stepBudget = Math.max(1, Math.floor(message.iterations));
        job.paused = false;
      }
    }
    schedule();
  } catch (e) {
    const id = message.type === 'compute' ? { requestId: message.requestId } : { runId: message.runId };
    post({ type: 'error', ...id, message: (e as Error).message });
  }
};
