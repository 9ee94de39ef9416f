import { describe, expect, it } from 'vitest';
import { atSpeed, recordPaces, SPEEDS, speedParam } from '../../src/kit/pace.ts';

describe('the speed → pace rule', () => {
  it('speed is an integer 1–5 in the URL and shows as ×n', () => {
    expect(SPEEDS).toBe(5);
    expect(speedParam.parse('4')).toBe(4);
    expect([speedParam.parse('0'), speedParam.parse('6'), speedParam.parse('2.5')]).toEqual([undefined, undefined, undefined]);
    expect(speedParam.format(3)).toBe('3');
    expect(speedParam.display!(3)).toBe('×3');
  });

  it("picks the speed's entry, the middle one when out of range", () => {
    const table = [700, 450, 280, 160, 80];
    expect([1, 2, 3, 4, 5].map((s) => atSpeed(table, s))).toEqual(table);
    expect(atSpeed(table, 0)).toBe(280);
    expect(atSpeed(table, 9)).toBe(280);
  });

  it('streams one record per chunk when slow, 3 and 10 when fast', () => {
    expect(recordPaces(20, [500, 150])).toEqual([
      { chunk: 20, delayMs: 500 }, { chunk: 20, delayMs: 150 }, { chunk: 20, delayMs: 0 }, { chunk: 60, delayMs: 0 }, { chunk: 200, delayMs: 0 },
    ]);
  });
});
