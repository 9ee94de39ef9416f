/**
 * axe-core on every kind of page, in the light and the dark colour scheme: the index, both
 * lessons and the authoring guide, with their figures and explorers in their default state
 * (scripts loaded and explorers wired, nothing clicked), and the search dialog showing results. WCAG 2.1 A/AA plus axe's best practices;
 * a failure prints each violation with the selectors of the offending nodes.
 */
import { describe, expect, it } from 'vitest';
import { runAxe, formatViolations } from './support/axe.ts';
import { openPage } from './support/browser.ts';
import { LESSON_PATH } from './support/island.ts';
import { openSearch } from './support/search.ts';
import { serveDist } from './support/site.ts';

const PAGES = [
  { name: 'index', path: '' },
  { name: 'lesson list', path: 'lessons/' },
  { name: 'first lesson', path: LESSON_PATH },
  { name: 'He initialization lesson', path: 'lessons/he-initialization/' },
  { name: 'remedies lesson', path: 'lessons/beyond-initialization/' },
  { name: 'authoring guide', path: 'guide/' },
];
const SCHEMES = ['light', 'dark'] as const;

describe('accessibility (axe-core)', () => {
  const site = serveDist();

  for (const page of PAGES) {
    for (const colorScheme of SCHEMES) {
      it(`${page.name}, ${colorScheme}: no violations`, async () => {
        const opened = await openPage(`${site.url}${page.path}`, { colorScheme, waitUntil: 'load' });
        try {
          // Default state: every explorer has wired its controls; no interaction.
          await opened.page.waitForFunction(
            () => [...document.querySelectorAll<HTMLElement>('.explorer')].every((e) => e.dataset.ready === 'true'),
            null, { timeout: 60_000, polling: 100 },
          );
          const violations = await runAxe(opened.page);
          expect(violations, `${page.name} (${colorScheme}):\n${formatViolations(violations)}`).toEqual([]);
        } finally {
          await opened.close();
        }
      });
    }
  }

  for (const colorScheme of SCHEMES) {
    it(`search dialog with results, ${colorScheme}: no violations`, async () => {
      const opened = await openPage(`${site.url}guide/`, { colorScheme, waitUntil: 'load' });
      try {
        expect(await openSearch(opened.page, 'shortcut')).toBe(true);
        await opened.page.keyboard.type('initialization');
        await opened.page.waitForSelector('pagefind-modal a.pf-result-link', { timeout: 30_000 });
        const violations = await runAxe(opened.page);
        expect(violations, `search dialog (${colorScheme}):\n${formatViolations(violations)}`).toEqual([]);
      } finally {
        await opened.close();
      }
    });
  }
});
