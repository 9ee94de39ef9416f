/**
 * Drawing for <init-comparison>: turns the schemes' runs into the live figures with the same view
 * functions as the prerender, keeping the page's work per frame small (see `draw`).
 */
import { fmtInt, renderElement } from '../../charts/browser.ts';
import type { Dataset } from '../../engine/datasets.ts';
import type { GridSpec } from '../../engine/grid.ts';
import { tableHtml } from '../../kit/html.ts';
import { costView, mapPlot, mapsView, mapText, summaryView, type ComparisonSettings, type Scheme, type SchemeRun } from './views.ts';
import { withoutPlotStyle } from '../../kit/plot-style.ts';
import { isOpen } from '../../kit/island.ts';
import { patchLayers } from './parts.ts';
import { setText } from '../../kit/table-dom.ts';
import { hasEnded } from '../../run/client.ts';

/** Least time in ms between two batches while training (each batch draws every part at one iteration). */
export const INTERVAL = { batch: 400 } as const;

/**
 * Script time in ms a frame may spend building a batch's charts: two maps (about 9 ms each here) share a
 * frame, the cost chart (about 19 ms) has one to itself. One chart per frame put the first live frame at 180-210 ms.
 */
export const FRAME_BUDGET_MS = 20;

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

/** Widths in CSS px the cost chart and each map are drawn at (their boxes on the page); defaults when absent. */
export interface DrawWidths {
  cost?: number;
  map?: number;
}

/** One snapshot's drawing: charts built one per frame off the page, then put in the page together. */
interface Batch {
  readonly steps: (() => () => void)[];
  readonly puts: (() => void)[];
}

/**
 * The island's figures, drawn from run snapshots into the element's prerendered markup. Lockstep on
 * screen: every part of one batch (cost chart, maps, captions, summary, status) comes from the same
 * snapshot and enters the page in the same frame, so all show one iteration.
 */
export class ComparisonDrawer {
  // What changed since it was last drawn, and when the last batch started.
  private readonly dirty = { cost: true, summary: true, maps: new Set<Scheme>(), batchAt: -Infinity };
  // The markup last put in each table, to skip identical updates.
  private readonly shown = new Map<string, string>();
  // The probabilities each map was last drawn with.
  private readonly drawn = new Map<Scheme, ArrayLike<number>>();
  private readonly widths: DrawWidths = {};
  // Whether `widths` were measured: measuring forces a page layout, so it waits for the first draw.
  private sized = false;
  private batch: Batch | null = null;
  // Called once the batch in progress (or the next one due) is in the page.
  private waiting: (() => void)[] = [];
  private put = false;

  /** `measure` gives the charts' widths in CSS px, read at the first draw (and `resize` gives new ones). */
  constructor(private readonly root: HTMLElement, private readonly data: Dataset, private readonly spec: GridSpec, private readonly measure: () => DrawWidths) {}

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

  /** Measures the charts' widths if nothing did yet: cheapest right after a layout (an IntersectionObserver callback). */
  sizeOnce(): void {
    if (!this.sized) this.resize(this.measure(), []);
  }

  /** New widths for the charts (their boxes changed); every chart is drawn again at them. */
  resize(widths: DrawWidths, schemes: readonly Scheme[]): void {
    this.sized = true;
    Object.assign(this.widths, widths);
    this.drawn.clear();
    this.touchAll(schemes);
  }

  /**
   * Draws what changed. A batch takes one snapshot; while `computing`, at most one starts every
   * INTERVAL.batch ms. Each frame builds charts of it off the page, one or more within FRAME_BUDGET_MS,
   * so no frame holds much script; the frame after the last puts them all in the page at once. With `quiet`
   * (reduced motion while computing), or `hold` (nothing computed yet), only the status line changes.
   * @returns true when something is left for a later frame.
   */
  draw(runs: readonly SchemeRun[], values: ComparisonSettings, computing: boolean, quiet: boolean, hold = false): boolean {
    this.sizeOnce();
    const more = this.drawBatch(runs, values, computing, quiet, hold);
    if (!this.batch && (!more || this.put)) for (const then of this.waiting.splice(0)) then();
    this.put = false;
    return more;
  }

  /** Runs `then` once what is due is in the page (at once when nothing is). */
  afterBatch(then: () => void): void {
    this.waiting.push(then);
  }

  private drawBatch(runs: readonly SchemeRun[], values: ComparisonSettings, computing: boolean, quiet: boolean, hold: boolean): boolean {
    // Nothing computed yet: every part keeps what it shows (the prerender), the status line too, so they agree.
    if (hold) return false;
    const d = this.dirty;
    const now = performance.now();
    if (quiet) {
      this.drawStatus(runs, values, computing, quiet);
      return false;
    }
    if (!this.batch) {
      const due = d.cost || d.summary || d.maps.size > 0;
      if (!due) {
        this.drawStatus(runs, values, computing, quiet);
        return false;
      }
      if (computing && now - d.batchAt < INTERVAL.batch) return true;
      // Lockstep on screen: wait until every run has a map of its own (or has ended), so none shows an older one.
      if (!runs.every((r) => r.grid || r.status.state !== 'running')) return false;
      // Runs train on several workers: start a batch only when the running ones stand at one iteration.
      if (new Set(runs.filter((r) => r.status.state === 'running').map((r) => r.iteration)).size > 1) return true;
      d.batchAt = now;
      this.batch = this.plan(runs, values, computing);
    }
    const batch = this.batch;
    if (batch.steps.length > 0) {
      // At least one chart, then more while this frame's time plus one more like the last stays within budget.
      for (let built = 0, last = 0; batch.steps.length > 0 && (built === 0 || performance.now() - now + last <= FRAME_BUDGET_MS); built++) {
        const t = performance.now();
        batch.puts.push(batch.steps.shift()!());
        last = performance.now() - t;
      }
      return true;
    }
    const puts = batch.puts;
    this.batch = null;
    for (const put of puts) put();
    this.put = true;
    return d.cost || d.summary || d.maps.size > 0;
  }

  /** The steps of a batch for `runs`: each changed chart, then the texts and tables. */
  private plan(runs: readonly SchemeRun[], values: ComparisonSettings, computing: boolean): Batch {
    const d = this.dirty;
    const steps: (() => () => void)[] = [];
    if (d.cost) {
      d.cost = false;
      steps.push(() => {
        const view = costView(runs, values, this.widths.cost);
        const svg = withoutPlotStyle(renderElement(view.plot!));
        const withTable = !computing || isOpen(this.root, '.compare-cost-data');
        return () => {
          this.root.querySelector('.compare-cost')?.replaceChildren(svg);
          setText(this.root, '.compare-cost-caption', view.caption);
          if (withTable) this.html('.compare-cost-table', tableHtml(view.table));
        };
      });
    }
    const maps = [...d.maps].filter((s) => runs.some((r) => r.scheme === s && r.grid));
    d.maps.clear();
    for (const scheme of maps) steps.push(() => this.buildMap(runs.find((r) => r.scheme === scheme)!));
    const summary = d.summary;
    d.summary = false;
    steps.push(() => {
      const withTables = !computing || isOpen(this.root, '.compare-maps-data');
      const view = mapsView(runs.filter((r) => r.grid), this.data, this.spec, { tables: withTables });
      const sum = summary ? summaryView(runs, values.threshold) : null;
      return () => {
        setText(this.root, '.compare-maps-caption', view.caption);
        if (withTables) this.html('.compare-maps-table', view.tables.map((t) => tableHtml(t.table, { caption: t.caption, rowHeaders: true })).join(''));
        if (sum) {
          this.html('.compare-summary', tableHtml(sum.table, { rowHeaders: true }));
          setText(this.root, '.compare-summary-caption', sum.caption);
        }
        this.drawStatus(runs, values, computing, false);
      };
    });
    return { steps, puts: [] };
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
    const width = this.widths.map;
    const sameSize = !width || Number(current?.getAttribute('width')) === width;
    if (title && before && sameSize && maxChange(before, run.grid!) < STILL) {
      const words = mapText(run, this.data.m);
      return () => {
        title.textContent = words.title;
        current!.setAttribute('aria-label', words.ariaLabel);
      };
    }
    this.drawn.set(run.scheme, run.grid!);
    const height = Number(current?.getAttribute('height'));
    if (sameSize && height > 0 && current?.querySelector('[aria-label="dot"]')) {
      const layers = renderElement(mapPlot(run, this.data, this.spec, { live: { height }, width }));
      return () => {
        if (!patchLayers(current, layers)) slot?.replaceChildren(withoutPlotStyle(renderElement(mapPlot(run, this.data, this.spec, { width }))));
      };
    }
    const whole = withoutPlotStyle(renderElement(mapPlot(run, this.data, this.spec, { width })));
    return () => slot?.replaceChildren(whole);
  }

  private drawStatus(runs: readonly SchemeRun[], values: ComparisonSettings, computing: boolean, quiet: boolean): void {
    const at = Math.max(0, ...runs.map((r) => r.iteration));
    const progress = this.root.querySelector<HTMLProgressElement>('.compare-progress');
    if (progress) progress.value = at / values.iterations;
    const ended = runs.every(hasEnded);
    const drawing = this.batch !== null || this.dirty.cost || this.dirty.maps.size > 0;
    const stopped = runs.some((r) => r.status.state === 'cancelled');
    const state = stopped ? 'Stopped' : ended ? (drawing ? 'Drawing the final state' : 'Finished') : quiet ? `Computing all ${fmtInt(values.iterations)} iterations` : computing ? 'Training in lockstep' : 'Paused';
    setText(this.root, '.compare-status-text', `${state}: iteration ${fmtInt(at)} of ${fmtInt(values.iterations)}, seed ${values.seed}.`);
  }


  /** Sets markup built by tableHtml (every value escaped there). */
  private html(selector: string, value: string): void {
    const el = this.root.querySelector(selector);
    if (!el || this.shown.get(selector) === value) return;
    this.shown.set(selector, value);
    el.innerHTML = value;
  }
}
