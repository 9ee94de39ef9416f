/**
 * Astro integration for the prerender's side files: each build stages its CSV tables
 * (csv-tables.ts) in a fresh temporary folder and copies them beside the built pages; the dev
 * server serves them from the dev staging folder.
 */
import { cpSync, createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { stagingDir, STAGING_ENV } from './csv-tables.ts';

export default function prerenderFiles(): AstroIntegration {
  let base = '/';
  let staging: string | undefined;
  return {
    name: 'prerender-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:start': () => {
        staging = mkdtempSync(join(tmpdir(), 'vg-csv-'));
        process.env[STAGING_ENV] = staging;
      },
      'astro:build:done': ({ dir, logger }) => {
        if (!staging) return;
        if (existsSync(staging)) cpSync(staging, fileURLToPath(dir), { recursive: true });
        logger.info('copied the CSV tables beside their pages');
        rmSync(staging, { recursive: true, force: true });
        delete process.env[STAGING_ENV];
        staging = undefined;
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const path = decodeURIComponent((req.url ?? '').split('?')[0]);
          if (!path.endsWith('.csv') || !path.startsWith(base)) return next();
          const root = stagingDir();
          const file = normalize(join(root, path.slice(base.length)));
          if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) return next();
          res.writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8' });
          createReadStream(file).pipe(res);
        });
      },
    },
  };
}
