/**
 * Lets plain `tsc` type-check .ts files that import .astro components (src/components/index.ts).
 * Astro's editor plugin and `astro check` resolve .astro files to their real types, which take
 * precedence over this wildcard; plain tsc only sees this fallback.
 */
declare module '*.astro' {
  import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
  const Component: AstroComponentFactory;
  export default Component;
}
