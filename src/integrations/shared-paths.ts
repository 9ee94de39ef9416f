/**
 * Post-build: path data drawn in several prerendered charts of one page is written once. The
 * lessons draw the same flower data set in the same frame in many figures (every "actual classes"
 * panel, every decision boundary's points), each a few KB of identical path data. The first copy
 * goes into one hidden sprite <svg> at the top of <body>; each chart then draws it with
 * <use href="#shared-path-k">, keeping the path's own attributes (its id stays, so a chart's
 * own <use> of it still resolves). Same-document references work without JavaScript and in print;
 * live charts replace their svg and never refer to the sprite. kit/export.ts copies a referenced
 * sprite path into an exported SVG.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { listFiles } from '../lib/files.ts';
import { idsIn } from './unique-ids.ts';

/** Shorter path data stays in place: a <use> and its sprite entry cost about 60 bytes. */
export const MIN_SHARED_LENGTH = 200;

/** Class of the sprite svg (also styled nowhere: its size attributes keep it out of layout). */
export const SPRITE_CLASS = 'shared-paths';

// An empty <path …> (self-closed or closed at once) whose d is at least MIN_SHARED_LENGTH characters; a path with children stays.
const PATH = new RegExp(`<path\\b([^>]*?)\\sd="([^"]{${MIN_SHARED_LENGTH},})"([^>]*?)(?:\\s*/>|></path>)`, 'g');

export interface SharedPaths {
  readonly html: string;
  /** Distinct path data moved to the sprite. */
  readonly shared: number;
  /** Bytes (UTF-8) the page got smaller by; 0 when nothing repeats. */
  readonly saved: number;
}

/**
 * `html` with every path data string of MIN_SHARED_LENGTH or more characters that appears in two or
 * more <path> elements written once, in a sprite svg right after <body>. Pages without a repeat
 * (or without <body>) come back unchanged. Ids are `shared-path-1`, … skipping any the page uses.
 */
export function sharePaths(html: string): SharedPaths {
  const counts = new Map<string, number>();
  for (const m of html.matchAll(PATH)) counts.set(m[2], (counts.get(m[2]) ?? 0) + 1);
  const repeated = [...counts].filter(([, n]) => n > 1).map(([d]) => d);
  const body = /<body\b[^>]*>/.exec(html);
  if (repeated.length === 0 || !body) return { html, shared: 0, saved: 0 };
  const taken = new Set(idsIn(html));
  const ids = new Map<string, string>();
  let k = 0;
  for (const d of repeated) {
    while (taken.has(`shared-path-${++k}`));
    ids.set(d, `shared-path-${k}`);
  }
  const sprite =
    `<svg class="${SPRITE_CLASS}" aria-hidden="true" focusable="false" width="0" height="0" style="position:absolute">` +
    `<defs>${[...ids].map(([d, id]) => `<path id="${id}" d="${d}"/>`).join('')}</defs></svg>`;
  const rewritten = html.replace(PATH, (tag, before: string, d: string, after: string) => {
    const id = ids.get(d);
    return id ? `<use${before} href="#${id}"${after}/>` : tag;
  });
  const at = body.index + body[0].length;
  const out = rewritten.slice(0, at) + sprite + rewritten.slice(at);
  return { html: out, shared: ids.size, saved: Buffer.byteLength(html) - Buffer.byteLength(out) };
}

export default function sharedPaths(): AstroIntegration {
  return {
    name: 'shared-paths',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        let saved = 0;
        for (const page of listFiles(out).filter((f) => f.endsWith('.html'))) {
          const file = join(out, page);
          const result = sharePaths(readFileSync(file, 'utf8'));
          if (result.shared === 0) continue;
          writeFileSync(file, result.html);
          saved += result.saved;
        }
        logger.info(`wrote repeated chart paths once per page: ${Math.round(saved / 1024)} KB smaller in all`);
      },
    },
  };
}
