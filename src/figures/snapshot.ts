/**
 * A run as figures see it, whether it was trained at build time (complete) or is streaming in
 * the reader's browser (partial). Figure views are pure functions of snapshots, so the prerender
 * and the live page draw with the same code.
 */
import { planar, type Dataset, type TrainConfig, type TrainStatus } from '../engine/index.ts';
import type { ExperimentDecl } from '../components/props.ts';
import type { HistoryDelta, RunResult } from '../islands/protocol.ts';
import { cachedJob } from '../prerender/run-cache.ts';

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

// Build-time memo: every figure of a page (and every page, and every dev-server request) shares one
// training per kind and settings.
const built = new Map<string, unknown>();
const buildData = new Map<string, Dataset>();

/**
 * `compute()` once per `kind` and `settings` (compared as JSON) for the life of the build or dev
 * server; later calls return the same value, so callers must treat it as read-only.
 */
export function buildOnce<T>(kind: string, settings: unknown, compute: () => T): T {
  const key = `${kind}:${JSON.stringify(settings)}`;
  if (!built.has(key)) built.set(key, compute());
  return built.get(key) as T;
}

/** The planar dataset with default parameters (what every lesson experiment trains on). */
export function lessonData(): Dataset {
  let data = buildData.get('planar');
  if (!data) {
    data = planar.generate();
    buildData.set('planar', data);
  }
  return data;
}

/** Trains `decl` to the end with the engine (once per config, cached on disk: see run-cache.ts) and returns its snapshot. */
export async function buildTimeRun(decl: ExperimentDecl): Promise<RunSnapshot> {
  const run = await cachedJob('run', decl.config);
  return { ...run, id: decl.id, label: decl.label, comment: decl.comment, config: decl.config };
}

/** A stable id for a run in the page's training client: same config, same run. */
export function runKey(config: TrainConfig): string {
  return JSON.stringify(config);
}
