/**
 * The <style> Plot puts in every chart, handled once: adding or removing a style sheet makes the
 * browser recompute the style of the whole (long) page, so an island keeps one copy and new charts
 * come without theirs.
 */

const STYLE = /<style>[\s\S]*?<\/style>/;

/** Build time: one copy of the first chart's <style>, marked data-plot-style for the island to keep ('' when none). */
export function plotStyleOnce(svgs: readonly (string | null | undefined)[]): string {
  return svgs.map((svg) => svg?.match(STYLE)?.[0]).find(Boolean)?.replace('<style>', '<style data-plot-style>') ?? '';
}

/** Build time: a rendered chart without its <style> (the island keeps the one copy). */
export const svgWithoutStyle = (svg: string): string => svg.replace(STYLE, '');

/**
 * Browser: removes Plot's <style> from a new chart. With `keepIn`, a copy goes there first when it
 * holds none yet (data-plot-style); without, the island's own CSS sets what the style held.
 */
export function withoutPlotStyle<T extends Element>(svg: T, keepIn?: Element): T {
  const style = svg.querySelector(':scope > style');
  if (keepIn && style && !keepIn.querySelector('style[data-plot-style]')) {
    const keep = style.cloneNode(true) as Element;
    keep.setAttribute('data-plot-style', '');
    keepIn.append(keep);
  }
  for (const s of svg.querySelectorAll(':scope > style')) s.remove();
  return svg;
}
