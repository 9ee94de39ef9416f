/**
 * The view of <SymmetryMeter>: a pure function from a run's symmetry record and its current
 * parameters to what the meter shows (distance chart, caption, hidden units' weights table).
 * The build-time prerender and the island call the same function, so they cannot drift.
 */
import type * as Plot from '@observablehq/plot';
import { fmt, fmtInt, symmetry, symmetryCaption, symmetryTable, type ChartTable } from '../../charts/browser.ts';
import { allZero } from '../../charts/symmetry.ts';
import type { TrainConfig } from '../../engine/train.ts';
import { INIT_LABELS } from '../../kit/labels.ts';
import type { ParametersData } from '../../run/protocol.ts';

/** The initializations the meter offers. */
export const symmetryInits = ['zeros', 'constant', 'normal', 'lecun'] as const;
export type SymmetryInit = (typeof symmetryInits)[number];

/** Labels of the inits in the meter's select. */
export const symmetryInitLabels: Record<SymmetryInit, string> = {
  zeros: INIT_LABELS.zeros.text,
  constant: INIT_LABELS.constant.text,
  normal: INIT_LABELS.normal.text,
  lecun: `${INIT_LABELS.lecun.text} normal`,
};

/** The settings a run depends on. */
export interface SymmetrySettings {
  readonly init: SymmetryInit;
  /** c, the value of every weight under constant init. */
  readonly value: number;
  readonly width: number;
  readonly seed: number;
}

/** The training config of the meter: [2, width, 1], tanh, learning rate 1.2, ~200 records. */
export function symmetryConfig(s: SymmetrySettings, iterations: number): TrainConfig {
  return {
    layers: [2, s.width, 1],
    hidden: 'tanh',
    init: s.init,
    scale: s.init === 'constant' ? s.value : s.init === 'normal' ? 1 : 0,
    learningRate: 1.2,
    iterations,
    seed: s.seed,
    recordEvery: Math.max(1, Math.round(iterations / 200)),
  };
}

/** A run as the meter sees it at a moment (complete at build time, partial while training live). */
export interface SymmetrySnapshot {
  readonly config: TrainConfig;
  /** Updates applied so far. */
  readonly iteration: number;
  readonly iterations: readonly number[];
  /** Largest distance between hidden units' incoming weights at each record. */
  readonly distance: readonly number[];
  /** The current parameters (index 0 empty, as in the engine), or null before the first message. */
  readonly params: ParametersData | null;
}

/** A snapshot from a run's history (its symmetry record, first hidden layer) and current parameters. */
export function symmetrySnapshot(
  config: TrainConfig, iteration: number, history: { readonly iterations: readonly number[]; readonly symmetry: readonly (readonly number[])[] },
  params: ParametersData | null,
): SymmetrySnapshot {
  return { config, iteration, iterations: history.iterations, distance: history.symmetry.map((d) => d[0]), params };
}

/** What the meter shows. */
export interface SymmetryView {
  readonly title: string;
  readonly plot: Plot.PlotOptions;
  readonly caption: string;
  readonly table: ChartTable;
  /** Rows of W[1] with b[1], one per hidden unit. */
  readonly weights: ChartTable;
  readonly weightsTitle: string;
  readonly weightsCaption: string;
}

const value = (v: number) => Number(v.toPrecision(6));

/** Number of distinct rows (weights and bias) among the hidden units, compared bit for bit. */
export function distinctUnits(p: ParametersData): number {
  const [n, nIn] = [p.layers[1], p.layers[0]];
  const rows = new Set<string>();
  for (let i = 0; i < n; i++) rows.add(JSON.stringify([...p.W[1].slice(i * nIn, (i + 1) * nIn), p.b[1][i]].map((v) => (Object.is(v, -0) ? '-0' : v))));
  return rows.size;
}

function explanation(s: SymmetrySnapshot, zero: boolean): string {
  const { init, scale } = s.config;
  if (init === 'zeros') return zero ? ' Every unit starts at 0, so each computes tanh(0) = 0 and receives exactly the same gradient as the others.' : '';
  if (init === 'constant') {
    const w = s.params?.W[1][0];
    const moved = w !== undefined && w !== scale ? `: the weights move (w₁ of every unit went from ${fmt(scale, 4)} to ${fmt(w, 4)})` : '';
    return zero ? ` The units start identical, so they compute the same function, receive the same gradient and take the same step${moved}, yet never become different.` : '';
  }
  const first = s.distance[0];
  return first !== undefined && first > 0 ? ` Random weights make the units differ from the start (${fmt(first)} at iteration 0), so each can learn something of its own.` : '';
}

/** The meter's view of `s`: chart, caption and data table of the distance, and the hidden units' weights. */
export function symmetryView(s: SymmetrySnapshot, chartWidth?: number): SymmetryView {
  const data = { iterations: s.iterations, distance: s.distance };
  const width = s.config.layers[1];
  const initText = s.config.init === 'constant' ? `constant init (c = ${fmt(s.config.scale, 4)})` : s.config.init === 'normal' ? 'normal init (scale 1)' : s.config.init === 'lecun' ? 'LeCun init' : 'zero init';
  const title = `How different do ${width} tanh hidden units become? ${initText[0].toUpperCase()}${initText.slice(1)}`;
  const p = s.params;
  const weights: ChartTable = p
    ? {
      columns: ['hidden unit', 'w₁ (from x₁)', 'w₂ (from x₂)', 'b'],
      rows: Array.from({ length: width }, (_, i) => [`unit ${i + 1}`, value(p.W[1][2 * i]), value(p.W[1][2 * i + 1]), value(p.b[1][i])]),
    }
    : { columns: [], rows: [] };
  const distinct = p ? distinctUnits(p) : 0;
  return {
    title,
    plot: symmetry(data, { ...(chartWidth ? { width: chartWidth } : {}), totalIterations: s.config.iterations, ariaLabel: `${title}: largest distance between hidden units' incoming weights against iteration` }),
    caption: symmetryCaption(data) + explanation(s, allZero(s)),
    table: symmetryTable(data),
    weights,
    weightsTitle: `Incoming weights of the hidden units (rows of W[1], and b[1]) after ${fmtInt(s.iteration)} of ${fmtInt(s.config.iterations)} iterations`,
    weightsCaption: !p ? 'Not computed yet.' : distinct === 1
      ? `All ${width} rows are bit-for-bit identical.`
      : `${distinct} of ${width} rows differ.`,
  };
}
