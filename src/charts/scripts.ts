/**
 * Layer indices as superscripts, the way the lessons' KaTeX sets them ($W^{[l]}$): figure
 * titles, captions and chart text are plain strings ("‖dW[l]‖", "Var(z[l])") shared by the
 * build and the browser, and these helpers set their "[l]" one step up, in HTML (<sup>) and in
 * SVG (<tspan>). The text content stays the same string, so comparisons and exports are unchanged.
 *
 *   el.innerHTML = scriptHtml('Gradient norm ‖dW[l]‖');   // Gradient norm ‖dW<sup>[l]</sup>‖
 *   setScripted(el, view.title);                          // the same on a live element
 *   scriptSvgText(svg);                                   // every chart label of a Plot svg
 */

/**
 * A layer index right after a symbol: W[l], dZ[L], A[l−1], W[1]; never a list such as "[2, n, 1]".
 * (Notation of the lessons: W[l] is W^{[l]}, the weights of layer l.)
 */
const LAYER_INDEX = /(?<=\p{L})\[(?:[lL](?:\s?[−-]\s?\d+)?|\d+)\]/gu;

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Escaped HTML for `text` with each layer index in <sup>. */
export function scriptHtml(text: string): string {
  let out = '';
  let at = 0;
  for (const m of text.matchAll(LAYER_INDEX)) {
    out += `${escapeHtml(text.slice(at, m.index))}<sup>${escapeHtml(m[0])}</sup>`;
    at = m.index + m[0].length;
  }
  return out + escapeHtml(text.slice(at));
}

/** Sets `el`'s text to `text`, layer indices raised; does nothing when it already reads so. */
export function setScripted(el: Element, text: string): void {
  if (el.textContent === text && (el.querySelector('sup') || text.search(LAYER_INDEX) < 0)) return;
  el.innerHTML = scriptHtml(text);
}

/** SVG font size of a raised index: chart text is 11 px, and no chart text goes under 10 px. */
const SCRIPT_FONT_SIZE = 10;

/** Raises the layer indices in every text node of an svg's <text> and <tspan> elements. */
export function scriptSvgText(svg: Element): void {
  const doc = svg.ownerDocument;
  const ns = svg.namespaceURI ?? 'http://www.w3.org/2000/svg';
  for (const text of Array.from(svg.querySelectorAll('text, tspan'))) {
    for (const node of Array.from(text.childNodes)) {
      if (node.nodeType !== 3) continue;
      const value = node.nodeValue ?? '';
      const matches = [...value.matchAll(LAYER_INDEX)];
      if (matches.length === 0) continue;
      let at = 0;
      for (const m of matches) {
        if (m.index > at) text.insertBefore(doc.createTextNode(value.slice(at, m.index)), node);
        const sup = doc.createElementNS(ns, 'tspan');
        sup.setAttribute('baseline-shift', 'super');
        sup.setAttribute('font-size', String(SCRIPT_FONT_SIZE));
        sup.textContent = m[0];
        text.insertBefore(sup, node);
        at = m.index + m[0].length;
      }
      if (at < value.length) text.insertBefore(doc.createTextNode(value.slice(at)), node);
      text.removeChild(node);
    }
  }
}
