/**
 * What a <remedies-explorer> render puts on the page: one piece at a time (a variant's ‖dW[l]‖ chart,
 * the cost chart or the summary), the next one out of date after the piece drawn last, so that while
 * the runs stream every chart takes its turn and no frame builds more than one chart.
 */
import { renderElement } from '../../charts/browser.ts';
import { viewKey, type ChartView } from '../../kit/chart-view.ts';
import { tableHtml } from '../../kit/html.ts';
import { withoutPlotStyle } from '../../kit/plot-style.ts';
import { setScripted } from '../../charts/scripts.ts';
import { BuiltFrom, costInputs, gradientInputs } from './redraw.ts';
import { costsView, gradientsView, summaryView, type RemediesSnapshot, type VariantRun } from './views.ts';

const CHARTS = ['gradients-0', 'gradients-1', 'gradients-2', 'gradients-3', 'costs'] as const;
/** What renders bring up to date, in turn: each chart, then the summary. */
export const PIECES = [...CHARTS, 'summary'] as const;

/** One piece's DOM update, built already; `chart` when it draws a Plot chart (the costly kind). */
export interface PaintJob {
  readonly piece: (typeof PIECES)[number];
  readonly commit: () => void;
  readonly chart: boolean;
}

export class RemediesPainter {
  private readonly drawn = new Map<string, string>();
  private readonly views = new Map<string, ChartView>();
  private readonly builtFrom = new BuiltFrom();
  /** Where the next search starts (an index into PIECES). */
  private cursor = 0;

  /** `root` holds the figures, `[data-chart="<piece>"]`, and the scoped Plot style. */
  constructor(private readonly root: HTMLElement) {}

  /** The view chart `name` shows, if drawn live. */
  shown(name: string): ChartView | undefined {
    return this.views.get(name);
  }

  /**
   * Builds, and throws away, the ‖dW[l]‖ chart of run `r` (one record is enough): the first live chart
   * then finds the chart code compiled. Measured in Chromium: the first build took about 80 ms cold
   * (view 30, Plot 50), later ones 10–25 ms. Two steps, so each idle task stays short.
   * @returns the second step (the Plot render), to run in a later task.
   */
  warm(r: VariantRun, width: number): () => void {
    const view = gradientsView(r, width);
    return () => {
      if (view.plot) renderElement(view.plot, this.root.ownerDocument);
    };
  }

  /** The next piece out of date in snapshot `s`, its charts `width` px wide, or null when all are current. */
  next(s: RemediesSnapshot, width: number): PaintJob | null {
    for (let j = 0; j < PIECES.length; j++) {
      const i = (this.cursor + j) % PIECES.length;
      const piece = PIECES[i];
      const job = piece === 'summary' ? this.summaryJob(s) : this.chartJob(piece, s, width);
      if (job) {
        this.cursor = i + 1;
        return job;
      }
    }
    return null;
  }

  private chartJob(piece: (typeof CHARTS)[number], s: RemediesSnapshot, width: number): PaintJob | null {
    const k = piece === 'costs' ? -1 : Number(piece.slice(-1));
    const figure = this.root.querySelector<HTMLElement>(`[data-chart="${piece}"]`);
    if (!figure) return null;
    if (k >= s.runs.length) return figure.hidden ? null : { piece, commit: () => { figure.hidden = true; }, chart: false };
    if (!this.builtFrom.changed(piece, k < 0 ? costInputs(s, width) : gradientInputs(s.runs[k], width)) && !figure.hidden) return null;
    const view = k < 0 ? costsView(s, width) : gradientsView(s.runs[k], width);
    // A run with no record yet keeps the chart shown (its first record is a few ms away, or, if its worker
    // failed or it was stopped, the build's prerender is the best there is) unless it diverged first.
    if (!view.plot && !figure.hidden && !ended(s, k)) return null;
    const key = viewKey(view);
    if ((this.drawn.get(piece) ?? figure.dataset.key) === key && !figure.hidden) return null;
    this.drawn.set(piece, key);
    this.views.set(piece, view);
    const doc = this.root.ownerDocument;
    const node = view.plot ? withoutPlotStyle(renderElement(view.plot, doc), this.root) : Object.assign(doc.createElement('p'), { className: 'figure-pending', textContent: view.caption });
    const html = tableHtml(view.table);
    const commit = (): void => {
      figure.hidden = false;
      const body = figure.querySelector<HTMLElement>('.figure-body')!;
      // A chart waiting for its run keeps the box's height, so what is below does not jump.
      body.style.minHeight = view.plot ? '' : `${body.offsetHeight}px`;
      body.replaceChildren(node);
      setScripted(figure.querySelector('.figure-title')!, view.title);
      setScripted(figure.querySelector('.figure-caption')!, view.caption);
      figure.querySelector('.figure-table')!.innerHTML = html;
    };
    return { piece, commit, chart: view.plot !== undefined };
  }

  private summaryJob(s: RemediesSnapshot): PaintJob | null {
    const summary = this.root.querySelector<HTMLElement>('[data-chart="summary"]');
    const view = summaryView(s);
    const html = tableHtml(view.table);
    if (!summary || this.drawn.get('summary') === html) return null;
    this.drawn.set('summary', html);
    const commit = (): void => {
      summary.querySelector('.figure-table')!.innerHTML = html;
      setScripted(summary.querySelector('.figure-caption')!, view.caption);
    };
    return { piece: 'summary', commit, chart: false };
  }
}

/** Whether run k (every run for k < 0) ended with something to say before a record: it diverged. */
function ended(s: RemediesSnapshot, k: number): boolean {
  const runs = k < 0 ? s.runs : [s.runs[k]];
  return runs.every((r) => r.status.state !== 'running' && r.status.state !== 'idle' && r.status.state !== 'cancelled');
}
