import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as browser from '../../src/charts/browser.ts';

const chartsDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/charts');

/** Every module reachable from `file` by static imports, and the bare packages they import. */
function importGraph(file: string, seen = new Set<string>(), packages = new Set<string>()): { files: Set<string>; packages: Set<string> } {
  if (seen.has(file)) return { files: seen, packages };
  seen.add(file);
  const src = readFileSync(file, 'utf8');
  for (const [, spec] of src.matchAll(/(?:import|export)[^'"]*?from\s+'([^']+)'/g)) {
    if (spec.startsWith('.')) importGraph(resolve(dirname(file), spec), seen, packages);
    else packages.add(spec);
  }
  return { files: seen, packages };
}

describe('browser entry', () => {
  it('exports every builder, caption, table and renderElement, but not renderSvg', () => {
    for (const name of ['costCurve', 'scatter', 'gradientDepth', 'gradientFlow', 'decisionBoundary', 'histograms', 'variance', 'symmetry']) {
      expect(typeof (browser as Record<string, unknown>)[name], name).toBe('function');
      expect(typeof (browser as Record<string, unknown>)[`${name}Caption`], `${name}Caption`).toBe('function');
      expect(typeof (browser as Record<string, unknown>)[`${name}Table`], `${name}Table`).toBe('function');
      expect(typeof (browser as Record<string, unknown>)[`${name}Defaults`], `${name}Defaults`).toBe('object');
    }
    expect(typeof browser.decisionBoundaryLegend).toBe('function');
    expect(typeof browser.renderElement).toBe('function');
    expect('renderSvg' in browser).toBe(false);
  });

  it('imports no Node-only package (linkedom, node:*), so islands can bundle it', () => {
    const { files, packages } = importGraph(resolve(chartsDir, 'browser.ts'));
    expect([...packages].sort()).toEqual(['@observablehq/plot']);
    expect([...files].some((f) => f.endsWith('render.ts'))).toBe(false);
  });
});
