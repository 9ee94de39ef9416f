import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAIN_CONFIG } from '../../src/engine/index.ts';
import { checkFromWorker, checkToWorker } from '../../src/run/protocol-check.ts';

const progress = {
  type: 'progress', runId: 'r', job: 3, iteration: 250, status: { state: 'running', message: 'running' },
  history: { iterations: [0], costs: [0.7], gradientNorms: [], activationStats: [], symmetry: [] }, live: {},
};

describe('worker protocol checks', () => {
  it('passes well-formed messages both ways', () => {
    expect(checkToWorker({ type: 'train', runId: 'r', job: 0, config: DEFAULT_TRAIN_CONFIG, dataset: { name: 'planar' }, pace: { chunk: 10, delayMs: 0 } }).ok).toBe(true);
    expect(checkToWorker({ type: 'step', runId: 'r', iterations: 5 }).ok).toBe(true);
    expect(checkToWorker({ type: 'compute', requestId: 'c1', task: { kind: 'deep-linear', a: 1.5, L: 4 } }).ok).toBe(true);
    expect(checkFromWorker(progress).ok).toBe(true);
    expect(checkFromWorker({ type: 'error', message: 'x' }).ok).toBe(true);
    expect(checkFromWorker({ type: 'alive' }).ok).toBe(true);
  });

  it('refuses malformed messages with the ids they carried, so only that request is answered', () => {
    expect(checkToWorker(null)).toEqual({ ok: false, error: 'malformed message (null)' });
    expect(checkToWorker({ type: 'pace', runId: 'r', pace: { chunk: 0, delayMs: 0 } })).toEqual({ ok: false, error: 'malformed message (pace: bad or missing "pace")', runId: 'r' });
    expect(checkToWorker({ type: 'compute', requestId: 'c9', task: { kind: 'sql' } })).toEqual({ ok: false, error: 'malformed message (compute: bad or missing "task")', requestId: 'c9' });
    expect(checkToWorker({ type: '__proto__' })).toMatchObject({ ok: false, error: 'malformed message (unknown type "__proto__")' });
    expect(checkFromWorker({ ...progress, iteration: 'ten' })).toEqual({ ok: false, error: 'malformed message (progress: bad or missing "iteration")', runId: 'r', job: 3 });
    expect(checkFromWorker({ ...progress, type: 'done' })).toMatchObject({ ok: false, error: 'malformed message (done: bad or missing "result")' });
    expect(checkFromWorker([1, 2])).toMatchObject({ error: 'malformed message (an array, not an object)' });
  });

  it('never throws, whatever arrives', () => {
    fc.assert(fc.property(fc.anything(), (x) => {
      expect(typeof checkToWorker(x).ok).toBe('boolean');
      expect(typeof checkFromWorker(x).ok).toBe('boolean');
    }), { numRuns: 500 });
  });
});
