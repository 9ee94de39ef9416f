/**
 * A reader using the site search with the keyboard only: from the home page, open the search
 * dialog (Tab to the Search button and Enter, or the "/" shortcut), type a term, arrow down to the
 * result for the expected page, press Enter and land there.
 *
 *   const landed = await searchAndLand(site.url, 'jacobian', '/base/lessons/x/', { open: 'tab' });
 *   expect(landed.problems).toEqual([]);
 */
import type { Page } from 'playwright-core';
import { openPage } from './browser.ts';

export interface Landing {
  /** The URL landed on ('' if none). */
  url: string;
  /** How many pages the search reported. */
  results: number;
  /** What went wrong, in words; empty when the reader landed on the page and it shows the term. */
  problems: string[];
}

/** Opens Pagefind's dialog from the keyboard; returns false if the search field never got focus. */
export async function openSearch(page: Page, how: 'tab' | 'shortcut'): Promise<boolean> {
  await page.waitForSelector('pagefind-modal-trigger button', { timeout: 30_000 });
  if (how === 'shortcut') await page.keyboard.press('/');
  else {
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => !!document.activeElement?.closest('pagefind-modal-trigger'))) break;
    }
    await page.keyboard.press('Enter');
  }
  return page.waitForFunction(() => document.activeElement?.matches('pagefind-modal input[type=search]'), null, { timeout: 10_000 })
    .then(() => true, () => false);
}

export async function searchAndLand(siteUrl: string, term: string, pathname: string, opts: { open: 'tab' | 'shortcut' }): Promise<Landing> {
  const { page, consoleErrors, externalRequests, close } = await openPage(siteUrl, {
    beforeGoto: async (p) => {
      await p.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { __csp: string[] }).__csp = seen;
        document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'}`));
      });
    },
  });
  const problems: string[] = [];
  try {
    if (!(await openSearch(page, opts.open))) return { url: '', results: 0, problems: [`${opts.open}: the search field did not get focus`] };
    await page.keyboard.type(term, { delay: 40 });
    const link = `pagefind-modal a.pf-result-link[href^="${pathname}"]`;
    await page.waitForSelector(link, { timeout: 30_000 }).catch(() => problems.push(`no result links to ${pathname}`));
    const results = await page.locator('pagefind-modal a.pf-result-link').count();
    const violations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
    problems.push(...violations.map((v) => `CSP: ${v}`));
    if (problems.length > 0) return { url: '', results, problems };
    // Arrow down through the results until the page's own result is selected, then Enter.
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('ArrowDown');
      const href = await page.evaluate(() => document.activeElement?.getAttribute('href') ?? '');
      if (href.startsWith(pathname) && !href.includes('#')) break;
    }
    await Promise.all([page.waitForURL((u) => u.pathname === pathname, { timeout: 30_000 }), page.keyboard.press('Enter')])
      .catch(() => problems.push(`Enter did not land on ${pathname} (at ${page.url()})`));
    const url = page.url();
    // The term is in an element a reader sees (not hidden), wherever it is: innerText would leave
    // out blocks that content-visibility skips until the reader scrolls to them.
    const shown = await page.evaluate((t) => [...document.querySelectorAll('[data-pagefind-body] *')]
      .some((e) => [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.toLowerCase().includes(t))
        && e.checkVisibility({ visibilityProperty: true, opacityProperty: true })), term).catch(() => false);
    if (!shown) problems.push(`${url} does not show "${term}"`);
    problems.push(...externalRequests.map((r) => `external request ${r}`), ...consoleErrors);
    return { url, results, problems };
  } finally {
    await close();
  }
}
