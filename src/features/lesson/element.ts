/**
 * <lesson-figure>: the live side of an experiment figure. It subscribes to its experiments' runs
 * (trained in the worker), shows progress, grows the cost curve while training and swaps in the
 * live view when the runs end, then says whether the numbers match the build's prerender. If a run
 * fails, the figure goes back to the build's prerender, says why in its status line and offers Retry.
 */
import { IslandElement, defineIsland } from '../../kit/island.ts';
import type { ExperimentDecl } from '../../run/experiment.ts';
import { drawnWidth, onWidthChange } from '../../charts/fit.ts';
import { renderElement, swapChart } from '../../charts/render-dom.ts';
import { tableHtml } from '../../kit/html.ts';
import { figureView, statusText, type FigureKind, type FigureOptions } from './views.ts';
import { lessonFigureScript } from '../../python/figures.ts';
import { bindExportButtons, figureSource } from '../../kit/export.ts';
import { hasFailed, type RunState } from '../../run/client.ts';
import { trainingClient } from '../../run/page-client.ts';
import { createStore, perFrame, type Store } from '../../run/store.ts';
import { runKey, runStores, snapshot, startWhenNear } from '../../run/runs.ts';
import { lessonData } from '../../run/memo.ts';
import { setScripted } from '../../charts/scripts.ts';

/** The build's figure: put back when a finished run matches it, or when a run fails. */
interface Prerender {
  readonly body: readonly Node[];
  readonly caption: string;
  readonly table: string;
  /** The width the build drew the chart at (undefined for text figures). */
  readonly width: number | undefined;
}

/** The prerender, whether the live page has drawn over it, and whether frames were skipped off screen. */
interface FigureState {
  readonly prerender: Prerender | null;
  readonly drawn: boolean;
  /** Within a screen of the viewport. */
  readonly near: boolean;
  /** A frame was skipped while far off screen; it is drawn when the figure comes near. */
  readonly stale: boolean;
}

class LessonFigure extends IslandElement {
  private readonly state: Store<FigureState> = createStore<FigureState>({ prerender: null, drawn: false, near: false, stale: false });

  connectedCallback(): void {
    const decls = JSON.parse(this.dataset.experiments ?? '[]') as ExperimentDecl[];
    const options = JSON.parse(this.dataset.options ?? '{}') as FigureOptions;
    const kind = this.dataset.kind as FigureKind;
    if (decls.length === 0) return;
    this.state.set({ prerender: this.capture() });
    const stores = runStores(decls);
    const body = this.querySelector('.figure-body');
    // Charts are drawn at the width they are shown (the prerender's is a default).
    const sized = { width: drawnWidth(body) };
    const render = perFrame(() => this.render(kind, decls, stores.map((s) => s.get()), { ...options, width: sized.width }));
    // Far off screen, the frames of runs still training (a figure on screen shares them) are skipped; their end is drawn.
    const update = () => {
      const far = !this.state.get().near && stores.some((s) => s.get().status.state === 'running');
      this.state.set({ stale: far });
      if (!far) render(stores[0].get());
    };
    this.onDisconnect(...stores.map((s) => s.subscribe(update)));
    if (body) this.onDisconnect(onWidthChange(body, (width) => ((sized.width = width), update()), sized.width));
    const near = new IntersectionObserver((entries) => {
      this.state.set({ near: entries[entries.length - 1].isIntersecting });
      if (this.state.get().near && this.state.get().stale) update();
    }, { rootMargin: '100% 0px' });
    near.observe(this);
    this.onDisconnect(() => near.disconnect());
    this.onDisconnect(startWhenNear(this, decls));
    const retry = this.querySelector<HTMLButtonElement>('.figure-retry');
    if (retry) {
      const again = () => {
        for (const [i, d] of decls.entries()) if (hasFailed(stores[i].get())) trainingClient().restart(runKey(d));
      };
      this.listen(retry, 'click', again);
    }
    this.bindPython(kind, decls, options);
  }

  /** The Save bar's Python button: the figure's script (its settings are the MDX's, so it is ready at once). */
  private bindPython(kind: FigureKind, decls: ExperimentDecl[], options: FigureOptions): void {
    const bar = this.querySelector<HTMLElement>('[data-export-for]');
    if (!bar) return;
    const title = () => this.querySelector('.figure-title')?.textContent?.trim() ?? kind;
    this.onDisconnect(bindExportButtons(bar, {
      name: bar.dataset.exportFor!,
      python: () => lessonFigureScript(kind, decls, options, title(), figureSource(this)),
    }));
    for (const button of bar.querySelectorAll('button')) button.disabled = false;
  }

  /** The prerendered figure (copies: the live views update the SVG in place). */
  private capture(): Prerender {
    return {
      body: [...(this.querySelector('.figure-body')?.childNodes ?? [])].map((n) => n.cloneNode(true)),
      caption: this.querySelector('.figure-caption')?.textContent ?? '',
      table: this.querySelector('.figure-table')?.innerHTML ?? '',
      width: drawnWidth(this.querySelector('.figure-body')),
    };
  }

  /** Shows the Retry button (enabled) or hides it (disabled, so out of the tab order). */
  private showRetry(shown: boolean): void {
    const retry = this.querySelector<HTMLButtonElement>('.figure-retry');
    if (retry && retry.hidden === shown) {
      retry.hidden = !shown;
      retry.disabled = !shown;
    }
  }

  /** Puts the build's figure back (if a live one replaced it) and says in one line what failed. */
  private showFailure(failed: RunState[]): void {
    const { prerender: saved, drawn } = this.state.get();
    if (saved && drawn) {
      this.querySelector('.figure-body')?.replaceChildren(...saved.body.map((n) => n.cloneNode(true)));
      const caption = this.querySelector('.figure-caption');
      if (caption) setScripted(caption, saved.caption);
      const table = this.querySelector('.figure-table');
      if (table) table.innerHTML = saved.table;
      this.state.set({ drawn: false });
    }
    const reasons = [...new Set(failed.map((s) => s.error))].join('; ');
    const status = this.querySelector('.status-text');
    if (status) {
      status.textContent = `Could not recompute this figure in your browser (${reasons}); it shows the build's numbers.`;
      status.classList.remove('mismatch');
    }
    const progress = this.querySelector<HTMLProgressElement>('.figure-progress');
    if (progress) progress.hidden = true;
    // The line may never have been shown: a figure far off screen skips the frames of runs still training.
    const line = this.querySelector<HTMLElement>('.figure-status');
    if (line) line.hidden = false;
    line?.removeAttribute('data-floating');
    this.showRetry(true);
    this.dataset.live = 'failed';
  }

  private render(kind: FigureKind, decls: ExperimentDecl[], states: RunState[], options: FigureOptions): void {
    if (states.every((s) => s.status.state === 'idle')) return;
    const failed = states.filter(hasFailed);
    if (failed.length > 0) {
      this.showFailure(failed);
      return;
    }
    this.showRetry(false);
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
    // Only training (no run stopped short): the line floats over the chart's foot, so its coming and going moves nothing.
    line?.toggleAttribute('data-floating', runs.every((r) => ['running', 'done', 'idle'].includes(r.status.state)));
    // While training, only the cost curve changes; other figures wait for the end of their runs (so no view is built for them).
    // A run shared with a figure on screen may finish while this one's other runs wait for it to come near: that is not running.
    const live = runs.some((r) => r.status.state === 'running') ? 'running' : undefined;
    if (kind !== 'cost-curve' && runs.some((r) => r.result === undefined)) {
      this.markLive(live); // its live frames until then: the status line and progress bar
      return;
    }
    const view = figureView(kind, runs, lessonData(), options);
    if (status && view.complete) {
      const same = view.check === this.dataset.check;
      status.textContent = same
        ? 'Recomputed in your browser: the numbers match the build.'
        : `Recomputed in your browser: the numbers differ from the build (${view.check}).`;
      status.classList.toggle('mismatch', !same);
      if (line && !same) {
        line.hidden = false;
        line.removeAttribute('data-floating');
      }
      this.dataset.differs = String(!same);
    }
    const body = this.querySelector('.figure-body');
    const { prerender, drawn } = this.state.get();
    // A finished run that matches the build needs no drawing when the box is as wide as the build's chart.
    const sameWidth = options.width === undefined || options.width === prerender?.width;
    if (body && view.complete && sameWidth && view.check === this.dataset.check && prerender && prerender.body.length > 0) {
      if (drawn) body.replaceChildren(...prerender.body.map((n) => n.cloneNode(true)));
      this.state.set({ drawn: false });
    } else if (body) {
      if (view.plot) swapChart(body, renderElement(view.plot));
      else body.innerHTML = view.html ?? '';
      this.state.set({ drawn: true });
    }
    const caption = this.querySelector('.figure-caption');
    if (caption) setScripted(caption, view.caption);
    const table = this.querySelector('.figure-table');
    // A long table is a CSV file beside the page (same runs, same numbers): the page keeps its link instead of building it.
    if (table && !table.querySelector('[data-csv]')) table.innerHTML = tableHtml(view.table, { rowHeaders: view.table.columns[0] === '' });
    this.markLive(view.complete ? 'done' : live);
  }

  /** data-live: 'running' while one of its runs trains, 'done' when all finished, absent while some wait to start. */
  private markLive(live: 'running' | 'done' | undefined): void {
    // Set on change only: the page's status line observes every set of it.
    if (live && this.dataset.live !== live) this.dataset.live = live;
    else if (!live) delete this.dataset.live;
  }
}

defineIsland('lesson-figure', LessonFigure);
