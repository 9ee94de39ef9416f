/**
 * Build-time runs of <Experiment> declarations: trained once per config by the run cache (on disk,
 * shared by every page) and labelled per declaration.
 */
import type { ExperimentDecl } from '../run/experiment.ts';
import type { RunSnapshot } from '../run/run.ts';
import { cachedJob } from './run-cache.ts';

/** Trains `decl` to the end with the engine (once per config, cached on disk: see run-cache.ts) and returns its snapshot. */
export async function buildTimeRun(decl: ExperimentDecl): Promise<RunSnapshot> {
  const run = await cachedJob('run', decl.config);
  return { ...run, id: decl.id, label: decl.label, comment: decl.comment, config: decl.config };
}
