/**
 * The lockstep of <init-comparison>, as pure rules over its state: which runs a frame draws, when a
 * chunk is complete, and what a scheme's run looks like to the views. The element (element.ts) wires
 * them to the worker and the page; nothing here touches either.
 */
import type { RunState } from '../../run/client.ts';
import type { Scheme, SchemeRun } from './views.ts';

/** A kept map: P(y = 1) on the grid, after `iteration` updates. */
export interface KeptGrid {
  readonly grid: Float64Array;
  readonly iteration: number;
}

/** The island's own state next to its settings. */
export interface LiveState {
  /** The reader wants the runs to advance. */
  readonly playing: boolean;
  /** The worker's runs have replaced the prerender. */
  readonly started: boolean;
  /** The first-time auto-play (on first coming on screen) happened, or the reader took over with Play, Step or Reset. */
  readonly autoPlayed: boolean;
  /** The runs trained one chunk, paused, a screen before the island was seen (see `near`): they play on once it is. */
  readonly primed: boolean;
  /** The schemes last trained together (they are at the same iteration). */
  readonly trained: readonly Scheme[];
  /** The chunk in flight: the schemes it went to and the iteration they reach with it. */
  readonly chunk: { readonly schemes: readonly Scheme[]; readonly target: number } | null;
  /** The runs as they were when the last chunk ended, drawn while the next is in flight so all show one iteration. */
  readonly settled: ReadonlyMap<Scheme, SchemeRun>;
  /** The last map with finite probabilities of each scheme (a diverged run's last grid may be NaN). */
  readonly grids: Partial<Record<Scheme, KeptGrid>>;
}

/** The state before anything trained: the prerender shows. */
export const INITIAL_LIVE: LiveState = { playing: false, started: false, autoPlayed: false, primed: false, trained: [], chunk: null, settled: new Map(), grids: {} };

export const running = (s: RunState): boolean => s.status.state === 'running';

/** Scheme `scheme`'s run `s` as the views take it, with its last kept map. */
export function schemeRun(scheme: Scheme, s: RunState, kept: KeptGrid | undefined): SchemeRun {
  return {
    scheme, config: s.config, status: s.status, iteration: s.iteration, iterations: s.history.iterations, costs: s.history.costs,
    grid: kept?.grid, gridIteration: kept?.iteration ?? 0, finalCost: s.result?.finalCost, accuracy: s.result?.report.accuracy,
  };
}

/** The map `s` brings, to keep in place of `kept`: null when it brings none, the same one, or one with no finite probability. */
export function freshGrid(s: RunState, kept: KeptGrid | undefined): KeptGrid | null {
  const grid = s.live.grid;
  return grid && grid !== kept?.grid && grid.some(Number.isFinite) ? { grid, iteration: s.iteration } : null;
}

/** Whether every run the chunk went to reached its target or stopped training. */
export function chunkDone(chunk: NonNullable<LiveState['chunk']>, stateOf: (scheme: Scheme) => RunState): boolean {
  return chunk.schemes.every((x) => {
    const r = stateOf(x);
    return !running(r) || r.iteration >= chunk.target;
  });
}

/**
 * What a frame draws from `runs` (the selected schemes now): while a chunk is in flight, each as it was
 * when the last chunk ended, so all show one iteration; whether they are computing (primed runs count:
 * they play on once seen, and their data tables wait for the end as a playing run's do); whether only
 * the status may change (reduced motion while computing). Null before any run started.
 */
export function frameInputs(l: LiveState, runs: readonly SchemeRun[], { suspended, reducedMotion }: { suspended: boolean; reducedMotion: boolean }): { runs: SchemeRun[]; computing: boolean; quiet: boolean } | null {
  const shown = l.chunk ? runs.map((r) => l.settled.get(r.scheme) ?? r) : [...runs];
  if (!l.started || shown.every((r) => r.status.state === 'idle')) return null;
  const computing = (l.playing && !suspended) || l.chunk !== null || l.primed;
  return { runs: shown, computing, quiet: reducedMotion && l.chunk !== null && l.playing };
}
