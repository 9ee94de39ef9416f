import { describe, expect, it } from 'vitest';
import { formatLog, formatReport, logInterval, logLines } from '../../src/run/format.ts';
import { classificationReport } from '../../src/engine/metrics.ts';

describe('log formatting', () => {
  const history = { iterations: [0, 500, 1000, 1500, 2000], costs: [0.7, 0.6, 0.5, 0.4, 0.3] };
  it('labels each cost with its true iteration, every 1000', () => {
    expect(formatLog(history, { recordEvery: 500 })).toBe('Cost after iteration 0: 0.700000\nCost after iteration 1000: 0.500000\nCost after iteration 2000: 0.300000');
    expect(logLines(history, 500)).toHaveLength(3);
  });
  it('falls back to a multiple of the record interval', () => {
    expect(logInterval(100)).toBe(1000);
    expect(logInterval(300)).toBe(1200);
    expect(logInterval(5000)).toBe(5000);
  });
  it('prints the confusion matrix rows actual, columns predicted', () => {
    const text = formatReport({
      status: { state: 'done', message: 'done: 10 iterations' }, iteration: 10, finalCost: Infinity,
      report: classificationReport([[468, 32], [44, 456]]),
    });
    expect(text).toContain('F1 (class 1): 0.9231');
    expect(text).toContain('not finite (Infinity)');
    expect(text).toMatch(/actual 0 +468 +32\n +actual 1 +44 +456/);
    expect(text).toContain('Precision (class 1): 0.9344\n');
  });
  it('says when a score is 0/0, beside the 0 reported for it', () => {
    // Zero initialization predicts 0 for every point: no point predicted 1.
    const text = formatReport({ status: { state: 'done', message: 'done' }, iteration: 1, finalCost: 0.69, report: classificationReport([[500, 0], [500, 0]]) });
    expect(text).toContain('Precision (class 1): 0.0000 (0/0: no point predicted 1; counted as 0)\n');
    expect(text).toContain('Recall (class 1): 0.0000\n');
    expect(formatReport({ status: { state: 'done', message: 'done' }, iteration: 1, finalCost: 0.69, report: classificationReport([[0, 1000], [0, 0]]) }))
      .toContain('Recall (class 1): 0.0000 (0/0: no point is 1; counted as 0)');
  });
});
