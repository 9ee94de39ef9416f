/**
 * Charts drawn at the width they are shown: the width of a chart's box in the page, and a debounced
 * ResizeObserver that asks an island to draw again when that width changes. Browser only.
 */

/** Narrowest width in CSS px a chart is drawn at (a 320 px phone's column). */
export const MIN_CHART_WIDTH = 150;

/** Width in whole CSS px of `el`'s content box, at least MIN_CHART_WIDTH; `fallback` when it has no layout (hidden, detached). */
export function boxWidth(el: Element | null, fallback: number): number {
  if (!el) return fallback;
  const cs = getComputedStyle(el);
  const w = el.clientWidth - parseFloat(cs.paddingLeft || '0') - parseFloat(cs.paddingRight || '0');
  return w > 0 ? Math.max(MIN_CHART_WIDTH, Math.floor(w)) : fallback;
}

/**
 * Calls `redraw(width)` when `el`'s content width (whole px) changes, `delay` ms after the last
 * change (a window drag fires many). The first call comes once the element has a layout, if its
 * width differs from `drawn` (the width the prerender was drawn at). @returns what stops observing.
 */
export function onWidthChange(el: Element, redraw: (width: number) => void, drawn?: number, delay = 150): () => void {
  const state = { last: drawn, next: 0, first: true, timer: undefined as ReturnType<typeof setTimeout> | undefined };
  // The observer reports the content width itself, so nothing here forces a layout of the (long) page.
  const observer = new ResizeObserver((entries) => {
    const size = entries.at(-1)?.contentBoxSize?.[0]?.inlineSize ?? entries.at(-1)?.contentRect.width ?? 0;
    // A box that content-visibility skips again reports 0: keep the redraw its real width asked for.
    if (size <= 0) return;
    state.next = Math.max(MIN_CHART_WIDTH, Math.floor(size));
    clearTimeout(state.timer);
    // The first report (a box content-visibility skipped until now) redraws at once: it is on screen.
    if (state.first) {
      state.first = false;
      if (state.next !== state.last) (state.last = state.next), redraw(state.next);
      return;
    }
    state.timer = setTimeout(() => {
      if (state.next === state.last) return;
      state.last = state.next;
      redraw(state.next);
    }, delay);
  });
  observer.observe(el);
  return () => {
    clearTimeout(state.timer);
    observer.disconnect();
  };
}

/** The width a chart svg was drawn at (its width attribute), or undefined. */
export function drawnWidth(container: Element | null): number | undefined {
  const w = Number(container?.querySelector(':scope > svg')?.getAttribute('width'));
  return w > 0 ? w : undefined;
}
