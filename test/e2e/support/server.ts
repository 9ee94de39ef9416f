/**
 * A tiny static file server for tests (node:http, no dependencies).
 *
 *   const site = await serveStatic(distDir);            // or serveStatic(dir, { base: '/lesson/' })
 *   await page.goto(site.url);                          // http://127.0.0.1:<port>/<base>
 *   await site.close();
 *
 * Behaviour, close to a static host such as GitHub Pages:
 * - listens on 127.0.0.1 on a random free port; serves only under `base` (default '/');
 * - `/dir/` serves `dir/index.html`; `/dir` (a directory) redirects 301 to `/dir/`;
 *   `/page` falls back to `page.html` when that file exists;
 * - misses get status 404 with `<dir>/404.html` as the body if it exists;
 * - GET and HEAD only; never serves files outside `dir`; `Cache-Control: no-store`.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Content-Type for a file name; unknown extensions are application/octet-stream. */
export function mimeType(file: string): string {
  return MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export interface StaticServer {
  /** Site root URL including the base path, always ending in '/': http://127.0.0.1:PORT/base/ */
  url: string;
  /** http://127.0.0.1:PORT */
  origin: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** URL path the directory is mounted at, e.g. '/lesson/'. Default '/'. */
  base?: string;
}

async function fileAt(path: string): Promise<'file' | 'dir' | null> {
  try {
    const s = await stat(path);
    return s.isFile() ? 'file' : s.isDirectory() ? 'dir' : null;
  } catch {
    return null;
  }
}

export async function serveStatic(dir: string, options: ServeOptions = {}): Promise<StaticServer> {
  const root = resolve(dir);
  let base = options.base ?? '/';
  if (!base.startsWith('/')) base = `/${base}`;
  if (!base.endsWith('/')) base = `${base}/`;

  const sendFile = (res: ServerResponse, file: string, status: number, head: boolean): void => {
    res.writeHead(status, { 'Content-Type': mimeType(file), 'Cache-Control': 'no-store' });
    if (head) res.end();
    else createReadStream(file).on('error', () => res.destroy()).pipe(res);
  };

  const notFound = async (res: ServerResponse, head: boolean): Promise<void> => {
    const page = join(root, '404.html');
    if ((await fileAt(page)) === 'file') return sendFile(res, page, 404, head);
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(head ? undefined : 'Not found\n');
  };

  const server = createServer((req, res) => {
    void (async () => {
      const head = req.method === 'HEAD';
      if (req.method !== 'GET' && !head) {
        res.writeHead(405, { Allow: 'GET, HEAD' });
        return res.end();
      }
      let pathname: string;
      try {
        pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
      } catch {
        res.writeHead(400);
        return res.end();
      }
      if (`${pathname}/` === base) {
        res.writeHead(301, { Location: base });
        return res.end();
      }
      if (!pathname.startsWith(base) || pathname.includes('\0')) return notFound(res, head);

      const rel = pathname.slice(base.length);
      const target = resolve(root, `.${sep}${rel}`);
      if (target !== root && !target.startsWith(root + sep)) return notFound(res, head);

      const kind = await fileAt(target);
      if (kind === 'file') return sendFile(res, target, 200, head);
      if (kind === 'dir') {
        if (!pathname.endsWith('/')) {
          const url = req.url ?? '';
          const query = url.includes('?') ? url.slice(url.indexOf('?')) : '';
          res.writeHead(301, { Location: `${pathname}/${query}` });
          return res.end();
        }
        const index = join(target, 'index.html');
        if ((await fileAt(index)) === 'file') return sendFile(res, index, 200, head);
        return notFound(res, head);
      }
      if (!pathname.endsWith('/') && (await fileAt(`${target}.html`)) === 'file') {
        return sendFile(res, `${target}.html`, 200, head);
      }
      return notFound(res, head);
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}${base}`,
    origin,
    close: () =>
      new Promise<void>((ok, fail) => {
        server.closeAllConnections();
        server.close((err) => (err ? fail(err) : ok()));
      }),
  };
}
