import { describe, expect, it } from 'vitest';
import { DEFAULT_REMEDIES_SETTINGS, variantConfig } from '../../../src/features/remedies/settings.ts';
import type { RemediesSnapshot, VariantRun } from '../../../src/features/remedies/views.ts';
import { BuiltFrom, costInputs, gradientInputs } from '../../../src/features/remedies/redraw.ts';

const s = DEFAULT_REMEDIES_SETTINGS;
const run = (iterations: number[]): VariantRun => ({
  variant: 'plain', config: variantConfig(s, 'plain'), status: { state: 'running', message: '' }, iteration: iterations.at(-1) ?? 0,
  history: { iterations, costs: iterations.map(() => 0.69), gradientNorms: iterations.map(() => [1, 2]), globalNorms: [] }, clippedSteps: 0,
});

describe('BuiltFrom', () => {
  it('says a chart changed the first time, then only when an input is another object or value', () => {
    const built = new BuiltFrom();
    const r = run([0, 10]);
    expect(built.changed('gradients-0', gradientInputs(r, 640))).toBe(true);
    expect(built.changed('gradients-0', gradientInputs(r, 640))).toBe(false);
    expect(built.changed('gradients-0', gradientInputs(r, 320))).toBe(true);
    // A new report brings a new history array, even with the same numbers.
    expect(built.changed('gradients-0', gradientInputs(run([0, 10]), 320))).toBe(true);
    expect(built.changed('gradients-1', gradientInputs(r, 320))).toBe(true);
  });

  it('the cost chart depends on every run, the iterations and the batch size', () => {
    const built = new BuiltFrom();
    const a = run([0]);
    const b = { ...run([0]), variant: 'residual' as const };
    const snap: RemediesSnapshot = { settings: s, runs: [a, b] };
    expect(built.changed('costs', costInputs(snap, 640))).toBe(true);
    expect(built.changed('costs', costInputs({ ...snap }, 640))).toBe(false);
    expect(built.changed('costs', costInputs({ ...snap, runs: [a, { ...b, history: run([0, 10]).history }] }, 640))).toBe(true);
    expect(built.changed('costs', costInputs({ ...snap, runs: [a] }, 640))).toBe(true);
    expect(built.changed('costs', costInputs({ ...snap, runs: [a], settings: { ...s, batchSize: 128 } }, 640))).toBe(true);
  });
});
