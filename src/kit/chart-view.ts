/**
 * One chart of an explorer at a moment (title, Plot options, caption, data table), its identity
 * key, and the gradient-norm thresholds every gradient chart marks.
 */
import type * as Plot from '@observablehq/plot';
import type { ChartTable } from '../charts/common.ts';
import { hash } from '../charts/render-dom.ts';

/** ‖dW[l]‖ below this is "vanishing": even 5 000 updates at learning rate 1 move the layer by < 0.005. */
export const VANISHING_BELOW = 1e-6;
/** ‖dW[l]‖ above this is "exploding": one update at learning rate ≥ 0.5 moves the layer by > 500. */
export const EXPLODING_ABOVE = 1e3;

/** One chart of an explorer at a moment: no `plot` while there is nothing to draw. */
export interface ChartView {
  readonly title: string;
  readonly plot?: Plot.PlotOptions;
  readonly caption: string;
  readonly table: ChartTable;
}

/** A short hash of what a chart view shows (title, caption, table): equal keys draw the same figure. */
export function viewKey(view: ChartView): string {
  const text = `${view.title}\n${view.caption}\n${JSON.stringify(view.table)}\n${view.plot ? `plot ${view.plot.width}` : 'text'}`;
  return `${hash(text)}-${text.length}`;
}
