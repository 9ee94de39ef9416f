/**
 * Where tests write screenshots and other artifacts: test-artifacts/ at the
 * repo root (gitignored), created on demand.
 *
 *   await page.screenshot({ path: artifactPath('home-dark.png'), fullPage: true });
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { repoRoot } from './paths.ts';

export const artifactsDir = join(repoRoot, 'test-artifacts');

/** Absolute path for `name` (may contain sub-folders) under test-artifacts/; parent dirs are created. */
export function artifactPath(name: string): string {
  const path = resolve(artifactsDir, name);
  const rel = relative(artifactsDir, path);
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) throw new Error(`artifactPath: ${name} is outside test-artifacts/`);
  mkdirSync(dirname(path), { recursive: true });
  return path;
}
