/**
 * Wraps @astrojs/mdx's compile step (its Vite plugin, not the parser) so that MDX syntax errors
 * for common author mistakes carry file:line:column at the offending character and a one-line fix,
 * in `astro build` and in the `astro dev` terminal alike. See src/markdown/mdx-error-hints.ts.
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { isMdxSyntaxError, teach } from '../markdown/mdx-error-hints.ts';

const MDX_PLUGIN = '@mdx-js/rolldown';
const WRAPPED = Symbol.for('vg.mdx-errors.wrapped');

type Handler = (this: unknown, code: string, id: string, ...rest: unknown[]) => unknown;
interface VitePlugin {
  name: string;
  transform?: Handler | { handler: Handler; filter?: unknown };
}

/** Rewrites an MDX syntax error in place (message, line, column, loc); other errors pass through. */
export function rewriteMdxError(error: unknown, code: string, id: string, root: string): unknown {
  if (!isMdxSyntaxError(error)) return error;
  const file = relative(root, id.split('?')[0]);
  const taught = teach(error, code, file);
  const e = error as Error & { line?: number; column?: number; reason?: string; loc?: object; place?: unknown };
  e.message = taught.message;
  e.reason = taught.message;
  e.line = taught.line;
  e.column = taught.column;
  e.place = { line: taught.line, column: taught.column };
  e.loc = { file: id, line: taught.line, column: taught.column };
  return e;
}

function wrap(plugin: VitePlugin, root: string): void {
  const t = plugin.transform;
  if (!t || (t as unknown as Record<symbol, boolean>)[WRAPPED]) return;
  const original = typeof t === 'function' ? t : t.handler;
  const handler: Handler = async function (this: unknown, code, id, ...rest) {
    try {
      return await original.call(this, code, id, ...rest);
    } catch (error) {
      throw rewriteMdxError(error, code, id, root);
    }
  };
  plugin.transform = typeof t === 'function' ? handler : { ...t, handler };
  (plugin.transform as unknown as Record<symbol, boolean>)[WRAPPED] = true;
}

export default function mdxErrors(): AstroIntegration {
  return {
    name: 'mdx-errors',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        const root = fileURLToPath(config.root);
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'vg:mdx-errors',
                configResolved(resolved: { plugins: readonly object[] }) {
                  for (const p of resolved.plugins as VitePlugin[]) if (p.name === MDX_PLUGIN) wrap(p, root);
                },
              },
            ],
          },
        });
      },
    },
  };
}
