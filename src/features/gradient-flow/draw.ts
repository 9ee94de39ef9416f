/**
 * The DOM side of the <GradientFlow> figures: swaps in one chart (or one data table) at a time, built
 * in one task and put into the page in the next frame, so script, style and paint stay in small
 * tasks while a run streams in; and reads back what a figure shows for its export buttons.
 */
import { renderElement, type ChartTable } from '../../charts/browser.ts';
import type { FlowChart } from './views.ts';
import { viewKey, type ChartView } from '../../kit/chart-view.ts';
import { tableHtml } from '../../kit/html.ts';
import { withoutPlotStyle } from '../../kit/plot-style.ts';
import { readTable } from '../../kit/table-dom.ts';
import { setScripted } from '../../charts/scripts.ts';

/** The explorer's charts, in the order they are brought up to date. */
export const flowCharts: readonly FlowChart[] = ['gradients', 'histograms', 'network', 'average'];

/** The figures of one island: `[data-chart=name]` elements with a title, body, caption and table. */
export class FlowFigures {
  /** Key (viewKey) of what each chart and each table shows; the prerender's come from data-key. */
  private readonly drawn = new Map<FlowChart, string>();
  private readonly tabled = new Map<FlowChart, string>();
  /** The live view behind each chart, once one is drawn (for exports). */
  private readonly views = new Map<FlowChart, ChartView>();
  /** Where the next look for work starts: after the chart last brought up to date, so while a run streams no chart waits on the others. */
  private next = 0;

  constructor(private readonly root: HTMLElement) {}

  /**
   * Prepares one piece of work for the first figure, in turn from the one after the last updated,
   * whose chart changed (its svg is built now, detached) or, else, whose table is stale (while
   * `running`, only tables the reader has opened). While running, a chart is not replaced by a
   * placeholder: the previous one stays until the new run has data.
   * @returns `commit`, which puts it into the page (call it in an animation frame, so building and
   * layout are two short tasks), and whether more is left; null when everything is up to date.
   */
  prepare(views: Readonly<Record<FlowChart, ChartView>>, running: boolean): { commit: () => void; more: boolean } | null {
    const jobs: (() => () => void)[] = [];
    for (let k = 0; k < flowCharts.length; k++) {
      const i = (this.next + k) % flowCharts.length;
      const name = flowCharts[i];
      const view = views[name];
      const key = viewKey(view);
      const drawn = this.drawn.get(name) ?? this.figure(name)?.getAttribute('data-key');
      // The prerender's table may be a CSV preview: exports then take the live view of the same settings.
      if (drawn === key && !this.views.has(name)) this.views.set(name, view);
      if (drawn !== key) {
        if (running && !view.plot && this.figure(name)?.querySelector('.figure-body svg')) continue;
        jobs.push(() => ((this.next = i + 1), this.draw(name, key, view)));
      } else if ((this.tabled.get(name) ?? this.figure(name)?.getAttribute('data-key')) !== key && (!running || this.tableOpen(name))) {
        jobs.push(() => ((this.next = i + 1), this.fillTable(name, key)));
      }
    }
    return jobs.length ? { commit: jobs[0](), more: jobs.length > 1 } : null;
  }

  /** The chart, table, title and caption figure `name` shows now (its live table even if the DOM table waits). */
  shown(name: string): { svg: SVGSVGElement | null; table: ChartTable; title: string; caption: string } {
    const figure = this.figure(name);
    const table = this.views.get(name as FlowChart)?.table ?? readTable(figure?.querySelector('.figure-table table') ?? null);
    return {
      svg: figure?.querySelector<SVGSVGElement>('.figure-body svg') ?? null,
      table,
      title: figure?.querySelector('.figure-title')?.textContent ?? '',
      caption: figure?.querySelector('.figure-caption')?.textContent ?? '',
    };
  }

  private figure(name: string): Element | null {
    return this.root.querySelector(`[data-chart="${name}"]`);
  }

  private tableOpen(name: FlowChart): boolean {
    return this.figure(name)?.querySelector('details')?.open ?? false;
  }

  private draw(name: FlowChart, key: string, view: ChartView): () => void {
    this.drawn.set(name, key);
    this.views.set(name, view);
    let node: Element;
    if (view.plot) node = withoutPlotStyle(renderElement(view.plot), this.root);
    else {
      node = document.createElement('p');
      node.className = 'figure-pending';
      node.textContent = view.caption;
    }
    return () => {
      const figure = this.figure(name);
      if (!figure) return;
      figure.querySelector('.figure-body')!.replaceChildren(node);
      setScripted(figure.querySelector('.figure-title')!, view.title);
      setScripted(figure.querySelector('.figure-caption')!, view.caption);
    };
  }

  private fillTable(name: FlowChart, key: string): () => void {
    this.tabled.set(name, key);
    const view = this.views.get(name);
    const html = view ? tableHtml(view.table) : null;
    return () => {
      const table = this.figure(name)?.querySelector('.figure-table');
      if (table && html !== null) table.innerHTML = html;
    };
  }
}
