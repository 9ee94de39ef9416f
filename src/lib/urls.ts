/**
 * Site URLs that respect the deploy base path (GitHub Pages serves forks at /<repo>/).
 * Every internal link and asset reference in layouts, pages and components goes through `url()`.
 */

/** Whether `path` has a scheme (`https:`, `mailto:`) or is protocol-relative (`//host`). */
const isAbsolute = (path: string) => /^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//');

/** Joins a base path and a site-relative path with exactly one slash between them. */
export function joinBase(base: string, path: string): string {
  if (isAbsolute(path)) {
    throw new Error(`url(): "${path}" is an absolute URL; pass a site-relative path such as "/lessons/"`);
  }
  const prefix = `/${base.replace(/^\/+|\/+$/g, '')}`.replace(/^\/$/, '');
  const rest = path.replace(/^\/+/, '');
  return `${prefix}/${rest}`;
}

/**
 * `url('/lessons/intro/')` → `/some-repo/lessons/intro/` when built with BASE_PATH=/some-repo/.
 * Hash-only and query-only references are returned untouched; absolute URLs to the same
 * origin as `site` are reduced to their path; URLs to other origins throw.
 */
export function url(path: string, base: string = import.meta.env.BASE_URL, site: string | undefined = import.meta.env.SITE): string {
  if (path.startsWith('#') || path.startsWith('?')) return path;
  if (isAbsolute(path)) {
    const target = new URL(path, 'https://invalid.example');
    if (site && target.origin === new URL(site).origin) {
      const basePath = joinBase(base, '');
      const inside = target.pathname.startsWith(basePath) ? target.pathname.slice(basePath.length - 1) : target.pathname;
      return joinBase(base, inside) + target.search + target.hash;
    }
    throw new Error(`url(): "${path}" points to another origin; use a plain <a href> for external links`);
  }
  return joinBase(base, path);
}
