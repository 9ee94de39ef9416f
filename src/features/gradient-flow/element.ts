/**
 * <gradient-flow-explorer>: trains a deeper network in the worker and shows, live, each layer's
 * gradient norm, its activation histograms and the variance rule at initialization. The charts are
 * drawn by the same pure views as the build's prerender (views.ts).
 */
import { defineIsland } from '../../kit/island.ts';
import { secondMoment, type VarianceProfile } from '../../engine/index.ts';
import {
  flowConfig, flowViews, histogramBins, recordEvery, varianceSeeds, type FlowChart, type FlowSettings, type FlowSnapshot,
} from './views.ts';
import { gradientFlowScript } from '../../python/figures.ts';
import type { PythonFigure } from '../../python/script.ts';
import { hasEnded, hasFailed, isPlaying, type RunState } from '../../run/client.ts';
import { trainingClient } from '../../run/page-client.ts';
import { ExplorerElement, randomSeed, type FigureExport } from '../../kit/explorer.ts';
import { FlowFigures } from './draw.ts';
import type { Pace } from '../../run/protocol.ts';
import { lessonData } from '../../run/memo.ts';
import { createStore, type Store } from '../../run/store.ts';
import { bindLogSliders, reflectLogSliders, type LogRange } from '../../kit/log-slider.ts';
import { atSpeed, recordPaces, speedParam } from '../../kit/pace.ts';
import { logRanges, urlSpecs } from '../../kit/settings.ts';
import type { Specs } from '../../kit/url-state.ts';
import { flowSettings } from './schema.ts';

/** The island's settings: the network's, plus the playback speed. */
interface FlowValues extends FlowSettings {
  readonly speed: number;
}

/** The log sliders (scale, learning rate): two significant digits within the settings' bounds. */
const LOG_RANGES: Record<string, LogRange> = logRanges(flowSettings);

const specs: Specs<FlowValues> = { ...(urlSpecs(flowSettings) as unknown as Specs<FlowSettings>), speed: speedParam };

/** Settings that change the initial weights, and so the variance at initialization. */
const initKeys: readonly (keyof FlowValues)[] = ['depth', 'width', 'hidden', 'init', 'scale', 'seed'];

/** What the island shows besides its settings: which run, the variance profiles, whether the figures are live. */
interface FlowState {
  readonly runId: string;
  readonly single?: VarianceProfile;
  readonly average?: VarianceProfile;
  /** False while the figures still show the build's prerender. */
  readonly live: boolean;
  /** The run was started paused, two records in, before it came on screen (see `near`): it plays once it is seen. */
  readonly primed?: boolean;
  /** Why the variance profiles could not be computed, if they could not. */
  readonly varianceError?: string;
}

/** Pace for a speed 1–5: one record per chunk with pauses at the slow end, several records per chunk at the fast end. */
function pace(speed: number, iterations: number, reducedMotion: boolean): Pace {
  const every = recordEvery(iterations);
  return reducedMotion ? { chunk: 5 * every, delayMs: 0 } : atSpeed(recordPaces(every, [500, 150]), speed);
}

/** Least time between two renders while a run plays, in ms: the worker needs the CPU more than the reader needs frames. */
const MIN_GAP = 150;


class GradientFlowExplorer extends ExplorerElement<FlowValues> {
  protected readonly urlPrefix = 'flow';
  protected readonly specs = specs;
  protected readonly heldBoxes = '.flow-status, [data-chart] .figure-caption';
  private readonly client = trainingClient();
  private flow!: Store<FlowState>;
  /** The store of the current run (flow.runId), set by useRun. */
  private current!: Store<RunState>;
  private inputMoment = 0;
  private unsubscribeRun: () => void = () => {};
  /**
   * Coalesces changes into one render task (at once, or while a run plays MIN_GAP after the last
   * one) whose drawing lands in the next animation frame; changes meanwhile wait for that frame,
   * so no chart is drawn more often than the screen refreshes.
   */
  private readonly renderSoon = (): void => {
    if (this.paint.queued) {
      this.paint.again = true;
      return;
    }
    this.paint.queued = true;
    const wait = this.playing() ? Math.max(0, this.lastDraw + MIN_GAP - performance.now()) : 0;
    setTimeout(() => this.render(), wait);
  };
  /** A render is queued or its frame pending; `again`: something changed since it started. */
  private readonly paint = { queued: false, again: false };
  private readonly figures = new FlowFigures(this);
  private lastDraw = 0;
  private varianceTimer: ReturnType<typeof setTimeout> | undefined;

  protected start(values: FlowValues): void {
    this.inputMoment = secondMoment(lessonData().X);
    this.flow = createStore<FlowState>({ runId: this.runId(values.hidden), live: false });
    bindLogSliders(this, 'log', LOG_RANGES, (t, type, f) => this.listen(t, type, f), (key, value) => this.setValues({ [key]: value }));
    for (const details of this.querySelectorAll('details')) this.listen(details, 'toggle', this.renderSoon);
    this.reflectLogSliders(values);
    this.useRun(values);
    this.onDisconnect(this.flow.subscribe(() => {
      this.showFailure();
      this.renderSoon();
    }));
    this.onDisconnect(() => this.unsubscribeRun());
    this.computeVariance(values);
    // A link with other settings: the prerender shows the defaults, so say so (and compute them at once under reduced motion).
    if (!this.atDefaults(values)) {
      if (this.reducedMotion) this.play();
      else this.setText('.flow-status', 'The figures below still show the default settings; yours train when this figure is on screen.');
    }
  }

  protected changed(values: FlowValues, keys: (keyof FlowValues)[]): void {
    this.reflectLogSliders(values);
    const { runId } = this.flow.get();
    if (this.paceOnly(keys)) {
      this.client.pace(runId, pace(values.speed, values.iterations, this.reducedMotion));
      return;
    }
    if (keys.includes('hidden')) {
      this.client.pause(runId);
      this.flow.set({ runId: this.runId(values.hidden) });
      this.useRun(values);
    }
    if (keys.some((k) => initKeys.includes(k))) this.computeVariance(values);
    this.restart(values);
  }

  protected action(name: string): void {
    const { runId } = this.flow.get();
    const run = this.run();
    const values = this.store.get().values;
    if (name === 'play') {
      if (this.playing()) {
        this.client.pause(runId);
        this.flow.set({ primed: false });
        this.store.set({ suspended: false });
      } else this.play();
    } else if (name === 'step') {
      this.flow.set({ live: true, primed: false });
      this.store.set({ suspended: false });
      if (hasEnded(run)) this.client.restart(runId, flowConfig(values), { paused: true });
      this.client.step(runId, pace(values.speed, values.iterations, false).chunk);
    } else if (name === 'reset' || name === 'retry') {
      if (name === 'retry' && this.flow.get().varianceError) this.computeVariance(values);
      if (name === 'reset' || hasFailed(run)) this.restart(values);
    } else if (name === 'new-seed') {
      this.setValues({ seed: randomSeed() });
    }
  }

  protected visibility(visible: boolean): void {
    if (this.holdOffScreen(this.flow.get().runId, this.playing(), visible) || !visible) return;
    // A run not started yet starts once on screen (under reduced motion only when the reader asks).
    if (!this.reducedMotion && (this.run().status.state === 'idle' || this.flow.get().primed)) this.play();
  }

  /**
   * A screen before the island is seen, its run trains up to its second record, paused, and the
   * figures are drawn from it: on a phone the live charts are taller than the prerender (drawn 720 px
   * wide, scaled down), and they take that height here, where the page moving under them is off
   * screen. Two records, because a caption takes its steady length only from the second.
   */
  protected near(): void {
    if (this.reducedMotion || this.flow.get().live || this.run().status.state !== 'idle') return;
    const values = this.store.get().values;
    this.flow.set({ live: true, primed: true });
    this.client.step(this.flow.get().runId, 2 * recordEvery(values.iterations));
  }

  protected exportFigure(name: string): FigureExport {
    const { svg, table, title, caption } = this.figures.shown(name);
    return { svg, table, data: { settings: this.store.get().values, title, caption, table } };
  }

  protected exportPython(name: string, source: string): PythonFigure {
    return gradientFlowScript(name as FlowChart, this.store.get().values, source);
  }

  private runId(hidden: string): string {
    // One run per activation: the histogram bins (a run's extras) depend on it.
    return `flow:${this.id || 'gradient-flow'}:${hidden}`;
  }

  private run(): RunState {
    return this.current.get();
  }

  private playing(): boolean {
    return isPlaying(this.run());
  }

  /** Shows run flow.runId (created on first use, with the histogram bins of its activation) from now on. */
  private useRun(values: FlowValues): void {
    this.unsubscribeRun();
    const request = { config: flowConfig(values), extras: { histograms: histogramBins(values.hidden) }, pace: pace(values.speed, values.iterations, this.reducedMotion) };
    this.current = this.client.run(this.flow.get().runId, request);
    this.unsubscribeRun = this.current.subscribe((s) => {
      const playing = isPlaying(s);
      // Only on a change: every message would otherwise restyle the button.
      if (this.dataset.playing !== String(playing)) this.showPlaying(playing);
      this.dataset.playing = String(playing);
      this.showFailure();
      this.renderSoon();
    });
  }

  /** The one-line failure message: the run's, else the variance computation's (cleared when neither failed). */
  private showFailure(): void {
    const run = this.current?.get();
    const { varianceError } = this.flow.get();
    if (run && hasFailed(run)) this.failure(`Training failed: ${run.error}.`);
    else this.failure(varianceError ? `The variance could not be computed: ${varianceError}.` : '');
  }

  /** Starts, resumes or replays the run. */
  private play(): void {
    const { runId } = this.flow.get();
    const run = this.run();
    const values = this.store.get().values;
    this.flow.set({ live: true, primed: false });
    this.store.set({ suspended: false });
    this.client.pace(runId, pace(values.speed, values.iterations, this.reducedMotion));
    if (run.status.state === 'idle') this.client.start(runId);
    else if (run.status.state === 'running') this.client.resume(runId);
    else this.client.restart(runId, flowConfig(values));
  }

  /** Trains `values` from their initial weights again, playing (quietly to the end under reduced motion). */
  private restart(values: FlowValues): void {
    const { runId } = this.flow.get();
    this.flow.set({ live: true, primed: false });
    this.store.set({ suspended: false });
    this.client.pace(runId, pace(values.speed, values.iterations, this.reducedMotion));
    this.client.restart(runId, flowConfig(values));
  }

  /** Asks the worker for Var(z[l]) of this draw and the average of 16; stale answers are dropped. */
  private computeVariance(values: FlowValues): void {
    const { layers, hidden, init, scale, seed } = flowConfig(values);
    this.flow.set({ single: undefined, average: undefined, varianceError: undefined });
    const key = (v: FlowValues) => initKeys.map((k) => v[k]).join();
    const current = () => key(this.store.get().values) === key(values);
    const task = { kind: 'variance' as const, layers: [...layers], hidden, init, scale };
    const failed = (e: unknown) => current() && this.flow.set({ varianceError: (e as Error).message });
    // Debounced: dragging a slider would otherwise queue one 16-draw computation per step in the worker.
    clearTimeout(this.varianceTimer);
    this.varianceTimer = setTimeout(() => {
      if (!current()) return;
      this.client.compute<VarianceProfile>({ ...task, seeds: [seed] }).then((single) => current() && this.flow.set({ single }), failed);
      this.client.compute<VarianceProfile>({ ...task, seeds: varianceSeeds(seed) }).then((average) => current() && this.flow.set({ average }), failed);
    }, 150);
  }

  /**
   * Brings the figures up to date one chart or table at a time: built in this task, put into the
   * page in the next animation frame (then the next piece, if any), so each task stays small.
   */
  private render(): void {
    const flow = this.flow.get();
    const run = this.run();
    const running = isPlaying(run);
    // Reduced motion: no intermediate frames while the run computes.
    if (!flow.live || (this.reducedMotion && running)) {
      if (flow.live) this.setText('.flow-status', 'Computing…');
      this.paint.queued = this.paint.again = false;
      return;
    }
    const started = run.history.iterations.length > 0 || hasEnded(run);
    const views = flowViews({
      config: run.config, status: run.status, iteration: run.iteration, history: run.history,
      histograms: started ? run.live.histograms : undefined, single: flow.single, average: flow.average, inputSecondMoment: this.inputMoment,
    }, this.chartWidth('.flow-figure .figure-body', 640));
    // Until a run ends (done or diverged), the charts shown stay rather than placeholders: the prerender or the last frame, while it plays, is paused (primed, or restarted by Step) or failed.
    const ended = hasEnded(run) && !hasFailed(run);
    const job = this.figures.prepare(views, !ended);
    this.lastDraw = performance.now();
    requestAnimationFrame(() => {
      job?.commit();
      this.setText('.flow-status', hasFailed(run) ? `Stopped at iteration ${run.iteration.toLocaleString('en-US')}.` : views.status);
      const again = this.paint.again || (job?.more ?? false);
      this.paint.queued = this.paint.again = false;
      if (again) this.renderSoon();
    });
  }

  protected resized(): void {
    this.renderSoon();
  }

  private reflectLogSliders(values: FlowValues): void {
    reflectLogSliders(this, 'log', LOG_RANGES, values as unknown as Record<string, unknown>);
    // The scale only matters to the normal initializer.
    const scale = this.querySelector<HTMLInputElement>('input[data-log="scale"]');
    if (scale) scale.disabled = values.init !== 'normal';
  }
}

defineIsland('gradient-flow-explorer', GradientFlowExplorer);
