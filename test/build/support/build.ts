/**
 * Helpers for build tests: copy the project to a temp dir and run `astro build` there.
 * Copies get their own node_modules *directory* of per-package symlinks, so Astro's caches
 * (node_modules/.astro, .vite) are private to the copy and never touch the real project; only the
 * build-time run cache (node_modules/.cache/vg-runs) is shared, so copies do not train again.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RUN_CACHE_PATH } from '../../../src/prerender/run-cache.ts';

export const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));

const SKIP_TOP_LEVEL = new Set(['node_modules', 'dist', '.astro', '.git', 'test-artifacts', 'test']);
const NOT_SHARED = new Set(['.astro', '.vite', '.cache']);

export interface BuildResult {
  code: number | null;
  /** stdout and stderr together, without colour codes. */
  output: string;
}

/** Copies the project (minus build output, caches and tests) into a fresh temp dir. */
export function copyProject(prefix = 'vg-build-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(projectRoot, dir, {
    recursive: true,
    filter: (source) => {
      const rel = source.slice(projectRoot.length).replace(/^\/+/, '');
      const top = rel.split('/')[0];
      return !(SKIP_TOP_LEVEL.has(top) || top.startsWith('dist-'));
    },
  });
  const modules = join(dir, 'node_modules');
  mkdirSync(modules);
  for (const name of readdirSync(join(projectRoot, 'node_modules'))) {
    if (!NOT_SHARED.has(name)) symlinkSync(join(projectRoot, 'node_modules', name), join(modules, name));
  }
  // The build-time run cache is shared: entries are keyed by their sources, so a copy reads only what it would train.
  const runs = join(projectRoot, RUN_CACHE_PATH);
  mkdirSync(runs, { recursive: true });
  mkdirSync(dirname(join(dir, RUN_CACHE_PATH)), { recursive: true });
  symlinkSync(runs, join(dir, RUN_CACHE_PATH));
  return dir;
}

export function removeDir(dir: string | undefined): void {
  if (dir && basename(dir).startsWith('vg-')) rmSync(dir, { recursive: true, force: true });
}

/** Runs `astro build` in `cwd` with Node 22 from node_modules/.bin first on PATH. */
export function astroBuild(cwd: string, env: Record<string, string> = {}): Promise<BuildResult> {
  const bin = join(cwd, 'node_modules', '.bin');
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${bin}:${process.env.PATH ?? ''}`,
    FORCE_COLOR: '0',
    NO_COLOR: '1',
    ASTRO_TELEMETRY_DISABLED: '1',
    ...env,
  };
  // Vitest exports import.meta.env as process.env (NODE_ENV=test, DEV=1, BASE_URL=/, ...);
  // Astro would read them back, building drafts and ignoring the base path.
  for (const key of ['NODE_ENV', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'TEST', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID']) {
    delete childEnv[key];
  }
  for (const key of ['BASE_PATH', 'SITE_URL', 'OUT_DIR'] as const) if (!(key in env)) delete childEnv[key];
  return new Promise((resolve, reject) => {
    const child = spawn(join(bin, 'astro'), ['build'], { cwd, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output: output.replace(/\x1b\[[0-9;]*m/g, '') }));
  });
}

/** A project copy whose content/lessons holds only the given fixture lessons (file name → text). */
export function copyWithLessons(lessons: Record<string, string>, prefix?: string): string {
  const dir = copyProject(prefix);
  const folder = join(dir, 'content/lessons');
  mkdirSync(folder, { recursive: true });
  for (const name of readdirSync(folder)) rmSync(join(folder, name), { recursive: true });
  for (const [name, text] of Object.entries(lessons)) writeFileSync(join(folder, name), text);
  return dir;
}

/** Builds `project` with extra lesson files (file name → text), then removes them again. */
export async function buildWithLessons(project: string, lessons: Record<string, string>): Promise<BuildResult> {
  const files = Object.entries(lessons).map(([name, text]) => {
    const file = join(project, 'content/lessons', name);
    writeFileSync(file, text);
    return file;
  });
  try {
    return await astroBuild(project);
  } finally {
    for (const file of files) rmSync(file);
  }
}

/** Builds `project` with one extra lesson file, then removes the file again. */
export const buildWithLesson = (project: string, fileName: string, text: string): Promise<BuildResult> => buildWithLessons(project, { [fileName]: text });
