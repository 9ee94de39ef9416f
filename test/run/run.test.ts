import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAIN_CONFIG } from '../../src/engine/index.ts';
import { hasEnded, hasFailed, initialState, isPlaying, type RunState } from '../../src/run/run.ts';

const idle = initialState('r', DEFAULT_TRAIN_CONFIG);
const with_ = (status: RunState['status'], more: Partial<RunState> = {}): RunState => ({ ...idle, status, ...more });

describe('run state predicates', () => {
  it('hasEnded: done, diverged or cancelled; not idle, not training', () => {
    expect(hasEnded(idle)).toBe(false);
    expect(hasEnded(with_({ state: 'running', message: 'training' }))).toBe(false);
    expect(hasEnded(with_({ state: 'done', message: 'done' }))).toBe(true);
    expect(hasEnded(with_({ state: 'diverged', iteration: 7, message: 'diverged at iteration 7' }))).toBe(true);
    expect(hasEnded(with_({ state: 'cancelled', iteration: 3, message: 'cancelled' }))).toBe(true);
  });

  it('isPlaying and hasFailed', () => {
    expect(isPlaying(with_({ state: 'running', message: 'training' }))).toBe(true);
    expect(isPlaying(with_({ state: 'running', message: 'training' }, { paused: true }))).toBe(false);
    expect(hasFailed(with_({ state: 'cancelled', iteration: 3, message: 'cancelled' }, { error: 'worker crashed' }))).toBe(true);
    expect(hasFailed(with_({ state: 'cancelled', iteration: 3, message: 'cancelled' }))).toBe(false);
  });
});
