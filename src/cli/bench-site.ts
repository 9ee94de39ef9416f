/**
 * `npm run bench`'s site section: cold and warm `astro build` times, the HTML size of each built
 * page, what a reader waits for in Chromium (see bench-browser.ts), and the dev server's first
 * lesson request with a warm run cache. Builds go to a temporary directory (dist/ is left alone).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RUN_CACHE_PATH } from '../prerender/run-cache.ts';
import { launchBrowser, lessonTiming, type LessonTiming } from './bench-browser.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'node_modules', '.bin');
/** The build-time run cache; removed for a cold build. */
const RUN_CACHE_DIR = join(root, RUN_CACHE_PATH);

const load = () => `load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`;
const ms = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${Math.round(x)} ms`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', ...extra };
  delete e.BASE_PATH;
  return e;
}

/** Runs `astro build` into `outDir`; resolves with the wall-clock ms. @throws if the build fails. */
function timedBuild(outDir: string): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(join(bin, 'astro'), ['build'], { cwd: root, env: env({ OUT_DIR: outDir }), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('close', (code) => (code === 0 ? resolve(performance.now() - t0) : reject(new Error(`astro build failed:\n${output.slice(-2000)}`))));
  });
}

/** A TCP port free on 127.0.0.1 right now (the system picks it), so the bench never times another program's server. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Starts `astro <command>` on a free port and waits until it answers. @returns the process and its origin. */
async function startServer(command: 'preview' | 'dev', outDir?: string): Promise<{ child: ChildProcess; origin: string }> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(join(bin, 'astro'), [command, '--port', String(port), '--host', '127.0.0.1'], {
    cwd: root, env: env(outDir ? { OUT_DIR: outDir } : {}), stdio: 'ignore', detached: true,
  });
  // A public file: answering it touches no page, so the first page request below is still the first.
  for (let i = 0; i < 600; i++) {
    const ok = await fetch(`${origin}/favicon.svg`).then((r) => r.ok, () => false);
    if (ok) return { child, origin };
    await new Promise((r) => setTimeout(r, 100));
  }
  stopServer(child);
  throw new Error(`astro ${command} did not answer on ${origin}`);
}

/** A lesson page (not the /lessons/ list). */
const isLesson = (path: string) => path.startsWith('/lessons/') && path !== '/lessons/';

function stopServer(child: ChildProcess): void {
  if (child.pid) process.kill(-child.pid, 'SIGTERM');
}

/** Every built page: its URL path and its HTML size in bytes. */
function pages(outDir: string): { path: string; bytes: number }[] {
  const found: { path: string; bytes: number }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (name.endsWith('.html')) found.push({ path: `/${relative(outDir, file).replace(/index\.html$/, '')}`, bytes: statSync(file).size });
    }
  };
  walk(outDir);
  return found.sort((a, b) => a.path.localeCompare(b.path));
}

function printLesson(t: LessonTiming): void {
  console.log(`  ${t.path}`);
  console.log(`    DOMContentLoaded: ${t.domContentLoaded.map(ms).join(', ')}`);
  const f = t.firstFigure;
  console.log(f ? `    first figure (${f.kind}): first live frame ${ms(f.firstFrame)}, done ${ms(f.done)} after it scrolls into view` : '    first figure: none');
  if (f && f.experiments.length > 0) {
    const done = f.experiments.filter((e) => e.done !== null);
    const waiting = f.experiments.filter((e) => e.done === null).map((e) => e.id);
    console.log(`      experiments done, from the same moment: ${done.map((e) => `${e.id} ${ms(e.done)}`).join(', ') || 'none'}${waiting.length ? `; not done after 5 s (not started until scrolled near): ${waiting.join(', ')}` : ''}`);
  }
  console.log(`    reading (scroll through, every live figure done at ${ms(t.readingAllDone)}): longest task ${ms(t.readingLongestTask)}, ${t.readingTasksOver50} task(s) over 50 ms; most CPU in one task ${ms(t.readingLongestTaskCpu)}`);
  for (const e of t.explorers) {
    const t = e.training;
    console.log(`    explorer #${e.id}: first live chart ${e.firstFrame === null ? 'none in 5 s (it shows its prerender until a control changes)' : `${ms(e.firstFrame)} after it scrolls into view`}`);
    console.log(`      longest task when it starts ${ms(e.longestTask)}; while it trains ${ms(t.longestTask)}, ${t.over50} task(s) over 50 ms (${t.seconds === null ? 'still playing after the wait' : `stopped ${t.seconds.toFixed(1)} s after scrolling into view`})`);
    console.log(`      most CPU time in one task over that time: ${ms(t.longestTaskCpu)} (wall-clock above includes waiting for a core)`);
    const l = e.landing;
    console.log(`      landing from a link (#${e.id}), load to 5 s after: longest task ${ms(l.longestTask)}, ${l.over50} task(s) over 50 ms; most CPU in one task ${ms(l.longestTaskCpu)}`);
    for (const c of e.controls) console.log(`      control → paint ${ms(c.ms).padStart(7)}  ${c.label}`);
  }
}

export interface SiteBenchOptions {
  /** Measure dist/ as built, without the build and dev timings. */
  readonly noBuild: boolean;
  /** Time in Chromium only the lesson pages whose path contains this (default: every lesson). */
  readonly lesson?: string;
}

/** Runs and prints the site section. */
export async function benchSite(options: SiteBenchOptions): Promise<void> {
  console.log(`\nSite (${load()} at start)`);
  let outDir = join(root, 'dist');
  let tmp: string | undefined;
  if (!options.noBuild) {
    tmp = mkdtempSync(join(tmpdir(), 'vg-bench-'));
    outDir = tmp;
    rmSync(RUN_CACHE_DIR, { recursive: true, force: true });
    const cold = await timedBuild(outDir);
    console.log(`  cold build (no run cache): ${(cold / 1000).toFixed(1)} s  (${load()})`);
    const warm = await timedBuild(outDir);
    console.log(`  warm build (second build): ${(warm / 1000).toFixed(1)} s  (${load()})`);
  }
  const built = pages(outDir);
  console.log('  HTML size of each page (raw):');
  for (const p of built) console.log(`    ${kb(p.bytes).padStart(8)}  ${p.path}`);

  const server = await startServer('preview', outDir);
  const browser = await launchBrowser();
  try {
    console.log(`  In Chromium (1280×800), served by astro preview (${load()}):`);
    const lessons = built.filter((x) => isLesson(x.path) && x.path.includes(options.lesson ?? ''));
    for (const p of lessons) printLesson(await lessonTiming(browser, `${server.origin}${p.path}`, p.path));
  } finally {
    await browser.close();
    stopServer(server.child);
  }

  if (!options.noBuild) {
    await new Promise((r) => setTimeout(r, 1000));
    const dev = await startServer('dev');
    try {
      const lesson = built.filter((p) => isLesson(p.path)).sort((a, b) => b.bytes - a.bytes)[0]?.path ?? '/';
      const t0 = performance.now();
      const res = await fetch(`${dev.origin}${lesson}`);
      await res.text();
      console.log(`  warm dev server, first request of ${lesson}: ${ms(performance.now() - t0)} (HTTP ${res.status}; ${load()})`);
    } finally {
      stopServer(dev.child);
    }
  }
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}
