/**
 * <lesson-figure>: the live side of an experiment figure. It subscribes to its experiments' runs
 * (trained in the worker), shows progress, grows the cost curve while training and swaps in the
 * live view when the runs end, then says whether the numbers match the build's prerender.
 */
import type { ExperimentDecl } from '../components/props.ts';
import { drawnWidth, onWidthChange } from '../charts/fit.ts';
import { renderElement, swapChart } from '../charts/render-dom.ts';
import { tableHtml } from '../figures/html.ts';
import { figureView, statusText, type FigureKind, type FigureOptions } from '../figures/views.ts';
import { lessonFigureScript } from '../python/figures.ts';
import { bindExportButtons, figureSource } from './export.ts';
import type { RunState } from './client.ts';
import { perFrame } from './store.ts';
import { lessonDataset, runStores, snapshot, startWhenNear } from './runs.ts';

class LessonFigure extends HTMLElement {
  private cleanup: (() => void)[] = [];
  /** The build's figure body, and whether the live page has drawn over it. */
  private prerendered: Node[] = [];
  private drawn = false;

  connectedCallback(): void {
    const decls = JSON.parse(this.dataset.experiments ?? '[]') as ExperimentDecl[];
    const options = JSON.parse(this.dataset.options ?? '{}') as FigureOptions;
    const kind = this.dataset.kind as FigureKind;
    if (decls.length === 0) return;
    this.prerendered = [...(this.querySelector('.figure-body')?.childNodes ?? [])].map((n) => n.cloneNode(true));
    const stores = runStores(decls);
    const body = this.querySelector('.figure-body');
    // Charts are drawn at the width they are shown (the prerender's is a default).
    const sized = { width: drawnWidth(body) };
    const render = perFrame(() => this.render(kind, decls, stores.map((s) => s.get()), { ...options, width: sized.width }));
    this.cleanup.push(...stores.map((s) => s.subscribe(render)));
    if (body) this.cleanup.push(onWidthChange(body, (width) => ((sized.width = width), render(stores[0].get())), sized.width));
    this.cleanup.push(startWhenNear(this, decls));
    this.bindPython(kind, decls, options);
  }

  /** The Save bar's Python button: the figure's script (its settings are the MDX's, so it is ready at once). */
  private bindPython(kind: FigureKind, decls: ExperimentDecl[], options: FigureOptions): void {
    const bar = this.querySelector<HTMLElement>('[data-export-for]');
    if (!bar) return;
    const title = () => this.querySelector('.figure-title')?.textContent?.trim() ?? kind;
    this.cleanup.push(bindExportButtons(bar, {
      name: bar.dataset.exportFor!,
      python: () => lessonFigureScript(kind, decls, options, title(), figureSource(this)),
    }, (message) => {
      const status = this.querySelector('.status-text');
      if (status) status.textContent = message;
    }));
    for (const button of bar.querySelectorAll('button')) button.disabled = false;
  }

  disconnectedCallback(): void {
    for (const undo of this.cleanup.splice(0)) undo();
  }

  private render(kind: FigureKind, decls: ExperimentDecl[], states: RunState[], options: FigureOptions): void {
    if (states.every((s) => s.status.state === 'idle')) return;
    const runs = decls.map((d, i) => snapshot(d, states[i]));
    const progress = this.querySelector<HTMLProgressElement>('.figure-progress');
    if (progress) {
      progress.hidden = runs.every((r) => r.status.state !== 'running');
      progress.value = runs.reduce((s, r) => s + r.iteration / r.config.iterations, 0) / runs.length;
    }
    const status = this.querySelector('.status-text');
    if (status) status.textContent = statusText(runs, true);
    // Only a figure that differs from the rest of the page (running, diverged, mismatched) shows its own line.
    const line = this.querySelector<HTMLElement>('.figure-status');
    const differs = runs.some((r) => r.status.state !== 'done' && r.status.state !== 'idle');
    if (line) line.hidden = !differs;
    // While training, only the cost curve changes; other figures wait for the end of their runs (so no view is built for them).
    if (kind !== 'cost-curve' && runs.some((r) => r.result === undefined)) return;
    const view = figureView(kind, runs, lessonDataset(), options);
    if (status && view.complete) {
      const same = view.check === this.dataset.check;
      status.textContent = same
        ? 'Recomputed in your browser: the numbers match the build.'
        : `Recomputed in your browser: the numbers differ from the build (${view.check}).`;
      status.classList.toggle('mismatch', !same);
      if (line && !same) line.hidden = false;
      this.dataset.differs = String(!same);
    }
    const body = this.querySelector('.figure-body');
    // A finished run that matches the build needs no drawing: the prerendered figure shows the same numbers.
    if (body && view.complete && view.check === this.dataset.check && this.prerendered.length > 0) {
      if (this.drawn) body.replaceChildren(...this.prerendered.map((n) => n.cloneNode(true)));
      this.drawn = false;
    } else if (body) {
      if (view.plot) swapChart(body, renderElement(view.plot));
      else body.innerHTML = view.html ?? '';
      this.drawn = true;
    }
    const caption = this.querySelector('.figure-caption');
    if (caption) caption.textContent = view.caption;
    const table = this.querySelector('.figure-table');
    // A long table is a CSV file beside the page (same runs, same numbers): the page keeps its link instead of building it.
    if (table && !table.querySelector('[data-csv]')) table.innerHTML = tableHtml(view.table, { rowHeaders: view.table.columns[0] === '' });
    this.dataset.live = view.complete ? 'done' : 'running';
  }
}

if (!customElements.get('lesson-figure')) customElements.define('lesson-figure', LessonFigure);
