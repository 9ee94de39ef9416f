/**
 * <remedies-explorer>: trains the same deep network in up to four variants in the worker, in lockstep
 * (the worker advances its runs round-robin, one chunk each), and draws each variant's per-layer ‖dW[l]‖,
 * the cost curves and the summary with the same pure views as the build's prerender
 * (views.ts). Charts land one per animation frame, in turn, and only the one drawn is built
 * (painter.ts), so tasks stay short.
 */
import { defineIsland } from '../../kit/island.ts';
import type { ChartTable } from '../../charts/browser.ts';
import type { RemediesConfig } from '../../engine/index.ts';
import { remediesRecordEvery, variantConfig, type RemediesSettings, type RemedyVariant } from './settings.ts';
import { remediesStatus, summaryView, type RemediesSnapshot, type VariantRun } from './views.ts';
import type { PythonFigure } from '../../python/script.ts';
import { remediesScript } from '../../python/figures.ts';
import { hasEnded, isPlaying, type RunState } from '../../run/client.ts';
import { trainingClient } from '../../run/page-client.ts';
import { ExplorerElement, randomSeed, type FigureExport } from '../../kit/explorer.ts';
import { readTable } from '../../kit/table-dom.ts';
import { RemediesPainter } from './painter.ts';
import { whenIdle } from '../../kit/idle.ts';
import type { Pace } from '../../run/protocol.ts';
import type { Store } from '../../run/store.ts';
import { bindLogSliders, reflectLogSliders, type LogRange } from '../../kit/log-slider.ts';
import { atSpeed, recordPaces, speedParam } from '../../kit/pace.ts';
import { logRanges, urlSpecs } from '../../kit/settings.ts';
import type { Specs } from '../../kit/url-state.ts';
import { remediesSettings } from './schema.ts';

interface RemediesValues extends RemediesSettings {
  readonly variants: RemedyVariant[];
  readonly speed: number;
}

/** The log sliders (scale, learning rate): two significant digits within the settings' bounds. */
const LOG_RANGES: Record<string, LogRange> = logRanges(remediesSettings);

const specs: Specs<RemediesValues> = { ...(urlSpecs(remediesSettings) as unknown as Specs<Omit<RemediesValues, 'speed'>>), speed: speedParam };

/** Iterations per chunk and pause for a speed 1–5 (a chunk is one record at the slow end). */
function pace(speed: number, iterations: number, reducedMotion: boolean): Pace {
  const every = remediesRecordEvery(iterations);
  return reducedMotion ? { chunk: 10 * every, delayMs: 0 } : atSpeed(recordPaces(every, [400, 100]), speed);
}

/** Least time between two renders while runs play, in ms. */
const MIN_GAP = 150;
class RemediesExplorer extends ExplorerElement<RemediesValues> {
  /** The component's urlKey: two explorers on one page keep their URL settings apart. */
  protected get urlPrefix(): string {
    const key: unknown = JSON.parse(this.dataset.defaults ?? '{}').urlKey;
    return typeof key === 'string' ? key : 'remedies';
  }
  protected readonly specs = specs;
  protected readonly heldBoxes = '.remedies-figure .figure-caption, .remedies-figure .summary-table';
  private readonly client = trainingClient();
  private readonly painter = new RemediesPainter(this);
  private readonly runs = new Map<RemedyVariant, Store<RunState>>();
  private snapshot: RemediesSnapshot | null = null;
  private live = false;
  /** The runs were stepped, paused, to their second record before the island came on screen (see `near`): they play once it is seen. */
  private primed = false;
  private queued = false;
  private lastDraw = 0;

  protected start(values: RemediesValues): void {
    bindLogSliders(this, 'log', LOG_RANGES, (t, type, f) => this.listen(t, type, f), (key, value) => this.setValues({ [key]: value }));
    reflectLogSliders(this, 'log', LOG_RANGES, values as unknown as Record<string, unknown>);
    this.useRuns(values);
    this.warmCharts(values);
    if (!this.atDefaults(values)) {
      if (this.reducedMotion) this.play();
      else this.setText('.remedies-status', 'The figures below still show the default settings; yours train when this figure is on screen.');
    }
  }

  protected changed(values: RemediesValues, keys: (keyof RemediesValues)[]): void {
    reflectLogSliders(this, 'log', LOG_RANGES, values as unknown as Record<string, unknown>);
    if (this.paceOnly(keys)) {
      for (const v of values.variants) this.client.pace(this.runId(v), pace(values.speed, values.iterations, this.reducedMotion));
      return;
    }
    this.useRuns(values);
    this.restart(values);
  }

  protected action(name: string): void {
    const values = this.store.get().values;
    if (name === 'play') {
      if (this.playing()) {
        for (const v of values.variants) this.client.pause(this.runId(v));
        this.store.set({ suspended: false });
      } else this.play();
    } else if (name === 'step') {
      this.live = true;
      this.primed = false;
      this.store.set({ suspended: false });
      const chunk = pace(values.speed, values.iterations, false).chunk;
      for (const v of values.variants) {
        const s = this.runs.get(v)!.get();
        if (hasEnded(s)) this.client.restart(this.runId(v), this.config(values, v), { paused: true });
        this.client.step(this.runId(v), chunk);
      }
    } else if (name === 'reset') this.restart(values);
    else if (name === 'new-seed') this.setValues({ seed: randomSeed() });
  }

  protected visibility(visible: boolean): void {
    const { variants } = this.store.get().values;
    if (!visible && this.playing()) {
      for (const v of variants) this.client.pause(this.runId(v));
      this.store.set({ suspended: true });
      return;
    }
    if (!visible) return;
    if (this.store.get().suspended) {
      this.store.set({ suspended: false });
      for (const v of variants) this.client.resume(this.runId(v));
      return;
    }
    if (!this.reducedMotion && (this.primed || variants.every((v) => this.runs.get(v)!.get().status.state === 'idle'))) this.play();
  }

  /**
   * A screen before the island is seen, its runs train to their second record, paused, and the
   * charts are drawn from them: on a phone the live charts are taller than the prerender (drawn
   * 640 px wide, scaled down), and they take that height where the page moving is off screen.
   */
  protected near(): void {
    const values = this.store.get().values;
    if (this.reducedMotion || this.live || !values.variants.every((v) => this.runs.get(v)!.get().status.state === 'idle')) return;
    this.live = true;
    this.primed = true;
    for (const v of values.variants) this.client.step(this.runId(v), 2 * remediesRecordEvery(values.iterations));
  }

  protected exportPython(name: string, source: string): PythonFigure {
    return remediesScript(name, this.store.get().values, source);
  }

  protected exportFigure(name: string): FigureExport {
    const figure = this.querySelector(`[data-chart="${name}"]`);
    const settings = this.store.get().values;
    const title = figure?.querySelector('.figure-title')?.textContent ?? '';
    const caption = figure?.querySelector('.figure-caption')?.textContent ?? '';
    const table: ChartTable = name === 'summary'
      ? (this.snapshot ? summaryView(this.snapshot).table : readTable(figure?.querySelector('.figure-table table') ?? null))
      : this.painter.shown(name)?.table ?? readTable(figure?.querySelector('.figure-table table') ?? null);
    return { svg: figure?.querySelector<SVGSVGElement>('.figure-body svg') ?? null, table, data: { settings, title, caption, table } };
  }

  private runId(variant: RemedyVariant): string {
    return `remedies:${this.urlPrefix}:${variant}`;
  }

  private config(values: RemediesValues, variant: RemedyVariant): RemediesConfig {
    return variantConfig(values, variant);
  }

  private playing(): boolean {
    return this.store.get().values.variants.some((v) => isPlaying(this.runs.get(v)!.get()));
  }

  /** Creates (once) and subscribes to the run of every chosen variant; runs of dropped variants pause. */
  private useRuns(values: RemediesValues): void {
    const added = values.variants.filter((v) => !this.runs.has(v));
    // Every store first: a subscription calls back at once (a dropped run's too, when it pauses), and that reads all the chosen runs.
    for (const v of added) this.runs.set(v, this.client.run(this.runId(v), { config: this.config(values, v), pace: pace(values.speed, values.iterations, this.reducedMotion) }));
    for (const [v] of this.runs) if (!values.variants.includes(v)) this.client.pause(this.runId(v));
    for (const v of added) {
      this.onDisconnect(this.runs.get(v)!.subscribe(() => {
        const playing = this.playing();
        if (this.dataset.playing !== String(playing)) this.showPlaying(playing);
        this.dataset.playing = String(playing);
        this.renderSoon();
      }));
    }
  }

  private play(): void {
    const values = this.store.get().values;
    this.live = true;
    this.primed = false;
    this.store.set({ suspended: false });
    for (const v of values.variants) {
      const id = this.runId(v);
      const s = this.runs.get(v)!.get();
      this.client.pace(id, pace(values.speed, values.iterations, this.reducedMotion));
      if (s.status.state === 'idle') this.client.start(id);
      else if (s.status.state === 'running') this.client.resume(id);
      else this.client.restart(id, this.config(values, v));
    }
  }

  private restart(values: RemediesValues): void {
    this.live = true;
    this.primed = false;
    this.store.set({ suspended: false });
    for (const v of values.variants) {
      this.client.pace(this.runId(v), pace(values.speed, values.iterations, this.reducedMotion));
      this.client.restart(this.runId(v), this.config(values, v));
    }
  }

  /** While the reader reads, compiles the chart code on a one-record run of these settings (painter.warm). */
  private warmCharts(values: RemediesValues): void {
    const config = this.config(values, 'plain');
    const L = config.layers.length - 1;
    const run: VariantRun = {
      variant: 'plain', config, status: { state: 'running', message: 'running' }, iteration: 1, clippedSteps: 0,
      history: { iterations: [0], costs: [0.69], gradientNorms: [Array.from({ length: L }, (_, l) => 10 ** (l - L))], globalNorms: [] },
    };
    whenIdle(() => {
      // Any width compiles the same code; measuring the box would force a layout of the page (about 40 ms).
      if (!this.live) whenIdle(this.painter.warm(run, 640), 2000);
    }, 2000);
  }

  /** The figures' width changed: the next frame draws the charts at it. */
  protected resized(): void { this.renderSoon(); }

  private readonly renderSoon = (): void => {
    if (this.queued) return;
    this.queued = true;
    const wait = this.playing() ? Math.max(0, this.lastDraw + MIN_GAP - performance.now()) : 0;
    setTimeout(() => {
      this.queued = false;
      this.render();
    }, wait);
  };

  /** Brings one chart (or the summary) up to date per frame; the status line every time. */
  private render(): void {
    if (!this.live) return;
    const values = this.store.get().values;
    const running = this.playing();
    if (this.reducedMotion && running) {
      this.setText('.remedies-status', 'Computing…');
      return;
    }
    const runs: VariantRun[] = values.variants.map((variant) => {
      const s = this.runs.get(variant)!.get();
      const h = s.history;
      return {
        variant, config: s.config as RemediesConfig, status: s.status, iteration: s.iteration,
        history: { iterations: h.iterations, costs: h.costs, gradientNorms: h.gradientNorms, globalNorms: [] }, clippedSteps: s.live.clippedSteps ?? 0,
      };
    });
    const snapshot: RemediesSnapshot = { settings: values, runs };
    this.snapshot = snapshot;
    const errors = values.variants.map((v) => this.runs.get(v)!.get().error).filter(Boolean);
    const job = this.painter.next(snapshot, this.chartWidth('.remedies-figure .figure-body', 640));
    const status = remediesStatus(snapshot);
    // Only a chart's drawing spaces the renders out: a run's first chart and the text come at once.
    if (job?.chart) this.lastDraw = performance.now();
    requestAnimationFrame(() => {
      job?.commit();
      this.setText('.remedies-status', errors.length ? `Stopped: ${errors[0]}` : status);
      if (job) this.renderSoon();
    });
  }

}

defineIsland('remedies-explorer', RemediesExplorer);
