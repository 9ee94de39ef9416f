/**
 * Realistic chart data produced by the engine (small sizes so the tests stay fast), plus helpers to
 * render charts and inspect the SVG strings. Memoized: several test files share one training run each.
 */
import type * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { expect } from 'vitest';
import { renderSvg } from '../../src/charts/render.ts';
import {
  DEFAULT_TRAIN_CONFIG, activations, createWorkspace, deepLinearGradients, forward, gridAround, histogram, initializeSeeded,
  initializers, planar, probabilityGrid, sigmoid, train, varianceAtInitialization, type TrainConfig,
} from '../../src/engine/index.ts';

const memo = new Map<string, unknown>();
function once<T>(key: string, make: () => T): T {
  if (!memo.has(key)) memo.set(key, make());
  return memo.get(key) as T;
}

/** The planar flower with 200 points. */
export const data = () => once('data', () => planar.generate({ m: 200 }));

const base: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, layers: [2, 8, 4, 1], hidden: 'relu', learningRate: 0.02, iterations: 500, recordEvery: 10 };

/** Three runs of 500 iterations (zeros, He, and a large normal init with a huge step that diverges). */
export const runs = () => once('runs', () => [
  { label: 'zeros', run: train(data(), { ...base, init: 'zeros' }) },
  { label: 'He', run: train(data(), { ...base, init: 'he' }) },
  { label: 'large random', run: train(data(), { ...base, init: 'normal', scale: 3, learningRate: 5 }) },
]);

/** Cost-curve data from `runs`. */
export const costData = () => ({
  totalIterations: 500,
  series: runs().map(({ label, run }) => ({
    id: label,
    label,
    iterations: run.history.iterations,
    costs: run.history.costs,
    divergedAt: run.status.state === 'diverged' ? run.status.iteration : null,
  })),
});

/** ‖dW[l]‖ of the deep linear network with a = 3 over 60 layers: from about 10⁰ to 10²⁷. */
export const depthData = (a = 3, L = 60) => once(`depth-${a}-${L}`, () => {
  const d = data();
  return deepLinearGradients(a, L, d.X, d.X, 2, d.m);
});

/** Gradient norms of a 5-layer tanh network with tiny weights (vanishing), 300 iterations. */
export const flowRun = () => once('flow', () => train(data(), {
  ...base, layers: [2, 8, 8, 8, 8, 1], hidden: 'tanh', init: 'normal', scale: 0.05, learningRate: 0.5, iterations: 300,
}));

/** Var(z[l]) measured and predicted for LeCun + tanh, width 16, 6 layers, 8 draws. */
export const varianceData = () => once('variance', () =>
  varianceAtInitialization(data(), [2, 16, 16, 16, 16, 16, 1], 'tanh', initializers.lecun, 0, [1, 2, 3, 4, 5, 6, 7, 8]));

/** Histograms (40 bins over [−1, 1]) of A[l] for a 5-hidden-layer tanh network with N(0, 1) weights (saturating). */
export const histogramData = () => once('hist', () => {
  const d = data();
  const layers = [2, 16, 16, 16, 16, 16, 1];
  const p = initializeSeeded(layers, initializers.normal, 3, 1);
  const ws = createWorkspace(layers, d.m);
  forward(p, { hidden: activations.tanh, output: sigmoid }, d.X, ws);
  return { layers: [1, 2, 3, 4, 5].map((l) => ({ l, histogram: histogram(ws.A[l], layers[l] * d.m, 40, -1, 1) })) };
});

/** Decision-boundary data of the He run on a 40 × 40 grid. */
export const boundaryData = () => once('boundary', () => {
  const d = data();
  const run = runs()[1].run;
  const spec = gridAround(d, 40);
  return { spec, probs: probabilityGrid(run.params, run.activations, spec), X: d.X, Y: d.Y, m: d.m, title: 'He' };
});

/** Parses an SVG string; returns the root element and the document. */
export function parseSvg(svg: string): { root: Element; document: Document } {
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
  return { root: document.body.firstElementChild as Element, document: document as unknown as Document };
}

/** Text content of every <text> element, in document order. */
export function texts(svg: string): string[] {
  return [...parseSvg(svg).root.querySelectorAll('text')].map((t) => t.textContent ?? '');
}

/** The <g> groups Plot made for marks with the given aria-label (e.g. "line", "dot"). */
export function groups(svg: string, label: string): Element[] {
  return [...parseSvg(svg).root.querySelectorAll(`g[aria-label="${label}"]`)];
}

/** Renders a builder's options and checks what every chart has: role="img" and the builder's aria-label. */
export function renderChart(options: Plot.PlotOptions): string {
  const svg = renderSvg(options);
  const { root } = parseSvg(svg);
  expect(root.getAttribute('role')).toBe('img');
  expect(root.getAttribute('aria-label')).toBe(options.ariaLabel);
  return svg;
}

/** The dot groups of the data, leaving out the legend's swatches (aria-hidden). */
export function dataDots(svg: string): Element[] {
  return groups(svg, 'dot').filter((g) => !g.hasAttribute('aria-hidden'));
}

/** Dots in a group drawn as one path (renderAsPath): the sub-paths ("M x,y h0", "m dx,dy h0") of its fill path. */
export function pathDots(g: Element): number {
  return [...g.querySelectorAll('path')].at(-1)?.getAttribute('d')?.match(/[Mm]/g)?.length ?? 0;
}

/** Segments of a line group's path (its "L" commands). */
export function segments(g: Element): number {
  return g.querySelector('path')?.getAttribute('d')?.match(/L/g)?.length ?? 0;
}
