/**
 * Boxes whose text changes as a run plays (a caption, a summary table) that keep the tallest height
 * they have had: a text that shortens leaves room instead of pulling what is below up, and pushing it
 * down again when the text grows back. Heights are read from a ResizeObserver, after layout, so holding
 * forces no layout. A new width starts over (the text reflows), and so does `release()`, for a run
 * whose settings changed.
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

  /** Holds every box `root.querySelectorAll(selector)` finds now (border-box sizing, as global.css sets). */
  constructor(root: HTMLElement, selector: string) {
    this.boxes = [...root.querySelectorAll<HTMLElement>(selector)];
    this.observer = new ResizeObserver((entries) => {
      for (const e of entries) this.seen(e.target as HTMLElement, e.borderBoxSize[0].inlineSize, e.borderBoxSize[0].blockSize);
    });
    for (const box of this.boxes) this.observer.observe(box);
  }

  /** Lets every box take its own height again, and holds from there (measured after the next frame). */
  release(): void {
    for (const box of this.holds.keys()) box.style.minHeight = '';
    this.holds.clear();
    afterNextFrame(() => {
      for (const box of this.boxes) {
        const { width, height } = box.getBoundingClientRect();
        if (!this.holds.has(box) && height > 0) this.hold(box, { width, height });
      }
    });
  }

  /** Stops observing (the island left the page). */
  disconnect(): void {
    this.observer.disconnect();
  }

  private seen(box: HTMLElement, width: number, height: number): void {
    if (height === 0) return; // hidden (display: none): nothing to hold
    const next = nextHold(this.holds.get(box), width, height);
    if (next) return this.hold(box, next);
    // A new width: measured without the old hold, in this callback (after layout; the frame lays out again anyway).
    box.style.minHeight = '';
    this.hold(box, { width, height: box.getBoundingClientRect().height });
  }

  private hold(box: HTMLElement, hold: Hold): void {
    this.holds.set(box, hold);
    const px = `${hold.height}px`;
    if (box.style.minHeight !== px) box.style.minHeight = px;
  }
}
