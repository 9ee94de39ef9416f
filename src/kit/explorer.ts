/**
 * Base of the explorer islands: settings read from and written to the URL (with a notice for
 * anything ignored), controls bound by `data-param` / `data-action`, pausing when scrolled off
 * screen, and `prefers-reduced-motion`. Subclasses draw; this class keeps one store per island.
 */
import { swapChart } from '../charts/browser.ts';
import { boxWidth, onWidthChange } from '../charts/fit.ts';
import type { ChartTable } from '../charts/common.ts';
import { trainingClient } from '../run/page-client.ts';
import type { PythonFigure } from '../python/script.ts';
import { bindExportButtons, figureSource } from './export.ts';
import { createStore, type Store } from '../run/store.ts';
import { IslandElement } from './island.ts';
import { keepPrintCopy, otherSettingsNote } from './print-copy.ts';
import { afterNextFrame, whenIdle } from './idle.ts';
import { HeightHold } from './hold-height.ts';
import { setText } from './table-dom.ts';
import { describeIgnored, readState, writeState, type Specs } from './url-state.ts';

/** The island's state: its settings, whether it is on screen, and whether that paused its run. */
export interface ExplorerState<T> {
  readonly values: T;
  readonly visible: boolean;
  /** The island's run was paused because it scrolled off screen (see `holdOffScreen`). */
  readonly suspended: boolean;
  /** Its figures' width changed while it was off screen: `resized` runs when it comes on screen. */
  readonly resizeDue?: boolean;
  /** It came on screen, and `visibility(true)` waits for the next frame (see the IntersectionObserver). */
  readonly showing?: boolean;
}

/** What a figure's export buttons save: its chart (if any), its table and its data. */
export interface FigureExport {
  readonly svg: SVGSVGElement | null;
  readonly table: ChartTable;
  readonly data: unknown;
}

/** A fresh random seed for the "New seed" buttons (an unsigned 32-bit integer). */
export const randomSeed = (): number => crypto.getRandomValues(new Uint32Array(1))[0];

type Control = HTMLInputElement | HTMLSelectElement;

/** Longest wait in ms for an idle moment before an island near the screen gets its live size (`near`). */
const NEAR_IDLE_MS = 1000;

/** The setting that paces an explorer's runs (kit/pace.ts) without changing what they compute. */
const PACE_SETTING = 'speed';

/** Why a tick (or untick) of `box` was undone: its list is at its bound, `count` ticked. `box.checked` is what the reader asked for. */
function refusedTick(box: HTMLInputElement, count: number): string {
  const list = box.closest('fieldset')?.querySelector('legend')?.textContent?.trim() ?? 'This list';
  return box.checked ? `${list}: at most ${count} at once; untick one first.` : `${list}: at least ${count} must stay ticked.`;
}

export abstract class ExplorerElement<T extends object> extends IslandElement {
  /** URL prefix of this island's settings, e.g. "deep-linear". */
  protected abstract readonly urlPrefix: string;
  protected abstract readonly specs: Specs<T>;
  protected store!: Store<ExplorerState<T>>;
  protected defaults!: T;
  protected reducedMotion = false;
  /** Boxes whose text changes as a run plays (captions, a status line): they keep their tallest height until the settings change (kit/hold-height.ts). */
  protected readonly heldBoxes: string | null = null;
  private heights: HeightHold | null = null;

  /** Called once with the initial settings (from the URL or the defaults). */
  protected abstract start(values: T): void;
  /** Called after the reader changes settings. */
  protected abstract changed(values: T, keys: (keyof T)[]): void;
  /** Called for buttons with data-action (play, pause, step, reset, new-seed, …). */
  protected abstract action(name: string): void;
  /** Called when the island scrolls on or off screen. */
  protected abstract visibility(visible: boolean): void;
  /** The current chart (if any), table and data of figure `name`, for its export buttons. */
  protected abstract exportFigure(name: string): FigureExport;
  /** The numpy script of figure `name` at the current settings; `source` says where the figure is, for its header. */
  protected abstract exportPython(name: string, source: string): PythonFigure;

  connectedCallback(): void {
    // On paper: the prerender, with a line when the reader chose other settings (read when printing).
    this.onDisconnect(keepPrintCopy(this, () => {
      const { origin, pathname, search } = window.location;
      return this.atDefaults(this.store.get().values) ? null : otherSettingsNote(document, `${origin}${pathname}${search}#${this.id}`);
    }));
    this.defaults = { ...JSON.parse(this.dataset.defaults ?? '{}') } as T;
    const { values, ignored } = readState(this.urlPrefix, this.specs, this.defaults, window.location.search);
    this.notice(describeIgnored(ignored));
    this.store = createStore<ExplorerState<T>>({ values, visible: false, suspended: false });
    const motion = window.matchMedia?.('(prefers-reduced-motion: reduce)');
    this.reducedMotion = motion?.matches ?? false;
    this.bindControls();
    this.reflect(values);
    for (const bar of this.querySelectorAll<HTMLElement>('[data-export-for]')) {
      const name = bar.dataset.exportFor!;
      this.onDisconnect(bindExportButtons(bar, {
        name: `${this.urlPrefix}-${name}`,
        svg: () => this.exportFigure(name).svg,
        table: () => this.exportFigure(name).table,
        data: () => this.exportFigure(name).data,
        python: () => this.exportPython(name, figureSource(this)),
      }));
    }
    const observer = new IntersectionObserver((entries) => {
      const visible = entries.some((e) => e.isIntersecting);
      if (visible === this.store.get().visible) return;
      this.store.set({ visible });
      if (!visible) return this.visibility(false);
      // A jump (a link, scrollIntoView) shows figures content-visibility skipped: the next frame lays them out, so the charts are drawn (and measured) after it, not forcing that layout into this task.
      if (this.store.get().showing) return;
      this.store.set({ showing: true });
      afterNextFrame(() => {
        this.store.set({ showing: false });
        if (!this.store.get().visible) return;
        if (this.store.get().resizeDue) {
          this.store.set({ resizeDue: false });
          this.resized();
        }
        this.visibility(true);
      });
    }, { rootMargin: '100px 0px' });
    observer.observe(this);
    this.onDisconnect(() => observer.disconnect());
    // A screen away, a subclass that asks for it may give its live figures their size, where no reader sees them move;
    // when the page is idle, so that an island on screen (after a jump, its neighbours are near too) draws first.
    if (this.near !== ExplorerElement.prototype.near) {
      const near = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && (near.disconnect(), whenIdle(() => this.isConnected && this.near(), NEAR_IDLE_MS)), { rootMargin: '100% 0px' });
      near.observe(this);
      this.onDisconnect(() => near.disconnect());
    }
    if (this.heldBoxes) {
      const heights = new HeightHold(this, this.heldBoxes);
      this.heights = heights;
      this.onDisconnect(() => heights.disconnect());
    }
    this.dataset.ready = 'true';
    this.start(values);
    const figures = this.querySelector('.explorer-figures') ?? this;
    // Off screen, drawing again waits until the island is seen (measuring then forces no layout of the long page).
    this.onDisconnect(onWidthChange(figures, () => (this.store.get().visible ? this.resized() : this.store.set({ resizeDue: true }))));
  }

  /** Whether `values` are the page's defaults (what its prerender shows), as a link writes them; speed aside: it changes no figure. */
  protected atDefaults(values: T): boolean {
    return (Object.keys(this.specs) as (keyof T & string)[]).every((k) => k === PACE_SETTING || this.specs[k].format(values[k]) === this.specs[k].format(this.defaults[k]));
  }

  /** Whether the changed `keys` are only the speed: the runs take a new pace, and no figure changes. */
  protected paceOnly(keys: readonly (keyof T)[]): boolean {
    return keys.every((k) => k === PACE_SETTING);
  }

  /** Called once, when the island first comes within a screen's height of the screen (or on it); observed only for a subclass that defines it. */
  protected near(): void {}

  /** Called when the figures' width changes (debounced; off screen, once the island is back on screen): subclasses draw their charts again at `chartWidth`. */
  protected resized(): void {}

  /** The width to draw a chart at: the content width of the first element matching `selector`, else `fallback`. */
  protected chartWidth(selector: string, fallback: number): number {
    return boxWidth(this.querySelector(selector), fallback);
  }

  /**
   * Off screen, pauses run `runId` if it is `playing` (marked suspended); back on screen, resumes
   * it if it was suspended. @returns whether it paused or resumed the run.
   */
  protected holdOffScreen(runId: string, playing: boolean, visible: boolean): boolean {
    if (!visible && playing) {
      trainingClient().pause(runId);
      this.store.set({ suspended: true });
      return true;
    }
    if (!visible || !this.store.get().suspended) return false;
    this.store.set({ suspended: false });
    trainingClient().resume(runId);
    return true;
  }

  /** Shows the play button as "Pause" (pressed) while training plays, "Play" otherwise. */
  protected showPlaying(playing: boolean): void {
    const button = this.querySelector<HTMLButtonElement>('button[data-action="play"]');
    if (!button) return;
    button.setAttribute('aria-pressed', String(playing));
    button.textContent = playing ? 'Pause' : 'Play';
  }

  /** Sets the text of the first element matching `selector` inside the island (text only, never HTML). */
  protected setText(selector: string, text: string): void {
    setText(this, selector, text);
  }

  /** Swaps `svg` into `.{prefix}-body` and sets the text of `.{prefix}-{part}` for each part of `texts`. */
  protected showChart(prefix: string, svg: Element, texts: Readonly<Record<string, string>>): void {
    const body = this.querySelector(`.${prefix}-body`);
    if (body) swapChart(body, svg);
    for (const [part, text] of Object.entries(texts)) this.setText(`.${prefix}-${part}`, text);
  }

  /** Calls `fill` each time the reader opens the <details> matching `selector` (tables that wait while a run plays). */
  protected onOpen(selector: string, fill: () => void): void {
    const details = this.querySelector<HTMLDetailsElement>(selector);
    this.listen(details, 'toggle', () => details?.open && fill());
  }

  /** Shows (or clears) the island's notice; text only, never HTML. */
  protected notice(text: string): void {
    const el = this.querySelector<HTMLElement>('.explorer-notice');
    if (!el) return;
    el.textContent = text;
    el.hidden = text === '';
  }

  /**
   * Shows the island's one-line failure message (`text`, e.g. "Training failed: …") with its Retry
   * button (data-action "retry", handled by `action`), or clears it with ''. Text only, never HTML.
   */
  protected failure(text: string): void {
    const el = this.querySelector<HTMLElement>('.explorer-failure');
    if (!el || (el.hidden && text === '')) return;
    this.setText('.explorer-failure-text', text);
    el.hidden = text === '';
    // Out of the tab order (and of "the control before this one") while there is nothing to retry.
    const retry = el.querySelector<HTMLButtonElement>('.explorer-retry');
    if (retry) retry.disabled = text === '';
  }

  /** Replaces some settings: URL, controls and the subclass are updated. */
  protected setValues(partial: Partial<T>): void {
    // Equal as the address writes them: a list re-read from its checkboxes is a new array of the same items.
    const current = this.store.get().values;
    const same = (k: keyof T) => Object.is(partial[k], current[k]) || (k in this.specs && this.specs[k].format(partial[k] as T[keyof T]) === this.specs[k].format(current[k]));
    const keys = (Object.keys(partial) as (keyof T)[]).filter((k) => !same(k));
    if (keys.length === 0) return;
    const values = { ...current, ...partial };
    this.store.set({ values });
    const search = writeState(this.urlPrefix, this.specs, this.defaults, values, window.location.search);
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}${window.location.hash}`);
    // The address no longer holds what the link-notice describes (writeState drops what it ignored).
    this.notice('');
    this.reflect(values);
    // Other settings show other texts: the boxes held for the old ones take their own height again.
    if (!this.paceOnly(keys)) this.heights?.release();
    this.changed(values, keys);
  }

  private controls(): Control[] {
    return [...this.querySelectorAll<Control>('[data-param]')];
  }

  private bindControls(): void {
    const onInput = (event: Event) => {
      const control = event.target as Control;
      const key = control.dataset.param as keyof T & string;
      if (!key || !(key in this.specs)) return;
      let raw = control.value;
      if (control instanceof HTMLInputElement && control.type === 'checkbox') {
        raw = this.controls().filter((c) => c.dataset.param === key && (c as HTMLInputElement).checked).map((c) => c.value).join(',');
      }
      if (control instanceof HTMLInputElement && control.type === 'radio' && !control.checked) return;
      const value = this.specs[key].parse(raw);
      if (value === undefined) {
        const values = this.store.get().values;
        const why = control instanceof HTMLInputElement && control.type === 'checkbox' ? refusedTick(control, (values[key] as unknown[]).length) : '';
        this.reflect(values); // e.g. the last checkbox of a list: keep it checked, and say why
        if (why) this.notice(why);
        return;
      }
      this.setValues({ [key]: value } as unknown as Partial<T>);
    };
    const onClick = (event: Event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button[data-action]');
      if (button && this.contains(button)) this.action(button.dataset.action!);
    };
    this.listen(this, 'input', onInput);
    this.listen(this, 'change', onInput);
    this.listen(this, 'click', onClick);
    for (const c of this.querySelectorAll<HTMLButtonElement | Control>('[data-param], button[data-action]:not(.explorer-retry), button[data-export]')) c.disabled = false;
  }

  /** Puts `values` into the controls and their <output> elements. */
  private reflect(values: T): void {
    for (const c of this.controls()) {
      const key = c.dataset.param as keyof T & string;
      if (!(key in this.specs)) continue;
      const text = this.specs[key].format(values[key]);
      if (c instanceof HTMLInputElement && (c.type === 'checkbox' || c.type === 'radio')) c.checked = c.type === 'radio' ? c.value === text : text.split(',').includes(c.value);
      else c.value = text;
    }
    for (const out of this.querySelectorAll<HTMLOutputElement>('output[data-output]')) {
      const key = out.dataset.output as keyof T & string;
      if (!(key in this.specs)) continue;
      const spec = this.specs[key];
      out.textContent = (spec.display ?? spec.format)(values[key]);
    }
  }
}
