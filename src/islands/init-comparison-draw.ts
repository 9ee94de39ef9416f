/**
 * Drawing for <init-comparison>: turns the schemes' runs into the live figures with the same view
 * functions as the prerender, keeping the page's work per frame small (see `draw`).
 */
import { fmtInt, renderElement } from '../charts/browser.ts';
import type { Dataset } from '../engine/datasets.ts';
import type { GridSpec } from '../engine/grid.ts';
import { tableHtml } from '../figures/html.ts';
import { costView, mapPlot, mapsView, mapText, summaryView, type ComparisonSettings, type Scheme, type SchemeRun } from '../figures/init-comparison.ts';
import { patchLayers, withoutStyle } from './init-comparison-parts.ts';
import { setText } from './table-dom.ts';

/** Least time in ms between two drawings while training: of the cost chart, of one map, of the texts (alone: in a frame without a chart). */
export const INTERVAL = { cost: 400, map: 600, text: 250, textAlone: 1000 } as const;

/** Largest change of P(y = 1) in any cell below which a map only gets its new title (invisible in the colours). */
const STILL = 0.004;

function maxChange(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    if (d > max || d !== d) max = d !== d ? Infinity : d;
  }
  return max;
}

/** The island's figures, drawn from run snapshots into the element's prerendered markup. */
export class ComparisonDrawer {
  // What changed since it was last drawn, and when each throttled part was last drawn.
  private readonly dirty = { cost: true, summary: true, maps: new Set<Scheme>(), costAt: -Infinity, textAt: -Infinity, mapAt: new Map<Scheme, number>() };
  // The markup last put in each table, to skip identical updates.
  private readonly shown = new Map<string, string>();
  // The probabilities each map was last drawn with.
  private readonly drawn = new Map<Scheme, ArrayLike<number>>();
  // A chart built in the previous frame, to put in the page in this one.
  private readonly attach: (() => void)[] = [];

  constructor(private readonly root: HTMLElement, private readonly data: Dataset, private readonly spec: GridSpec) {}

  /** A run changed; `grid` says whether its map did. */
  touch(scheme: Scheme, grid: boolean): void {
    this.dirty.cost = true;
    this.dirty.summary = true;
    if (grid) this.dirty.maps.add(scheme);
  }

  /** Everything must be drawn again (settings changed, a table was opened). */
  touchAll(schemes: readonly Scheme[]): void {
    for (const s of schemes) this.touch(s, true);
  }

  /**
   * Draws what changed. Any change costs the (long) page a repaint, so while `computing` changes
   * are few and small: one heavy chart at a time (cost chart or one map, the stalest first, each at
   * most every INTERVAL ms), built in one frame and put in the page in the next, so no frame has
   * both the chart's script and the page's repaint; the texts go with it. With `quiet` (reduced
   * motion while computing), or `hold` (nothing computed yet), only the status line changes.
   * @returns true when something is left for a later frame.
   */
  draw(runs: readonly SchemeRun[], values: ComparisonSettings, computing: boolean, quiet: boolean, hold = false): boolean {
    const still = quiet || hold;
    const d = this.dirty;
    const now = performance.now();
    const attach = this.attach.pop();
    if (attach) attach();
    else if (!still) this.attach.push(...this.build(runs, values, computing, now));
    const heavy = attach !== undefined;
    if (this.attach.length === 0 && (!computing || now - d.textAt >= (heavy ? INTERVAL.text : INTERVAL.textAlone))) {
      d.textAt = now;
      this.drawStatus(runs, values, computing, quiet);
      if (d.summary && !still) {
        d.summary = false;
        const view = summaryView(runs, values.threshold);
        this.html('.compare-summary', tableHtml(view.table, { rowHeaders: true }));
        setText(this.root, '.compare-summary-caption', view.caption);
      }
    }
    return this.attach.length > 0 || (!still && (d.cost || d.summary || d.maps.size > 0));
  }

  /** Renders the heavy chart that is due (if any), detached; returns what puts it in the page. */
  private build(runs: readonly SchemeRun[], values: ComparisonSettings, computing: boolean, now: number): (() => void)[] {
    const d = this.dirty;
    for (const s of d.maps) if (!runs.some((r) => r.scheme === s && r.grid)) d.maps.delete(s);
    const at = (s: Scheme) => d.mapAt.get(s) ?? -Infinity;
    const map = [...d.maps].sort((a, b) => at(a) - at(b))[0];
    const mapDue = map !== undefined && (!computing || now - at(map) >= INTERVAL.map);
    const costDue = d.cost && (!computing || now - d.costAt >= INTERVAL.cost);
    if (costDue && (!mapDue || d.costAt <= at(map))) {
      d.cost = false;
      d.costAt = now;
      const view = costView(runs, values);
      const svg = withoutStyle(renderElement(view.plot!));
      return [() => {
        this.root.querySelector('.compare-cost')?.replaceChildren(svg);
        setText(this.root, '.compare-cost-caption', view.caption);
        if (!computing || this.isOpen('.compare-cost-data')) this.html('.compare-cost-table', tableHtml(view.table));
      }];
    }
    if (!mapDue) return [];
    d.maps.delete(map);
    d.mapAt.set(map, now);
    const put = this.buildMap(runs.find((r) => r.scheme === map)!);
    const withTables = !computing || this.isOpen('.compare-maps-data');
    const view = mapsView(runs.filter((r) => r.grid), this.data, this.spec, { tables: withTables });
    return [() => {
      put();
      setText(this.root, '.compare-maps-caption', view.caption);
      if (withTables) {
        this.html('.compare-maps-table', view.tables.map((t) => tableHtml(t.table, { caption: t.caption, rowHeaders: true })).join(''));
      }
    }];
  }

  /**
   * A map's update: only its words when its probabilities barely moved (late in training), else
   * the changing layers swapped in if it has its points already, else the whole map.
   */
  private buildMap(run: SchemeRun): () => void {
    const slot = this.root.querySelector(`.compare-map[data-scheme="${run.scheme}"]`);
    const current = slot?.querySelector('svg');
    const title = current?.querySelector('[aria-label="text"] text');
    const before = this.drawn.get(run.scheme);
    if (title && before && maxChange(before, run.grid!) < STILL) {
      const words = mapText(run, this.data.m);
      return () => {
        title.textContent = words.title;
        current!.setAttribute('aria-label', words.ariaLabel);
      };
    }
    this.drawn.set(run.scheme, run.grid!);
    if (current?.querySelector('[aria-label="dot"]')) {
      const layers = renderElement(mapPlot(run, this.data, this.spec, { points: false }));
      return () => {
        if (!patchLayers(current, layers)) slot?.replaceChildren(withoutStyle(renderElement(mapPlot(run, this.data, this.spec))));
      };
    }
    const whole = withoutStyle(renderElement(mapPlot(run, this.data, this.spec)));
    return () => slot?.replaceChildren(whole);
  }

  private drawStatus(runs: readonly SchemeRun[], values: ComparisonSettings, computing: boolean, quiet: boolean): void {
    const at = Math.max(0, ...runs.map((r) => r.iteration));
    const progress = this.root.querySelector<HTMLProgressElement>('.compare-progress');
    if (progress) progress.value = at / values.iterations;
    const ended = runs.every((r) => r.status.state !== 'running' && r.status.state !== 'idle');
    const drawing = this.dirty.cost || this.dirty.maps.size > 0;
    const stopped = runs.some((r) => r.status.state === 'cancelled');
    const state = stopped ? 'Stopped' : ended ? (drawing ? 'Drawing the final state' : 'Finished') : quiet ? `Computing all ${fmtInt(values.iterations)} iterations` : computing ? 'Training in lockstep' : 'Paused';
    setText(this.root, '.compare-status-text', `${state}: iteration ${fmtInt(at)} of ${fmtInt(values.iterations)}, seed ${values.seed}.`);
  }

  private isOpen(selector: string): boolean {
    return this.root.querySelector<HTMLDetailsElement>(selector)?.open ?? false;
  }

  /** Sets markup built by tableHtml (every value escaped there). */
  private html(selector: string, value: string): void {
    const el = this.root.querySelector(selector);
    if (!el || this.shown.get(selector) === value) return;
    this.shown.set(selector, value);
    el.innerHTML = value;
  }
}
