/**
 * A run as figures see it, whether it was trained at build time (complete) or is streaming in
 * the reader's browser (partial). Figure views are pure functions of snapshots, so the prerender
 * and the live page draw with the same code.
 */
import { planar, train, type Dataset, type TrainConfig, type TrainStatus } from '../engine/index.ts';
import type { ExperimentDecl } from '../components/props.ts';
import { parametersData, type HistoryDelta, type RunResult } from '../islands/protocol.ts';

/** One experiment's state at a moment. */
export interface RunSnapshot {
  readonly id: string;
  readonly label: string;
  readonly comment?: string;
  readonly config: TrainConfig;
  /** 'idle' before a live run starts. */
  readonly status: TrainStatus | { readonly state: 'idle'; readonly message: string };
  /** Updates applied so far. */
  readonly iteration: number;
  readonly history: HistoryDelta;
  /** Present once the run has ended (done, diverged or cancelled). */
  readonly result?: RunResult;
}

// Build-time memo: every figure of a page (and every page) shares one training per config.
const buildRuns = new Map<string, RunSnapshot>();
const buildData = new Map<string, Dataset>();

/** The planar dataset with default parameters (what every lesson experiment trains on). */
export function lessonData(): Dataset {
  let data = buildData.get('planar');
  if (!data) {
    data = planar.generate();
    buildData.set('planar', data);
  }
  return data;
}

/** Trains `decl` to the end with the engine (once per config per build) and returns its snapshot. */
export function buildTimeRun(decl: ExperimentDecl): RunSnapshot {
  const key = JSON.stringify(decl.config);
  let run = buildRuns.get(key);
  if (!run) {
    const t = train(lessonData(), decl.config);
    run = {
      id: decl.id, label: decl.label, comment: decl.comment, config: decl.config, status: t.status, iteration: t.iteration,
      history: t.history,
      result: { finalCost: t.finalCost, predictions: t.predictions, report: t.report, initial: parametersData(t.initial), final: parametersData(t.params) },
    };
    buildRuns.set(key, run);
  }
  return { ...run, id: decl.id, label: decl.label, comment: decl.comment };
}

/** A stable id for a run in the page's training client: same config, same run. */
export function runKey(config: TrainConfig): string {
  return JSON.stringify(config);
}
