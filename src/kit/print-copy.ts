/**
 * An explorer on paper shows its complete prerendered state, whatever the screen shows: its markup
 * is kept as text when the island starts (no second DOM) and swapped in for printing only.
 */
import { suffixIds } from './id-copy.ts';

/**
 * Keeps the markup of `island`'s `:scope > section` as built; from `beforeprint` to `afterprint` of
 * `win`, a copy of it (class `print-prerender`, ids suffixed "-print") takes the section's place,
 * with `note()`, if any, after its title.
 * @returns what removes the listeners (nothing to remove when the island has no section).
 */
export function keepPrintCopy(island: Element, note: () => Element | null, win: Window = window): () => void {
  const section = island.querySelector(':scope > section');
  if (!section) return () => {};
  const html = section.outerHTML;
  const copy = { el: null as Element | null };
  const before = () => {
    if (copy.el) return;
    const holder = island.ownerDocument.createElement('div');
    holder.innerHTML = html;
    copy.el = holder.firstElementChild;
    if (!copy.el) return;
    copy.el.classList.add('print-prerender');
    const line = note();
    if (line) (copy.el.querySelector('.explorer-title') ?? copy.el.firstChild)?.after(line);
    // Ids stay unique on the page, and the copy's clip-paths and labels point into the copy.
    suffixIds(copy.el, '-print');
    section.classList.add('screen-only');
    section.after(copy.el);
  };
  const after = () => {
    copy.el?.remove();
    copy.el = null;
    section.classList.remove('screen-only');
  };
  win.addEventListener('beforeprint', before);
  win.addEventListener('afterprint', after);
  return () => {
    win.removeEventListener('beforeprint', before);
    win.removeEventListener('afterprint', after);
  };
}

/**
 * The line printed with an island whose reader chose other settings than its build's: it says so,
 * with `address` (the page's URL with those settings and the island's #id), which opens them.
 */
export function otherSettingsNote(doc: Document, address: string): Element {
  const note = doc.createElement('p');
  note.className = 'print-note';
  note.textContent = `On paper, this figure shows the settings it was built with, not those you chose on screen. This address opens it with yours: ${address}`;
  return note;
}
