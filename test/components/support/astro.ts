/**
 * Renders the project's .astro components in a unit test with Astro's Container API.
 *
 * The unit project's Vite config has no Astro compiler, so this starts a small Vite server in
 * middleware mode with Astro's own Vite config (`getViteConfig`, which reads astro.config.mjs) and
 * loads both the container and the components through it, so they share one Astro runtime.
 * One server per test file: create it in `beforeAll`, close it in `afterAll`.
 */
import { parseHTML } from 'linkedom';
import { createServer, type ViteDevServer } from 'vite';
import { getViteConfig } from 'astro/config';

export interface Rendered {
  /** The HTML string. */
  readonly html: string;
  /** The HTML parsed into a document fragment, for queries. */
  readonly root: ParentNode;
}

export interface AstroRenderer {
  /** Renders src/components/<name>.astro with props and an optional default slot (HTML). */
  render(name: string, props?: Record<string, unknown>, slot?: string): Promise<Rendered>;
  /** Loads a module through the same server (e.g. '/src/components/props.ts'). */
  load<T = Record<string, unknown>>(path: string): Promise<T>;
  close(): Promise<void>;
}

export async function createAstroRenderer(): Promise<AstroRenderer> {
  const config = await getViteConfig(
    { server: { middlewareMode: true, hmr: false, ws: false }, appType: 'custom', logLevel: 'error', clearScreen: false },
    { logLevel: 'error', devToolbar: { enabled: false } },
  )({ mode: 'test', command: 'serve' });
  const server: ViteDevServer = await createServer({ ...config, configFile: false });
  const { experimental_AstroContainer } = await server.ssrLoadModule('astro/container');
  const container = await experimental_AstroContainer.create();
  return {
    async render(name, props = {}, slot) {
      const component = (await server.ssrLoadModule(`/src/components/${name}.astro`)).default;
      const html: string = await container.renderToString(component, { props, slots: slot === undefined ? {} : { default: slot } });
      const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
      return { html, root: document.body };
    },
    load: (path) => server.ssrLoadModule(path) as never,
    close: () => server.close(),
  };
}
