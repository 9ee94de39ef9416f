/**
 * Computed once: the build-time memo (one training per kind and settings for the life of the build
 * or dev server) and the lesson dataset (once per build, once per page).
 */
import { planar, type Dataset } from '../engine/index.ts';

// Build-time memo: every figure of a page (and every page, and every dev-server request) shares one
// training per kind and settings.
const built = new Map<string, unknown>();
const buildData = new Map<string, Dataset>();

/**
 * `compute()` once per `kind` and `settings` (compared as JSON) for the life of the build or dev
 * server; later calls return the same value, so callers must treat it as read-only.
 */
export function buildOnce<T>(kind: string, settings: unknown, compute: () => T): T {
  const key = `${kind}:${JSON.stringify(settings)}`;
  if (!built.has(key)) built.set(key, compute());
  return built.get(key) as T;
}

/** The planar dataset with default parameters (what every lesson experiment trains on), generated once. */
export function lessonData(): Dataset {
  let data = buildData.get('planar');
  if (!data) {
    data = planar.generate();
    buildData.set('planar', data);
  }
  return data;
}
