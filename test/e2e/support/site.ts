/**
 * The built site for one test file: registers hooks that serve dist/ (at the base path it was built
 * for) before the file's tests, then close the file's browser and the server after them.
 *
 *   const site = serveDist();                 // at the top of the file or of a describe
 *   it('…', async () => { await openPage(`${site.url}guide/`); });
 *
 * Call it before the file's own hooks: after-hooks run in reverse order, so theirs close their pages
 * before the browser goes.
 */
import { afterAll, beforeAll } from 'vitest';
import { closeBrowser } from './browser.ts';
import { distDir, siteBase } from './paths.ts';
import { serveStatic, type StaticServer } from './server.ts';

export function serveDist(): { readonly url: string } {
  let server: StaticServer | undefined;
  beforeAll(async () => {
    server = await serveStatic(distDir, { base: siteBase });
  });
  afterAll(async () => {
    await closeBrowser();
    await server?.close();
  });
  return {
    get url() {
      if (!server) throw new Error('serveDist: the site is served from beforeAll on');
      return server.url;
    },
  };
}
