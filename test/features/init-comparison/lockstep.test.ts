import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAIN_CONFIG } from '../../../src/engine/index.ts';
import { initialState, type RunState } from '../../../src/run/run.ts';
import { chunkDone, freshGrid, frameInputs, INITIAL_LIVE, schemeRun, type LiveState } from '../../../src/features/init-comparison/lockstep.ts';
import type { Scheme } from '../../../src/features/init-comparison/views.ts';

const at = (iteration: number, state: 'running' | 'idle' = 'running', grid?: Float64Array): RunState => ({
  ...initialState('r', DEFAULT_TRAIN_CONFIG),
  status: state === 'idle' ? { state: 'idle', message: 'not started' } : { state: 'running', message: 'training' },
  iteration,
  live: grid ? { grid } : {},
});
const noGate = { suspended: false, reducedMotion: false };

describe('lockstep rules', () => {
  it('keeps a map only when it is new and has a finite probability', () => {
    const grid = new Float64Array([0.2, 0.8]);
    const kept = freshGrid(at(40, 'running', grid), undefined);
    expect(kept).toEqual({ grid, iteration: 40 });
    expect(freshGrid(at(50, 'running', grid), kept!)).toBeNull();
    expect(freshGrid(at(60, 'running', new Float64Array([NaN, NaN])), kept!)).toBeNull();
    expect(freshGrid(at(60), kept!)).toBeNull();
  });

  it('calls a chunk done when every run it went to reached its target or stopped', () => {
    const states: Record<string, RunState> = { lecun: at(50), he: at(49) };
    const chunk = { schemes: ['lecun', 'he'] as Scheme[], target: 50 };
    expect(chunkDone(chunk, (s) => states[s])).toBe(false);
    states.he = { ...at(49), status: { state: 'diverged', iteration: 49, message: 'diverged at iteration 49' } };
    expect(chunkDone(chunk, (s) => states[s])).toBe(true);
  });

  it('draws the settled runs while a chunk is in flight, and counts primed runs as computing', () => {
    const settled = schemeRun('he', at(50), undefined);
    const now = schemeRun('he', at(80), undefined);
    const inFlight: LiveState = { ...INITIAL_LIVE, started: true, chunk: { schemes: ['he'], target: 100 }, settled: new Map([['he', settled]]) };
    expect(frameInputs(inFlight, [now], noGate)).toEqual({ runs: [settled], computing: true, quiet: false });
    expect(frameInputs({ ...INITIAL_LIVE, started: true }, [now], noGate)).toEqual({ runs: [now], computing: false, quiet: false });
    expect(frameInputs({ ...INITIAL_LIVE, started: true, primed: true }, [now], noGate)?.computing).toBe(true);
    expect(frameInputs({ ...INITIAL_LIVE, started: true, playing: true }, [now], { suspended: true, reducedMotion: false })?.computing).toBe(false);
    expect(frameInputs({ ...inFlight, playing: true }, [now], { suspended: false, reducedMotion: true })?.quiet).toBe(true);
    // Nothing started, or every run idle: the prerender stays.
    expect(frameInputs(INITIAL_LIVE, [now], noGate)).toBeNull();
    expect(frameInputs({ ...INITIAL_LIVE, started: true }, [schemeRun('he', at(0, 'idle'), undefined)], noGate)).toBeNull();
  });

  it('gives the views a run with its kept map', () => {
    const grid = new Float64Array([0.5]);
    const r = schemeRun('lecun', at(120), { grid, iteration: 100 });
    expect([r.scheme, r.iteration, r.grid, r.gridIteration, r.finalCost]).toEqual(['lecun', 120, grid, 100, undefined]);
    expect(schemeRun('lecun', at(0), undefined).gridIteration).toBe(0);
  });
});
