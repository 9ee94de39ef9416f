/**
 * Boxes whose text changes as a run plays (a caption, a summary table) that keep the tallest height
 * they have had: a text that shortens leaves room instead of pulling what is below up, and pushing it
 * down again when the text grows back. Heights are read from a ResizeObserver, after layout, so holding
 * forces no layout. A new width starts over (the text reflows), and so does `release()`, for a run
 * whose settings changed: each box from its next text.
 */
import { afterNextFrame } from './idle.ts';

/** A box's hold: the width it was seen at and the least height it keeps there (CSS px). */
export interface Hold {
  readonly width: number;
  readonly height: number;
}

/**
 * The hold after a box is seen `width` × `height` CSS px (its border box): the taller of the old hold
 * and `height` at the same width; `null` at a new width, where the box must be measured free of its
 * old hold first.
 */
export function nextHold(hold: Hold | undefined, width: number, height: number): Hold | null {
  if (hold && Math.abs(hold.width - width) > 0.5) return null;
  return { width, height: Math.max(hold?.height ?? 0, height) };
}

export class HeightHold {
  private readonly holds = new Map<HTMLElement, Hold>();
  private readonly boxes: HTMLElement[];
  private readonly observer: ResizeObserver;
  /** The min-height each box takes in the next animation frame ('' frees it). */
  private readonly due = new Map<HTMLElement, string>();
  /** Boxes released, held until their text next changes. */
  private readonly stale = new Set<HTMLElement>();
  /** Frees a released box in the task that changes its text: in that change's own layout, not one more. */
  private readonly mutations = new MutationObserver((records) => {
    if (this.stale.size === 0) return; // the common case: a held box's text changed while it plays
    const changed = [...this.stale].filter((box) => records.some((r) => box.contains(r.target)));
    for (const box of changed) {
      this.stale.delete(box);
      this.holds.delete(box);
      this.due.delete(box);
      box.style.minHeight = '';
    }
    if (changed.length > 0) this.measureAfterFrame(changed);
  });

  /** Holds every box `root.querySelectorAll(selector)` finds now (border-box sizing, as global.css sets). */
  constructor(root: HTMLElement, selector: string) {
    this.boxes = [...root.querySelectorAll<HTMLElement>(selector)];
    this.observer = new ResizeObserver((entries) => {
      for (const e of entries) this.seen(e.target as HTMLElement, e.borderBoxSize[0].inlineSize, e.borderBoxSize[0].blockSize);
    });
    for (const box of this.boxes) {
      this.observer.observe(box);
      this.mutations.observe(box, { childList: true, characterData: true, subtree: true });
    }
  }

  /** Lets every box take its own height again when its text next changes (other settings, other texts), and holds from there. */
  release(): void {
    for (const box of this.boxes) this.stale.add(box);
  }

  /** Stops observing (the island left the page). */
  disconnect(): void {
    this.observer.disconnect();
    this.mutations.disconnect();
  }

  private seen(box: HTMLElement, width: number, height: number): void {
    if (height === 0) return; // hidden: nothing to hold
    const next = nextHold(this.holds.get(box), width, height);
    if (next) this.hold(box, next);
    else this.free([box]); // a new width: measured without the old hold
  }

  /** Frees `boxes` in the next frame, and holds them at what that frame lays out. */
  private free(boxes: readonly HTMLElement[]): void {
    for (const box of boxes) {
      this.holds.delete(box);
      this.write(box, '');
    }
    this.measureAfterFrame(boxes);
  }

  /** Holds `boxes` at their height after the next frame (read then, forcing no layout); the ResizeObserver reports only a change. */
  private measureAfterFrame(boxes: readonly HTMLElement[]): void {
    afterNextFrame(() => {
      for (const box of boxes) {
        const { width, height } = box.getBoundingClientRect();
        if (height > 0 && box.isConnected) this.hold(box, nextHold(this.holds.get(box), width, height) ?? { width, height });
      }
    });
  }

  private hold(box: HTMLElement, hold: Hold): void {
    this.holds.set(box, hold);
    this.write(box, `${hold.height}px`);
  }

  /**
   * Sets `box`'s min-height in the next frame's first callback, with that frame's other changes and
   * before a run draws there. Written in the ResizeObserver's callback it would lay the page out a
   * second time in a frame, and a box it resized would be a ResizeObserver loop error.
   */
  private write(box: HTMLElement, minHeight: string): void {
    if (this.due.size === 0) {
      requestAnimationFrame(() => {
        for (const [b, h] of this.due) if (b.style.minHeight !== h) b.style.minHeight = h;
        this.due.clear();
      });
    }
    this.due.set(box, minHeight);
  }
}
