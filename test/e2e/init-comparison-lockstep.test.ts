/**
 * <InitComparison> promises lockstep: while it trains, every map title, the maps' caption, the
 * summary's caption and the status line name one iteration in every frame. Samples 20 frames.
 */
import { describe, expect, it } from 'vitest';
import { openComparison, until } from './support/compare-page.ts';
import { serveDist } from './support/site.ts';

const site = serveDist();

describe('<InitComparison> lockstep on screen', () => {
  it('shows one iteration across maps, caption, summary and status in each of 20 sampled frames', async () => {
    const { page, island, consoleErrors, close } = await openComparison(site.url, '?compare.iterations=5000&compare.speed=3');
    try {
      await island.scrollIntoViewIfNeeded();
      await until(island, 'Training in lockstep');
      const frames = await page.evaluate(() => new Promise<{ maps: string[]; caption: string[]; summary: string[]; status: string[] }[]>((resolve) => {
        const root = document.querySelector('init-comparison')!;
        const numbers = (text: string, re: RegExp) => [...text.matchAll(re)].map((m) => m[1]);
        const wait = (n: number, then: () => void): void => void (n === 0 ? then() : requestAnimationFrame(() => wait(n - 1, then)));
        const out: { maps: string[]; caption: string[]; summary: string[]; status: string[] }[] = [];
        const sample = () => {
          out.push({
            maps: [...root.querySelectorAll('.compare-map:not([hidden]) svg')].flatMap((svg) => numbers(svg.textContent ?? '', /iter\. ([\d,]+)/g)),
            caption: numbers(root.querySelector('.compare-maps-caption')?.textContent ?? '', /\(iteration ([\d,]+)\)/g),
            summary: numbers(root.querySelector('.compare-summary-caption')?.textContent ?? '', /^At iteration ([\d,]+)/g),
            status: numbers(root.querySelector('.compare-status-text')?.textContent ?? '', /iteration ([\d,]+) of/g),
          });
          // One sample every 6th frame (about 10 a second), 20 in all.
          if (out.length < 20) wait(6, sample);
          else resolve(out);
        };
        requestAnimationFrame(sample);
      }));
      expect(frames).toHaveLength(20);
      const iterations = frames.map((f) => new Set([...f.maps, ...f.caption, ...f.summary, ...f.status]));
      for (const [i, f] of frames.entries()) {
        expect(f.maps.length, `frame ${i}: a title per map`).toBe(5);
        expect(f.caption.length, `frame ${i}: an iteration per map in the caption`).toBe(5);
        expect([...iterations[i]], `frame ${i}: ${JSON.stringify(f)}`).toHaveLength(1);
      }
      // The frames span the training: more than one iteration over the 20 samples.
      expect(new Set(iterations.map((s) => [...s][0])).size).toBeGreaterThan(1);
      expect(consoleErrors).toEqual([]);
    } finally {
      await close();
    }
  });
});
