/**
 * The browser half of rendering, free of Node-only imports so islands can bundle it: Plot options
 * → one accessible, responsive <svg> element. `render.ts` adds the build-time string renderer.
 */
import * as Plot from '@observablehq/plot';
import { background } from './theme.ts';
import { scriptSvgText } from './scripts.ts';

/** Plot options as the builders return them (Plot's own options, no title/subtitle/caption). */
export type ChartOptions = Plot.PlotOptions;

/** Options that would make Plot wrap the svg in a <figure>; our components render the figure. */
const FIGURE_KEYS = ['title', 'subtitle', 'caption'] as const;

/** Scales that can have a Plot legend; legends are separate elements, so builders draw their own. */
const LEGEND_SCALES = ['color', 'opacity', 'symbol', 'r'] as const;

/** The options Plot gets: ours, with `document`, `figure: false`, no title/subtitle/caption, no Plot legends. */
export function plotOptions(options: ChartOptions, document: Document): Plot.PlotOptions {
  const o: Record<string, unknown> = { ...options, document, figure: false };
  for (const k of FIGURE_KEYS) delete o[k];
  for (const k of LEGEND_SCALES) {
    const scale = o[k];
    if (scale && typeof scale === 'object' && 'legend' in scale) o[k] = { ...scale, legend: false };
  }
  return o as Plot.PlotOptions;
}

/** 32-bit FNV-1a of a string, in base 36: a short content hash (element ids, view keys). */
export function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/** The element and all its descendants, depth first (document order), as a list made before any change. */
export function elements(root: Element): Element[] {
  // A stack, not a recursive generator: charts have thousands of nodes and this runs on every render.
  const out: Element[] = [];
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const e = stack.pop()!;
    out.push(e);
    for (let c = e.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
  }
  return out;
}

/**
 * Replaces Plot's global-counter ids (plot-clip-7, …) with ids derived from the chart's content, so
 * the same chart always gets the same ids and different charts on one page do not collide.
 */
function stableIds(svg: Element): void {
  // One walk serves both passes: renaming attributes adds or removes no element.
  const all = elements(svg);
  const ids = all.map((e) => e.getAttribute('id')).filter((id): id is string => !!id && id.startsWith('plot-'));
  if (ids.length === 0) return;
  const prefix = `chart-${hash(svg.outerHTML.replace(/plot-(clip|pattern|marker|dots)-\d+/g, ''))}`;
  const rename = new Map(ids.map((id, i) => [id, `${prefix}-${i + 1}`]));
  const swap = (v: string) => v.replace(/plot-(?:clip|pattern|marker|dots)-\d+/g, (id) => rename.get(id) ?? id);
  for (const e of all) {
    for (const name of e.getAttributeNames()) {
      const v = e.getAttribute(name)!;
      if (/plot-(?:clip|pattern|marker|dots)-\d+/.test(v)) e.setAttribute(name, swap(v));
    }
  }
}

/** What both renderers do to Plot's svg: a lone, labelled, responsive image with stable ids. */
export function finish(node: Element, options: ChartOptions): Element {
  if (node.tagName.toLowerCase() !== 'svg') throw new Error(`Plot returned <${node.tagName.toLowerCase()}>, expected <svg>`);
  node.setAttribute('role', 'img');
  if (options.ariaLabel) node.setAttribute('aria-label', options.ariaLabel);
  if (options.ariaDescription) node.setAttribute('aria-description', options.ariaDescription);
  // Plot keeps width/height for the viewBox; the style lets the figure's width decide the size.
  const own = (node.getAttribute('style') ?? '').trim().replace(/;?$/, ';');
  node.setAttribute('style', `${own === ';' ? '' : `${own} `}width: 100%; height: auto; max-width: 100%; --plot-background: ${background};`);
  // Plot names its mark groups (aria-label="dot"); a name needs a role that allows one, or axe reports aria-prohibited-attr.
  for (const e of elements(node)) if (e !== node && e.hasAttribute('aria-label') && !e.hasAttribute('role')) e.setAttribute('role', 'group');
  scriptSvgText(node);
  stableIds(node);
  return node;
}

/**
 * Renders Plot options to an <svg> element with the browser's document (or `doc`), for islands
 * that redraw live. @throws Error as renderSvg.
 */
export function renderElement(options: ChartOptions, doc: Document = document): SVGSVGElement {
  const node = Plot.plot(plotOptions(options, doc)) as unknown as Element;
  return finish(node, options) as SVGSVGElement;
}

/**
 * Puts `next` (from renderElement) into `container` in place of its chart. Plot gives every svg the
 * same <style>; swapping that element would make the browser rebuild the page's style rules (tens of
 * ms on a long page), so when the old chart has the same <style>, it stays and only the rest moves in.
 */
export function swapChart(container: Element, next: Element): void {
  const prev = [...container.children].find((c) => c.tagName.toLowerCase() === 'svg');
  const prevStyle = prev && [...prev.children].find((c) => c.tagName.toLowerCase() === 'style');
  const nextStyle = [...next.children].find((c) => c.tagName.toLowerCase() === 'style');
  if (!prev || !prevStyle || !nextStyle || prevStyle.textContent !== nextStyle.textContent || container.children.length !== 1) {
    container.replaceChildren(next);
    return;
  }
  nextStyle.remove();
  for (const name of prev.getAttributeNames()) if (!next.hasAttribute(name)) prev.removeAttribute(name);
  for (const name of next.getAttributeNames()) prev.setAttribute(name, next.getAttribute(name)!);
  for (const child of [...prev.childNodes]) if (child !== prevStyle) child.remove();
  prev.append(...next.childNodes);
}
