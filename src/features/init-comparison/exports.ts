/**
 * What each Save bar of <init-comparison> saves ("cost", "maps" or "summary"): its chart, its table
 * and its data, from the runs as drawn. Browser only (the maps are composed from the page's svgs).
 */
import type { GridSpec } from '../../engine/grid.ts';
import type { FigureExport } from '../../kit/explorer.ts';
import { composeSvgs } from './parts.ts';
import { costView, mapsGridTable, summaryView, TRAINING_KEYS, type ComparisonSettings, type SchemeRun } from './views.ts';

/** The export of chart `name` of the island `root`, showing `runs` at settings `values` on grid `spec`. */
export function comparisonExport(root: Element, name: string, runs: readonly SchemeRun[], values: ComparisonSettings, spec: GridSpec): FigureExport {
  const settings = Object.fromEntries(TRAINING_KEYS.map((k) => [k, values[k]]));
  if (name === 'cost') {
    const series = runs.map((r) => ({ scheme: r.scheme, status: r.status.message, iterations: r.iterations, costs: r.costs }));
    return { svg: root.querySelector('.compare-cost svg'), table: costView(runs, values).table, data: { settings, series } };
  }
  if (name === 'maps') {
    const svg = composeSvgs([...root.querySelectorAll<SVGSVGElement>('.compare-map:not([hidden]) svg')], root.querySelector('.compare-legend svg'), 3);
    // Attached (hidden), so the export picks up the page's colours.
    if (svg) root.querySelector('.compare-export-holder')?.replaceChildren(svg);
    const maps = runs.map((r) => ({ scheme: r.scheme, iteration: r.gridIteration, probs: r.grid ? Array.from(r.grid) : [] }));
    return { svg, table: mapsGridTable(runs, spec), data: { settings, grid: spec, maps } };
  }
  const summary = summaryView(runs, values.threshold);
  return { svg: null, table: summary.table, data: { settings, threshold: values.threshold, rows: summary.rows } };
}
