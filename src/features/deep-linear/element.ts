/**
 * <deep-linear-explorer>: the live side of <DeepLinearExplorer>. Settings a, depth and speed live
 * in the URL (prefix "deep-linear"); each (a, L) is measured in the worker ('deep-linear' compute
 * task) and drawn with the same view function as the build-time prerender. Play sweeps the depth
 * up one layer at a time to 50; with prefers-reduced-motion it jumps straight to 50.
 */
import { defineIsland } from '../../kit/island.ts';
import { renderElement, type ChartTable } from '../../charts/browser.ts';
import type { DeepLinearGradients } from '../../engine/theory.ts';
import { deepLinearView, MAX_DEPTH, type DeepLinearView } from './views.ts';
import { deepLinearScript } from '../../python/figures.ts';
import type { PythonFigure } from '../../python/script.ts';
import { trainingClient } from '../../run/page-client.ts';
import { ExplorerElement, type FigureExport } from '../../kit/explorer.ts';
import { createStore, prepareThenCommit } from '../../run/store.ts';
import { updateTable } from '../../kit/table-dom.ts';
import { atSpeed, speedParam } from '../../kit/pace.ts';
import { urlSpecs } from '../../kit/settings.ts';
import type { Specs } from '../../kit/url-state.ts';
import { deepLinearSettings } from './schema.ts';

/** The explorer's settings. */
export interface DeepLinearValues {
  a: number;
  depth: number;
  speed: number;
}

/** What is drawn, and the sweep. */
interface LiveState {
  /** The measurement on screen and the settings it is for. */
  readonly shown: { readonly a: number; readonly depth: number; readonly result: DeepLinearGradients } | null;
  /** Sequence number of the latest compute request; older answers are dropped. */
  readonly request: number;
  readonly playing: boolean;
  /** The pending sweep step, if any. */
  readonly timer: ReturnType<typeof setTimeout> | null;
  /** The figures' width has been reported (laid out): until then, and off screen, the prerender stays as drawn. */
  readonly sized: boolean;
}

/** Milliseconds per layer at speed 1…5. */
const DELAYS = [700, 450, 280, 160, 80];

/** URL specs of the explorer's settings. */
export const deepLinearSpecs: Specs<DeepLinearValues> = { ...urlSpecs(deepLinearSettings), speed: speedParam };

class DeepLinearExplorer extends ExplorerElement<DeepLinearValues> {
  protected readonly urlPrefix = 'deep-linear';
  protected readonly specs = deepLinearSpecs;
  private readonly live = createStore<LiveState>({ shown: null, request: 0, playing: false, timer: null, sized: false });

  protected start(values: DeepLinearValues): void {
    this.onOpen('details.deep-linear-data', () => this.refreshTable());
    this.onDisconnect(this.live.subscribe(prepareThenCommit((s) => this.prepare(s), (p) => this.commit(p))));
    const figure = this.querySelector<HTMLElement>('[data-result]');
    const prerendered = figure ? (JSON.parse(figure.dataset.result ?? 'null') as DeepLinearGradients | null) : null;
    // The prerender already shows the component's defaults: keep it and only compute other settings.
    if (prerendered && values.a === this.defaults.a && values.depth === this.defaults.depth) {
      this.live.set({ shown: { a: values.a, depth: values.depth, result: prerendered } });
    } else {
      this.measure(values);
    }
  }

  disconnectedCallback(): void {
    this.stop();
    super.disconnectedCallback();
  }

  protected changed(values: DeepLinearValues, keys: (keyof DeepLinearValues)[]): void {
    if (keys.includes('a') || keys.includes('depth')) this.measure(values);
  }

  protected action(name: string): void {
    const { depth } = this.store.get().values;
    if (name === 'play') {
      if (this.live.get().playing) this.stop();
      else this.play();
    } else if (name === 'step') {
      this.stop();
      this.setValues({ depth: Math.min(MAX_DEPTH, depth + 1) });
    } else if (name === 'reset') {
      this.stop();
      this.setValues({ a: this.defaults.a, depth: this.defaults.depth });
    } else if (name === 'retry') {
      this.measure(this.store.get().values);
    }
  }

  protected visibility(visible: boolean): void {
    if (visible) this.live.set({}); // a chart left as prerendered off screen (see `prepare`)
    const s = this.live.get();
    if (!s.playing) return;
    // Off screen the sweep waits where it is, and continues when the reader scrolls back.
    if (!visible && s.timer !== null) {
      clearTimeout(s.timer);
      this.live.set({ timer: null });
    } else if (visible && s.timer === null) this.schedule();
  }

  protected exportFigure(): FigureExport {
    const shown = this.live.get().shown;
    const svg = this.querySelector<SVGSVGElement>('.deep-linear-body svg');
    if (!shown) return { svg, table: { columns: [], rows: [] }, data: null };
    return { svg, table: deepLinearView(shown.result, shown.a, shown.depth).table, data: { a: shown.a, L: shown.depth, ...shown.result } };
  }

  protected resized(): void {
    this.live.set({ sized: true });
  }

  protected exportPython(_name: string, source: string): PythonFigure {
    const { a, depth } = this.store.get().values;
    return deepLinearScript(a, depth, source);
  }

  private measure(values: DeepLinearValues): void {
    const request = this.live.get().request + 1;
    const { a, depth } = values;
    this.live.set({ request });
    trainingClient().compute<DeepLinearGradients>({ kind: 'deep-linear', a, L: depth }).then(
      (result) => {
        if (this.live.get().request !== request) return;
        this.failure('');
        this.live.set({ shown: { a, depth, result } });
      },
      (e: Error) => {
        if (this.live.get().request !== request) return;
        this.stop();
        this.failure(`The network could not be computed: ${e.message}.`);
      },
    );
  }

  private play(): void {
    const { depth } = this.store.get().values;
    if (this.reducedMotion) {
      // No animation: show the end of the sweep at once.
      this.setValues({ depth: MAX_DEPTH });
      return;
    }
    if (depth >= MAX_DEPTH) this.setValues({ depth: 2 });
    this.live.set({ playing: true });
    this.showPlaying(true);
    if (this.store.get().visible) this.schedule();
  }

  private schedule(): void {
    const delay = atSpeed(DELAYS, this.store.get().values.speed);
    this.live.set({ timer: setTimeout(() => this.tick(), delay) });
  }

  private tick(): void {
    this.live.set({ timer: null });
    const next = this.store.get().values.depth + 1;
    if (next > MAX_DEPTH) {
      this.stop();
      return;
    }
    this.setValues({ depth: next });
    if (next >= MAX_DEPTH) this.stop();
    else if (this.store.get().visible) this.schedule();
  }

  private stop(): void {
    const { timer, playing } = this.live.get();
    if (timer !== null) clearTimeout(timer);
    if (playing || timer !== null) {
      this.live.set({ playing: false, timer: null });
      this.refreshTable();
    }
    this.showPlaying(false);
  }

  /** Puts the data of the measurement on screen (or `data`, its table if already built) into the data table. */
  private refreshTable(data?: ChartTable): void {
    const shown = this.live.get().shown;
    const table = this.querySelector('.deep-linear-table');
    if (shown && table) updateTable(table, data ?? deepLinearView(shown.result, shown.a, shown.depth).table);
  }

  /** The view and its chart for `s`, built off the page (null if the figure already shows it). */
  private prepare(s: LiveState): { key: string; width: string; view: DeepLinearView; svg: Element } | null {
    const figure = this.querySelector<HTMLElement>('[data-figure="chart"]');
    if (!s.shown || !figure) return null;
    const key = `${s.shown.a},${s.shown.depth}`;
    // The prerender is redrawn at the width it is shown only once on screen (measuring forces a layout of the page).
    if (figure.dataset.shown === key && !(s.sized && this.store.get().visible)) return null;
    const width = this.chartWidth('.deep-linear-body', 640);
    // data-shown says which settings the figure's DOM shows (set at build time for the prerender), data-width at which width.
    if (figure.dataset.shown === key && figure.dataset.width === String(width)) return null;
    const view = deepLinearView(s.shown.result, s.shown.a, s.shown.depth, width);
    return { key, width: String(width), view, svg: renderElement(view.plot) };
  }

  private commit(p: { key: string; width: string; view: DeepLinearView; svg: Element } | null): void {
    const figure = this.querySelector<HTMLElement>('[data-figure="chart"]');
    if (!p || !figure) return;
    const { view } = p;
    const { title, caption, factor, gradient, limits } = view;
    this.showChart('deep-linear', p.svg, { title, caption, factor, gradient, limits });
    // While the sweep plays, the (closed) data table waits: it is filled when opened or when the sweep stops.
    if (!this.live.get().playing || this.isOpen('details.deep-linear-data')) this.refreshTable(view.table);
    figure.dataset.shown = p.key;
    figure.dataset.width = p.width;
  }
}

defineIsland('deep-linear-explorer', DeepLinearExplorer);
