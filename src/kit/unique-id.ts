/**
 * Ids for aria-labelledby/aria-describedby inside components that may appear several times on a
 * page. A module-level counter: unique within a build (and a page), readable in the HTML.
 */
let counter = 0;

/** A fresh id such as "deep-network-3-title". */
export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}
