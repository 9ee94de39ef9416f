/**
 * The view of <ActivationExplorer>: an activation g and its slope g′ over z ∈ [−range, range],
 * computed with the engine's registry (the same f and df the training uses). Pure: the build and
 * the island draw with it.
 */
import * as Plot from '@observablehq/plot';
import { cell, chartStyle, fmt, type ChartTable } from '../../charts/common.ts';
import { ink, seriesColor } from '../../charts/theme.ts';
import { getActivation } from '../../engine/activations.ts';
import type { ChartView } from '../../kit/chart-view.ts';
import type { ActivationValues } from './schema.ts';

/** Points drawn along z (odd, so z = 0 is one of them). */
export const POINTS = 161;

/** z, g(z) and g′(z) at POINTS evenly spaced z from −range to range, through the engine's f and df. */
export function activationCurve(v: ActivationValues): { z: Float64Array; a: Float64Array; slope: Float64Array } {
  const g = getActivation(v.activation);
  const z = Float64Array.from({ length: POINTS }, (_, i) => -v.range + (2 * v.range * i) / (POINTS - 1));
  const a = new Float64Array(POINTS);
  const slope = new Float64Array(POINTS);
  g.f(z, a, POINTS);
  // df gives dZ = dA · g′(z); with dA = 1 that is g′(z).
  g.df(z, a, new Float64Array(POINTS).fill(1), slope, POINTS);
  return { z, a, slope };
}

/** Every 20th point, for the data table (numbers: the CSV download keeps them machine-readable). */
function table(c: ReturnType<typeof activationCurve>): ChartTable {
  const rows = [];
  for (let i = 0; i < POINTS; i += 20) rows.push([cell(c.z[i]), cell(c.a[i]), cell(c.slope[i])]);
  return { columns: ['z', 'g(z)', "g′(z)"], rows };
}

/** The chart, caption and table for `v`, drawn `width` px wide. */
export function activationView(v: ActivationValues, width = 640): ChartView {
  const c = activationCurve(v);
  const g = getActivation(v.activation);
  const points = [...c.z].flatMap((z, i) => [{ z, y: c.a[i], series: `${g.label}(z)` }, { z, y: c.slope[i], series: `${g.label}′(z)` }]);
  const best = Math.max(...c.slope);
  return {
    title: `${g.label} and its slope`,
    plot: {
      width, height: 260, style: chartStyle, marginLeft: 44,
      ariaLabel: `${g.label}(z) and its derivative for z from −${v.range} to ${v.range}`,
      x: { label: 'z', domain: [-v.range, v.range] },
      y: { label: null, grid: true },
      color: { domain: [`${g.label}(z)`, `${g.label}′(z)`], range: [seriesColor(0), seriesColor(1)] },
      marks: [Plot.ruleY([0], { stroke: ink, strokeOpacity: 0.4 }), Plot.lineY(points, { x: 'z', y: 'y', stroke: 'series', strokeWidth: 2 }),
        // Each curve named at its right end, in its colour (no separate legend to match by colour).
        Plot.text(points.slice(-2), { x: 'z', y: 'y', text: 'series', fill: 'series', textAnchor: 'end', dy: -8 }),
      ],
    },
    caption: `The slope ${g.label}′ peaks at ${fmt(best)} on this range; where it is near 0 a unit passes almost no gradient back.`,
    table: table(c),
  };
}
