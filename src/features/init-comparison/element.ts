/**
 * <init-comparison>: the initialization schemes trained in the worker in lockstep (one run per
 * scheme; same data, seed, network and learning rate), with live cost curves, decision-boundary
 * maps and a summary table drawn by the same views as the prerender (init-comparison-draw.ts).
 * Lockstep is exact: every run gets one chunk, and the next chunk goes out once all have answered
 * (its rules: lockstep.ts).
 */
import { defineIsland } from '../../kit/island.ts';
import { fmtInt } from '../../charts/browser.ts';
import type { GridSpec } from '../../engine/grid.ts';
import { comparisonGrid, formatScale, schemeConfig, TRAINING_KEYS, type ComparisonSettings, type Scheme, type SchemeRun } from './views.ts';
import { chunkDone, frameInputs, freshGrid, INITIAL_LIVE, running, schemeRun, type LiveState } from './lockstep.ts';
import { comparisonExport } from './exports.ts';
import { comparisonScript } from '../../python/figures.ts';
import type { PythonFigure } from '../../python/script.ts';
import { hasEnded, hasFailed, type RunState } from '../../run/client.ts';
import { trainingClient } from '../../run/page-client.ts';
import { ComparisonDrawer } from './draw.ts';
import { chunkSize, comparisonSpecs, FIRST_CHUNK, PACES, SCALE_RANGE } from './parts.ts';
import { bindLogSliders, reflectLogSliders } from '../../kit/log-slider.ts';
import { ExplorerElement, randomSeed, type FigureExport } from '../../kit/explorer.ts';
import { lessonData } from '../../run/memo.ts';
import { createStore, perFrame, type Store } from '../../run/store.ts';
import { atSpeed } from '../../kit/pace.ts';
import { EXPLORER_SCHEMES } from '../../kit/labels.ts';
import type { Specs } from '../../kit/url-state.ts';

class InitComparisonElement extends ExplorerElement<ComparisonSettings> {
  protected readonly urlPrefix = 'compare';
  private specsMemo?: Specs<ComparisonSettings>;
  private readonly live = createStore<LiveState>(INITIAL_LIVE);
  private readonly runs = new Map<Scheme, Store<RunState>>();
  private readonly timer = { id: 0 };
  private readonly frame = perFrame<void>(() => this.draw());
  private drawer!: ComparisonDrawer;
  private spec!: GridSpec;

  protected get specs(): Specs<ComparisonSettings> {
    return (this.specsMemo ??= comparisonSpecs(this.defaults));
  }

  protected start(values: ComparisonSettings): void {
    const data = lessonData();
    const spec = comparisonGrid(data);
    this.spec = spec;
    // Charts are drawn at the width of their boxes (see `resized`).
    this.drawer = new ComparisonDrawer(this, data, spec, () => this.widths());
    const client = trainingClient();
    for (const scheme of EXPLORER_SCHEMES) {
      const store = client.run(this.runId(scheme), { config: schemeConfig(values, scheme), extras: { grid: spec } });
      this.runs.set(scheme, store);
      this.onDisconnect(store.subscribe((s) => this.onRun(scheme, s)));
    }
    this.onDisconnect(() => clearTimeout(this.timer.id));
    bindLogSliders(this, 'logParam', { scale: SCALE_RANGE }, (t, type, f) => this.listen(t, type, f), (_, scale) => this.setValues({ scale }));
    for (const details of this.querySelectorAll('details')) this.listen(details, 'toggle', () => this.redraw());
    this.listen(document, 'visibilitychange', () => this.visibility(this.store.get().visible));
    // Back from the back-forward cache the worker is new and the runs idle: train them again.
    this.listen(window, 'pageshow', () => {
      if (!this.live.get().started || !this.selected().some((x) => this.runs.get(x)!.get().status.state === 'idle')) return;
      this.restartAll();
      this.advance();
    });
    this.reflectExtras(values);
  }

  protected changed(values: ComparisonSettings, keys: (keyof ComparisonSettings)[]): void {
    this.reflectExtras(values);
    const training = keys.filter((k) => (TRAINING_KEYS as readonly string[]).includes(k));
    const l = this.live.get();
    // Removing a scheme needs no training: the others go on, the removed run gets no more chunks.
    const removedOnly = training.length === 1 && training[0] === 'schemes' && l.started && values.schemes.every((s) => l.trained.includes(s));
    const shown = this.store.get().visible && document.visibilityState !== 'hidden';
    if (removedOnly) this.live.set({ trained: values.schemes });
    else if (training.length > 0 && !l.autoPlayed && shown) {
      this.live.set({ primed: false }); // changed before the first auto-play: it plays these settings, not the primed ones
      this.autoPlay();
    }
    else if (training.length > 0) {
      this.live.set({ started: true, primed: false });
      if (this.reducedMotion) this.setPlaying(false);
      this.restartAll();
      this.advance();
    }
    this.redraw();
  }

  protected action(name: string): void {
    const l = this.live.get();
    const states = this.selected().map((s) => this.runs.get(s)!.get());
    const fresh = !l.started || states.every(hasEnded) || states.some((s) => s.status.state === 'idle');
    if (['play', 'step', 'reset', 'retry'].includes(name)) this.live.set({ autoPlayed: true, primed: false });
    if (name === 'play' && l.playing) this.setPlaying(false);
    else if (name === 'play') {
      if (fresh) this.restartAll();
      this.live.set({ started: true });
      this.setPlaying(true);
      this.advance();
    } else if (name === 'step') {
      this.setPlaying(false);
      if (fresh) this.restartAll();
      this.live.set({ started: true });
      this.advance('step');
    } else if (name === 'reset') {
      this.live.set({ started: true });
      if (this.reducedMotion) this.setPlaying(false);
      this.restartAll();
      this.advance();
    } else if (name === 'retry') {
      this.autoPlay();
    } else if (name === 'new-seed') {
      this.setValues({ seed: randomSeed() });
    }
    this.redraw();
  }

  protected visibility(onScreen: boolean): void {
    const l = this.live.get();
    const shown = onScreen && document.visibilityState !== 'hidden';
    if (onScreen) this.drawer.sizeOnce();
    if (shown && !l.autoPlayed) {
      // First time on screen: train from the start, with whatever settings the reader chose already (primed runs play on).
      this.autoPlay();
    } else if (!shown && l.playing && !this.store.get().suspended) {
      this.store.set({ suspended: true });
      clearTimeout(this.timer.id);
    } else if (shown && this.store.get().suspended) {
      this.store.set({ suspended: false });
      this.advance();
    }
  }

  /** A screen before it is seen, the runs train one chunk, paused, and are drawn: on a phone the live cost chart (taller than the scaled-down prerender) takes its height off screen. */
  protected near(): void {
    const l = this.live.get();
    if (this.reducedMotion || l.started || l.autoPlayed) return;
    this.live.set({ started: true, primed: true });
    this.restartAll();
    this.advance('prime'); // drawn when the chunk is back, measuring the charts' boxes then, not in this observer's task
  }

  protected exportFigure(name: string): FigureExport {
    return comparisonExport(this, name, this.snapshots(), this.store.get().values, this.spec);
  }

  protected resized(): void {
    this.drawer.resize(this.widths(), this.selected().filter((s) => this.live.get().grids[s]));
    this.frame();
  }

  private widths(): { cost: number; map: number } {
    return { cost: this.chartWidth('.compare-cost', 760), map: this.chartWidth('.compare-map:not([hidden])', 220) };
  }

  protected exportPython(name: string, source: string): PythonFigure {
    return comparisonScript(name, this.store.get().values, source);
  }

  /** Trains the selected schemes from the start, playing (reduced motion: computes the end once, which is what the prerender shows, so nothing moves). */
  private autoPlay(): void {
    const primed = this.live.get().primed;
    this.live.set({ started: true, autoPlayed: true, primed: false });
    if (!primed) this.restartAll();
    this.setPlaying(true);
    this.advance();
  }

  private runId(scheme: Scheme): string {
    return `${this.id || 'init-comparison'}:${scheme}`;
  }

  private selected(): Scheme[] {
    return this.store.get().values.schemes;
  }

  private setPlaying(playing: boolean): void {
    if (playing !== this.live.get().playing) this.announce(playing ? 'Training.' : 'Paused.');
    if (!playing) clearTimeout(this.timer.id);
    this.store.set({ suspended: false });
    this.live.set({ playing });
    this.showPlaying(playing);
  }

  /** Trains every selected scheme again from its initial weights (held until `advance`). */
  private restartAll(): void {
    clearTimeout(this.timer.id);
    const client = trainingClient();
    const values = this.store.get().values;
    this.live.set({ chunk: null, trained: values.schemes, settled: new Map() });
    for (const scheme of values.schemes) client.restart(this.runId(scheme), schemeConfig(values, scheme), { paused: true });
  }

  /**
   * Sends the next chunk to every selected run still training, if none is in flight and the
   * island plays, or `once`: a Step, or the first chunk of runs primed before they are seen.
   * Reduced motion plays the whole rest in one chunk.
   */
  private advance(once: false | 'step' | 'prime' = false): void {
    const l = this.live.get();
    if (l.chunk || (!once && (!l.playing || this.store.get().suspended))) return;
    const values = this.store.get().values;
    const schemes = this.selected().filter((s) => running(this.runs.get(s)!.get()));
    if (schemes.length === 0) {
      if (l.playing) this.setPlaying(false);
      return;
    }
    const from = Math.max(...schemes.map((s) => this.runs.get(s)!.get().iteration));
    const size = chunkSize(values.speed, from, values.iterations, { once: once === 'step', reducedMotion: this.reducedMotion });
    this.live.set({ chunk: { schemes, target: Math.min(values.iterations, from + size) } });
    for (const s of schemes) trainingClient().step(this.runId(s), size);
  }

  private onRun(scheme: Scheme, s: RunState): void {
    const failed = this.selected().map((x) => this.runs.get(x)?.get()).find((r) => r && hasFailed(r));
    this.failure(failed ? `Training failed: ${failed.error}.` : '');
    const fresh = freshGrid(s, this.live.get().grids[scheme]);
    if (fresh) this.live.set((l) => ({ ...l, grids: { ...l.grids, [scheme]: fresh } }));
    const chunk = this.live.get().chunk;
    if (chunk && chunkDone(chunk, (x) => this.runs.get(x)!.get())) {
      this.live.set({ chunk: null, settled: new Map(this.snapshots().map((r) => [r.scheme, r])) });
      this.redraw(); // all moved on together
      if (this.selected().every((x) => hasEnded(this.runs.get(x)!.get()))) {
        if (this.live.get().playing) this.setPlaying(false);
        this.announce('All runs finished.');
      } else {
        const next = () => (this.timer.id = window.setTimeout(() => this.advance(), atSpeed(PACES, this.store.get().values.speed).delayMs));
        // The first chunk's frame goes into the page before the next chunk takes the cores.
        if (chunk.target <= FIRST_CHUNK) this.drawer.afterBatch(next);
        else next();
      }
    }
    this.drawer?.touch(scheme, fresh !== null);
    this.frame();
  }

  private snapshots(): SchemeRun[] {
    return this.selected().map((scheme) => schemeRun(scheme, this.runs.get(scheme)!.get(), this.live.get().grids[scheme]));
  }

  private redraw(): void {
    this.drawer.touchAll(this.selected().filter((s) => this.live.get().grids[s]));
    this.frame();
  }

  private draw(): void {
    const now = frameInputs(this.live.get(), this.snapshots(), { suspended: this.store.get().suspended, reducedMotion: this.reducedMotion });
    // Nothing computed yet (a worker that never answered): the figures keep what they show, only the status changes.
    if (now && this.drawer.draw(now.runs, this.store.get().values, now.computing, now.quiet, now.runs.every((r) => r.iterations.length === 0 && !r.grid))) this.frame();
  }

  /** The log-scale slider and the map slots, which the base class does not manage. */
  private reflectExtras(values: ComparisonSettings): void {
    reflectLogSliders(this, 'logParam', { scale: SCALE_RANGE }, values as unknown as Record<string, unknown>, formatScale);
    for (const slot of this.querySelectorAll<HTMLElement>('.compare-map[data-scheme]')) slot.hidden = !values.schemes.includes(slot.dataset.scheme as Scheme);
    this.setText('.compare-network', `[2, ${values.width}, 1]`);
    this.setText('.compare-iterations', fmtInt(values.iterations));
  }

  private announce(message: string): void {
    this.setText('.compare-announce', message);
  }
}

defineIsland('init-comparison', InitComparisonElement);
