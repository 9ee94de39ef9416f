/**
 * <symmetry-meter>: the live side of <SymmetryMeter>. Settings (init, constant c, width, seed,
 * speed) live in the URL (prefix "symmetry"); runs train in the worker and stream their symmetry
 * record and current weights back, drawn with the same view as the build-time prerender.
 * Until the reader acts (or the link asks for other settings) the prerender stays as it is.
 */
import { defineIsland } from '../../kit/island.ts';
import { renderElement } from '../../charts/browser.ts';
import { symmetryConfig, symmetrySnapshot, symmetryView, type SymmetryInit, type SymmetrySnapshot, type SymmetryView } from './views.ts';
import { symmetryScript } from '../../python/figures.ts';
import type { PythonFigure } from '../../python/script.ts';
import { hasFailed, isPlaying, type RunState } from '../../run/client.ts';
import { trainingClient } from '../../run/page-client.ts';
import { ExplorerElement, randomSeed, type FigureExport } from '../../kit/explorer.ts';
import type { Pace } from '../../run/protocol.ts';
import { createStore, perFrame, prepareThenCommit, type Store } from '../../run/store.ts';
import { updateTable } from '../../kit/table-dom.ts';
import { atSpeed, speedParam } from '../../kit/pace.ts';
import { urlSpecs } from '../../kit/settings.ts';
import type { Specs } from '../../kit/url-state.ts';
import { symmetrySettings } from './schema.ts';

/** The meter's settings. */
export interface SymmetryValues {
  init: SymmetryInit;
  value: number;
  width: number;
  seed: number;
  speed: number;
}

/** URL specs of the meter's settings. */
export const symmetrySpecs: Specs<SymmetryValues> = {
  ...(urlSpecs(symmetrySettings) as unknown as Specs<Omit<SymmetryValues, 'speed'>>),
  speed: speedParam,
};

/** Iterations per chunk and pause between chunks at speed 1…5. */
const PACES: readonly Pace[] = [
  { chunk: 5, delayMs: 50 }, { chunk: 10, delayMs: 40 }, { chunk: 20, delayMs: 30 }, { chunk: 50, delayMs: 20 }, { chunk: 250, delayMs: 0 },
];
const STEP_ITERATIONS = 100;
/** Redraw the chart at most this often while training (each redraw is a new SVG). */
const REDRAW_MS = 100;

interface MeterState {
  /** This element has started a live run; until then the prerender is shown. */
  readonly active: boolean;
}

const isRandom = (init: SymmetryInit) => init === 'normal' || init === 'lecun';
const snapshotOf = (s: RunState): SymmetrySnapshot => symmetrySnapshot(s.config, s.iteration, s.history, s.live.params ?? s.result?.final ?? null);

class SymmetryMeter extends ExplorerElement<SymmetryValues> {
  protected readonly urlPrefix = 'symmetry';
  protected readonly specs = symmetrySpecs;
  private readonly meter = createStore<MeterState>({ active: false });
  private run!: Store<RunState>;

  private get runId(): string {
    return `symmetry:${this.id || 'meter'}`;
  }

  private get figure(): HTMLElement | null {
    return this.querySelector<HTMLElement>('[data-figure="chart"]');
  }

  private config(values: SymmetryValues) {
    return symmetryConfig(values, Number(this.figure?.dataset.iterations) || 1000);
  }

  private pace(values: SymmetryValues): Pace {
    // Reduced motion: train at full speed; render() skips the intermediate frames.
    return this.reducedMotion ? { chunk: 100_000, delayMs: 0 } : atSpeed(PACES, values.speed);
  }

  protected start(values: SymmetryValues): void {
    this.run = trainingClient().run(this.runId, { config: this.config(values), extras: { params: true }, pace: this.pace(values) });
    this.onDisconnect(this.run.subscribe(perFrame((s) => {
      if (!this.meter.get().active) return;
      this.showPlaying(isPlaying(s));
      this.failure(hasFailed(s) ? `Training failed: ${s.error}.` : '');
    })));
    this.onDisconnect(this.run.subscribe(prepareThenCommit((s) => this.prepare(s), (p) => this.commit(p), REDRAW_MS)));
    // While training, the (closed) data table is filled only when the reader opens it.
    this.onOpen('details.symmetry-data', () => {
      const table = this.querySelector('.symmetry-table');
      if (table && this.meter.get().active) updateTable(table, symmetryView(snapshotOf(this.run.get())).table);
    });
    this.showInitControls(values.init);
    // The prerender shows the component's defaults; other settings (from a link) train live once on screen.
    if (this.figure?.dataset.shown !== JSON.stringify(this.config(values))) this.launch(values, false);
  }

  disconnectedCallback(): void {
    if (this.meter.get().active) trainingClient().pause(this.runId);
    super.disconnectedCallback();
  }

  protected changed(values: SymmetryValues, keys: (keyof SymmetryValues)[]): void {
    if (this.paceOnly(keys)) {
      if (this.meter.get().active) trainingClient().pace(this.runId, this.pace(values));
      return;
    }
    this.showInitControls(values.init);
    this.launch(values, false);
  }

  protected action(name: string): void {
    const client = trainingClient();
    const values = this.store.get().values;
    const s = this.run.get();
    const live = this.meter.get().active && s.status.state === 'running';
    if (name === 'play') {
      if (!live) this.launch(values, false);
      else if (s.paused) client.resume(this.runId);
      else client.pause(this.runId);
      this.store.set({ suspended: false });
      this.showPlaying(!live || s.paused);
    } else if (name === 'step') {
      if (!live) this.launch(values, true);
      this.store.set({ suspended: false });
      client.step(this.runId, STEP_ITERATIONS);
    } else if (name === 'reset') {
      this.launch(values, true);
      this.store.set({ suspended: false });
    } else if (name === 'retry') {
      this.launch(values, false);
      this.store.set({ suspended: false });
    } else if (name === 'new-seed' && isRandom(values.init)) {
      this.setValues({ seed: randomSeed() });
    }
  }

  protected visibility(visible: boolean): void {
    if (this.meter.get().active) this.holdOffScreen(this.runId, isPlaying(this.run.get()), visible);
  }

  protected exportFigure(): FigureExport {
    const svg = this.querySelector<SVGSVGElement>('.symmetry-body svg');
    const snapshot = this.meter.get().active
      ? snapshotOf(this.run.get())
      : (JSON.parse(this.figure?.dataset.snapshot ?? 'null') as SymmetrySnapshot | null);
    if (!snapshot) return { svg, table: { columns: [], rows: [] }, data: null };
    return { svg, table: symmetryView(snapshot).table, data: snapshot };
  }

  protected exportPython(_name: string, source: string): PythonFigure {
    const values = this.store.get().values;
    return symmetryScript(values, this.config(values).iterations, source);
  }

  /** Trains `values` from its initial weights: playing, or paused (and resumed when on screen) if `paused`. */
  private launch(values: SymmetryValues, paused: boolean): void {
    const client = trainingClient();
    const offscreen = !this.store.get().visible;
    client.pace(this.runId, this.pace(values));
    client.restart(this.runId, this.config(values), { paused: paused || offscreen });
    this.meter.set({ active: true });
    this.store.set({ suspended: !paused && offscreen });
  }

  /** The constant slider only for constant init; New seed only for random inits. */
  private showInitControls(init: SymmetryInit): void {
    const slider = this.querySelector<HTMLElement>('.symmetry-value');
    if (slider) slider.hidden = init !== 'constant';
    const seed = this.querySelector<HTMLButtonElement>('button[data-action="new-seed"]');
    if (seed) seed.disabled = !isRandom(init);
  }

  /** Draws the chart shown (live, else the prerender's snapshot) again at the new width. */
  protected resized(): void {
    const active = this.meter.get().active;
    const snapshot = active ? snapshotOf(this.run.get()) : (JSON.parse(this.figure?.dataset.snapshot ?? 'null') as SymmetrySnapshot | null);
    if (!snapshot || (active && this.run.get().status.state === 'idle')) return;
    const view = symmetryView(snapshot, this.chartWidth('.symmetry-body', 640));
    this.showChart('symmetry', renderElement(view.plot), {});
  }

  /** The view and its chart for run state `s`, built off the page (null when nothing is to be drawn). */
  private prepare(s: RunState): { view: SymmetryView; svg: Element; s: RunState } | null {
    // A failed run leaves the chart as it is (the prerender, or its last frame).
    if (!this.meter.get().active || s.status.state === 'idle' || hasFailed(s)) return null;
    // Nothing heard from the worker yet (its first report carries the weights): keep the chart shown.
    if (!s.live.params && !s.result) return null;
    // Reduced motion: no intermediate frames while the run plays.
    if (this.reducedMotion && isPlaying(s)) return null;
    const view = symmetryView(snapshotOf(s), this.chartWidth('.symmetry-body', 640));
    return { view, svg: renderElement(view.plot), s };
  }

  private commit(p: { view: SymmetryView; svg: Element; s: RunState } | null): void {
    if (!p) return;
    const { view, s } = p;
    const { title, caption, weightsTitle, weightsCaption } = view;
    this.showChart('symmetry', p.svg, { title, caption, 'weights-title': weightsTitle, 'weights-caption': weightsCaption });
    const table = this.querySelector('.symmetry-table');
    if (table && (!isPlaying(s) || this.isOpen('details.symmetry-data'))) updateTable(table, view.table);
    const weights = this.querySelector('.symmetry-weights-table');
    if (weights) updateTable(weights, view.weights, { rowHeaders: true });
    const figure = this.figure;
    if (figure) {
      figure.dataset.shown = JSON.stringify(s.config);
      figure.dataset.status = s.status.state;
      figure.dataset.iteration = String(s.iteration);
    }
  }
}

defineIsland('symmetry-meter', SymmetryMeter);
