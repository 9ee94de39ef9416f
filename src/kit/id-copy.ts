/**
 * Copies of live markup (the print copy of an explorer) must keep ids unique on the page, yet
 * still point at their own parts: a chart's clip-path, a label's aria-labelledby. `suffixIds`
 * renames the ids inside a subtree and every reference to them within it.
 */

/** Attributes whose value is a space-separated list of ids (HTML and ARIA). */
const ID_LISTS = new Set(['for', 'headers', 'list', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'aria-activedescendant', 'aria-details', 'aria-errormessage', 'aria-flowto']);
/** Attributes whose value is a fragment link "#id" (SVG <use>, <a>). */
const LINKS = new Set(['href', 'xlink:href']);

/**
 * Appends `suffix` to every id in `root` (root included) and rewrites the references to those ids
 * inside `root`: `url(#id)` in any attribute, `#id` links, and id lists such as aria-labelledby.
 * References to ids outside `root` (e.g. the page's shared-path sprite) are left as they are.
 * @returns the number of ids renamed.
 */
export function suffixIds(root: Element, suffix: string): number {
  const all = [root, ...root.querySelectorAll('*')];
  const renamed = new Map<string, string>();
  for (const el of all) {
    if (!el.id) continue;
    renamed.set(el.id, `${el.id}${suffix}`);
    el.id = `${el.id}${suffix}`;
  }
  if (renamed.size === 0) return 0;
  const rename = (id: string): string => renamed.get(id) ?? id;
  for (const el of all) {
    for (const { name, value } of [...el.attributes]) {
      if (name === 'id') continue;
      let next = value;
      if (ID_LISTS.has(name)) next = value.split(/(\s+)/).map((t) => (t.trim() ? rename(t) : t)).join('');
      else if (LINKS.has(name) && value.startsWith('#')) next = `#${rename(value.slice(1))}`;
      else if (value.includes('url(#')) next = value.replace(/url\(#([^)\s]+)\)/g, (_, id: string) => `url(#${rename(id)})`);
      if (next !== value) el.setAttribute(name, next);
    }
  }
  return renamed.size;
}
