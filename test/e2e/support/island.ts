/**
 * Opening the lesson page at an explorer island, shared by the islands' browser tests.
 *
 *   const opened = await openIsland(site.url, 'deep-linear-explorer', '?deep-linear.a=0.5');
 */
import { openPage, type OpenedPage, type OpenPageOptions } from './browser.ts';

/** The lesson that hosts the explorer islands. */
export const LESSON_PATH = 'lessons/vanishing-exploding-gradients/';

/**
 * Opens the lesson with query `search`, optionally scrolls `island` (a tag name) into view, and
 * waits until the island's element has wired its controls (data-ready="true").
 */
export async function openIsland(siteUrl: string, island: string, search = '', options: OpenPageOptions & { scroll?: boolean } = {}): Promise<OpenedPage> {
  const { scroll = true, ...pageOptions } = options;
  const opened = await openPage(`${siteUrl}${LESSON_PATH}${search}`, { viewport: { width: 1280, height: 900 }, ...pageOptions });
  if (scroll) await opened.page.locator(island).scrollIntoViewIfNeeded();
  await opened.page.waitForSelector(`${island}[data-ready="true"]`);
  return opened;
}
