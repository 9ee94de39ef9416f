/**
 * The "Remedies side by side" section of `npm run bench`: the explorer's default run (four variants of
 * the 30-layer network trained in lockstep, one mini-batch each in turn, as the explorer does) timed in
 * this process, as iterations per second. A benchmark, never a test.
 */
import { createRemediesTrainer, stepRemedies, type Dataset } from '../engine/index.ts';
import { DEFAULT_REMEDIES_SETTINGS, VARIANT_LABELS, variantConfig } from '../features/remedies/settings.ts';

/** Runs the default lockstep training `runs` times; prints and returns the median lockstep iterations per second. */
export function benchRemedies(data: Dataset, runs: number): number {
  const s = DEFAULT_REMEDIES_SETTINGS;
  console.log(`\nRemedies side by side, default run: ${s.variants.length} variants (${s.variants.join(', ')}) in lockstep, ${s.depth} × ${s.width} ${s.hidden}, batch ${s.batchSize}, ${s.iterations} iterations`);
  const rates: number[] = [];
  const perVariant = new Map<string, number>();
  for (let r = 0; r < runs; r++) {
    const trainers = s.variants.map((v) => createRemediesTrainer(data, variantConfig(s, v)));
    const spent = new Map<string, number>();
    const t0 = performance.now();
    for (let i = 0; i < s.iterations; i++) {
      trainers.forEach((t, k) => {
        const a = performance.now();
        stepRemedies(t, 1);
        spent.set(s.variants[k], (spent.get(s.variants[k]) ?? 0) + performance.now() - a);
      });
    }
    const seconds = (performance.now() - t0) / 1000;
    rates.push(s.iterations / seconds);
    for (const [v, msSpent] of spent) perVariant.set(v, Math.max(perVariant.get(v) ?? 0, s.iterations / (msSpent / 1000)));
    console.log(`  run ${r + 1}: ${seconds.toFixed(2)} s, ${(s.iterations / seconds).toFixed(1)} lockstep iterations/s`);
  }
  const median = [...rates].sort((a, b) => a - b)[Math.floor(rates.length / 2)];
  console.log(`  median ${median.toFixed(1)} lockstep iterations/s (each advances all ${s.variants.length} variants); alone, best run:`);
  for (const [v, rate] of perVariant) console.log(`    ${VARIANT_LABELS[v as keyof typeof VARIANT_LABELS].padEnd(28)} ${rate.toFixed(0)} iterations/s`);
  return median;
}
