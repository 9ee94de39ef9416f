/**
 * Renders the project's .astro components in a unit test with Astro's Container API.
 *
 * The unit project's Vite config has no Astro compiler, so this starts a small Vite server in
 * middleware mode with Astro's own Vite config (`getViteConfig`, which reads astro.config.mjs) and
 * loads both the container and the components through it, so they share one Astro runtime.
 * One server per test file: `const astro = useAstroRenderer();` starts it before the file's tests and
 * closes it after them.
 */
import { parseHTML } from 'linkedom';
import { createServer, type ViteDevServer } from 'vite';
import { getViteConfig } from 'astro/config';
import { afterAll, beforeAll } from 'vitest';

export interface Rendered {
  /** The HTML string. */
  readonly html: string;
  /** The HTML parsed into a document fragment, for queries. */
  readonly root: ParentNode;
}

interface AstroRenderer {
  /** Renders the public component <name> (exported by src/components/index.ts) with props and an optional default slot (HTML). */
  render(name: string, props?: Record<string, unknown>, slot?: string): Promise<Rendered>;
  close(): Promise<void>;
}

async function createAstroRenderer(): Promise<AstroRenderer> {
  const config = await getViteConfig(
    { server: { middlewareMode: true, hmr: false, ws: false }, appType: 'custom', logLevel: 'error', clearScreen: false },
    { logLevel: 'error', devToolbar: { enabled: false } },
  )({ mode: 'test', command: 'serve' });
  const server: ViteDevServer = await createServer({ ...config, configFile: false });
  const { experimental_AstroContainer } = await server.ssrLoadModule('astro/container');
  const container = await experimental_AstroContainer.create();
  return {
    async render(name, props = {}, slot) {
      const component = (await server.ssrLoadModule('/src/components/index.ts'))[name];
      const html: string = await container.renderToString(component, { props, slots: slot === undefined ? {} : { default: slot } });
      const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
      return { html, root: document.body };
    },
    close: () => server.close(),
  };
}

/** The calling test file's renderer: started in `beforeAll` (Vite takes a while), closed in `afterAll`. */
export function useAstroRenderer(): Pick<AstroRenderer, 'render'> {
  let astro: AstroRenderer | undefined;
  beforeAll(async () => {
    astro = await createAstroRenderer();
  }, 120_000);
  afterAll(() => astro?.close());
  return { render: (...args) => astro!.render(...args) };
}
