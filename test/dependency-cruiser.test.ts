/**
 * The layer rules of .dependency-cruiser.cjs hold for src/ (engine ← charts ← run, kit ← features
 * ← components): dependency-cruiser's own API, the same check as `npm run lint:layers`.
 */
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { describe, expect, it } from 'vitest';

describe('layer rules (dependency-cruiser)', () => {
  it('src/ breaks none of them', async () => {
    const options = await extractDepcruiseOptions('./.dependency-cruiser.cjs');
    const { output } = await cruise(['src'], options, {}, { tsConfig: extractTSConfig('tsconfig.json') });
    const result = output as ICruiseResult;
    const broken = result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}${v.cycle ? ` (cycle ${v.cycle.map((c) => c.name).join(' → ')})` : ''}`);
    expect(broken).toEqual([]);
    // The cruise saw the whole tree (a wrong path would pass with nothing read).
    expect(result.summary.totalCruised).toBeGreaterThan(100);
    expect(result.modules.some((m) => m.source.startsWith('src/features/'))).toBe(true);
  }, 120_000);
});
