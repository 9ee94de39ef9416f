/**
 * Search terms taken from the built pages themselves, so the search test follows the lessons
 * as they are written: for each page Pagefind indexes (data-pagefind-body), the word of 8+
 * letters that it uses most often and whose first 7 letters start no word of another indexed page
 * (Pagefind stems words, so "experiments" would also find "experiment" elsewhere).
 *
 *   const terms = distinctiveTerms(distDir);   // [{ page: 'lessons/x/', term: 'residual' }, …]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { listFiles } from '../../../src/lib/files.ts';
import { EXCLUDED } from '../../../src/search/integration.ts';

export interface PageTerm {
  /** Page path relative to the site root, ending in '/'. */
  page: string;
  term: string;
}

/** The indexed text of one built page: its data-pagefind-body without what the index leaves out. */
export function indexedText(html: string): string {
  // A space before every tag, so table cells and list items do not run together as one word.
  const { document } = parseHTML(html.replace(/</g, ' <'));
  const body = document.querySelector('[data-pagefind-body]');
  if (!body) return '';
  for (const e of body.querySelectorAll(EXCLUDED.join(','))) e.remove();
  return body.textContent ?? '';
}

/** One distinctive term per indexed page of the built site in `dir`. */
export function distinctiveTerms(dir: string): PageTerm[] {
  const pages = listFiles(dir)
    .filter((f) => f.endsWith('index.html'))
    .map((f) => ({ page: f.replace(/index\.html$/, ''), text: indexedText(readFileSync(join(dir, f), 'utf8')) }))
    .filter((p) => p.text.trim().length > 0);
  const counts = pages.map((p) => {
    const m = new Map<string, number>();
    for (const w of p.text.toLowerCase().match(/\b[a-z]{8,}\b/g) ?? []) m.set(w, (m.get(w) ?? 0) + 1);
    return m;
  });
  const stems = pages.map((p) => new Set((p.text.toLowerCase().match(/\b[a-z]{7,}/g) ?? []).map((w) => w.slice(0, 7))));
  return pages.map((p, i) => {
    const own = [...counts[i]].filter(([w]) => stems.every((st, j) => j === i || !st.has(w.slice(0, 7))));
    own.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    if (own.length === 0) throw new Error(`distinctiveTerms: ${p.page} shares all its words with other pages`);
    return { page: p.page, term: own[0][0] };
  });
}
