import { describe, expect, it } from 'vitest';
import { classificationReport, confusionMatrix } from '../../src/engine/metrics.ts';

describe('metrics', () => {
  it('counts rows actual, columns predicted', () => {
    expect(confusionMatrix([0, 0, 1, 1, 1], [0, 1, 0, 1, 1])).toEqual([[1, 1], [1, 2]]);
  });

  it('gives the correct F1 for the three runs (not the original article\'s)', () => {
    expect(classificationReport([[500, 0], [500, 0]]).f1).toBe(0);
    expect(classificationReport([[369, 131], [127, 373]]).f1).toBeCloseTo(0.7430, 4);
    const approp = classificationReport([[468, 32], [44, 456]]);
    expect(approp.f1).toBeCloseTo(0.9231, 4);
    expect(approp.accuracy).toBe(0.924);
    expect(approp.precision).toBeCloseTo(456 / 488, 15);
    expect(approp.recall).toBe(456 / 500);
  });

  it('rejects labels other than 0 and 1', () => {
    expect(() => confusionMatrix([0, 2], [0, 1])).toThrow(/labels must be 0 or 1/);
  });
});
