/**
 * Train once, then remember: the build-time computations of jobs.ts, cached on disk in
 * node_modules/.cache/vg-runs/ (the usual place for tool caches), one file per result, keyed by a
 * hash of the kind, its settings, the dataset and the source files that decide its numbers
 * (`jobSources`). A second build reads every result from disk and trains nothing; a cold build
 * trains in worker threads, one per core, while Astro renders the other components.
 *
 *   const runs = await cachedJob('comparison', settings);
 *
 * Results are shared read-only: callers must not mutate them.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { decode, encode } from './codec.ts';
import { JOB_DATASET, jobInputs, jobs, jobSources, type JobKind, type JobResult, type JobSettings } from './jobs.ts';

/** The cache folder, relative to the project root (the deploy workflow keeps it between deploys). */
export const RUN_CACHE_PATH = 'node_modules/.cache/vg-runs';

/** Bumped when the file format changes. */
const FORMAT = 1;

export interface RunCacheOptions {
  /** Project root: where src/ is read for source hashes and the worker (default: the working directory). */
  readonly root: string;
  /** Cache directory (default `<root>/node_modules/.cache/vg-runs`); null keeps results in memory only. */
  readonly dir: string | null;
  /** Worker threads (default one per core); 0 computes in this thread. */
  readonly workers: number;
}

/** What a cache did, for the build log and tests. */
export interface RunCacheStats {
  /** "kind settings" of every result computed (trained) by this cache, in order. */
  readonly trained: string[];
  /** Results read from disk. */
  fromDisk: number;
  /** Results computed in a worker thread (the others in the calling thread). */
  inWorkers: number;
}

interface Pending {
  resolve(text: string): void;
  reject(error: Error): void;
}

/** A pool of worker threads running jobs.ts; idle workers never keep the process alive. */
class Pool {
  private readonly workers: { worker: Worker; busy: boolean }[] = [];
  private readonly queue: { kind: JobKind; settings: unknown; pending: Pending }[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  constructor(private readonly script: string, private readonly size: number) {}

  run(kind: JobKind, settings: unknown): Promise<string> {
    return new Promise((resolve, reject) => {
      this.queue.push({ kind, settings, pending: { resolve, reject } });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = this.workers.find((w) => !w.busy);
      if (!slot && this.workers.length < this.size) slot = this.spawn();
      if (!slot) return;
      const job = this.queue.shift()!;
      const id = this.nextId++;
      this.pending.set(id, job.pending);
      slot.busy = true;
      slot.worker.ref();
      slot.worker.postMessage({ id, kind: job.kind, settings: job.settings });
    }
  }

  private spawn(): { worker: Worker; busy: boolean } {
    const slot = { worker: new Worker(this.script), busy: false };
    slot.worker.unref();
    slot.worker.on('message', (m: { id?: number; text?: string; error?: string }) => {
      if (m.id === undefined) return;
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      slot.busy = false;
      slot.worker.unref();
      if (m.error !== undefined) p?.reject(new Error(`build-time training failed in a worker: ${m.error}`));
      else p?.resolve(m.text!);
      this.pump();
    });
    slot.worker.on('error', (error) => {
      // A worker that cannot start (or dies) fails its jobs; the cache then computes them in-thread.
      this.workers.splice(this.workers.indexOf(slot), 1);
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
      for (const job of this.queue.splice(0)) job.pending.reject(error);
    });
    this.workers.push(slot);
    return slot;
  }
}

/** sha256 of the files under `paths` (relative to `root`), names and contents, in sorted order. */
export function sourceHash(root: string, paths: readonly string[]): string {
  const hash = createHash('sha256');
  const add = (rel: string) => {
    const file = join(root, rel);
    if (!existsSync(file)) return hash.update(`missing ${rel}\n`);
    if (statSync(file).isDirectory()) {
      for (const name of readdirSync(file).sort()) add(`${rel}/${name}`);
      return;
    }
    hash.update(`${rel}\n`).update(readFileSync(file)).update('\n');
  };
  for (const p of [...paths].sort()) add(p);
  return hash.digest('hex');
}

/** A run cache; `cachedJob` uses one per process, shared by every page of a build or dev server. */
export function createRunCache(options: Partial<RunCacheOptions> = {}) {
  const root = options.root ?? process.cwd();
  const hasSources = existsSync(join(root, 'src', 'engine'));
  const dir = options.dir === undefined ? (hasSources ? join(root, RUN_CACHE_PATH) : null) : options.dir;
  const script = join(root, 'src', 'prerender', 'train-worker.mjs');
  const size = options.workers ?? availableParallelism();
  const pool = size > 0 && existsSync(script) ? new Pool(script, size) : null;
  const memory = new Map<string, Promise<unknown>>();
  const stats: RunCacheStats = { trained: [], fromDisk: 0, inWorkers: 0 };

  const compute = async (kind: JobKind, settings: unknown): Promise<string> => {
    stats.trained.push(`${kind} ${JSON.stringify(settings)}`);
    const t0 = performance.now();
    const log = (where: string) => console.info(`[run cache] trained ${kind} in ${((performance.now() - t0) / 1000).toFixed(1)} s (${where}; stored in ${dir ?? 'memory only'})`);
    if (pool) {
      try {
        const text = await pool.run(kind, settings);
        stats.inWorkers++;
        log('worker thread');
        return text;
      } catch (error) {
        if (String(error).includes('build-time training failed')) throw error;
        // No worker (e.g. tsx missing): same job in this thread.
      }
    }
    const text = encode((jobs[kind] as (s: unknown) => unknown)(settings));
    log('build thread');
    return text;
  };

  const load = async (kind: JobKind, settings: unknown): Promise<unknown> => {
    const key = createHash('sha256')
      .update(JSON.stringify({ FORMAT, kind, settings, dataset: JOB_DATASET, source: hasSources ? sourceHash(root, jobSources[kind]) : 'bundled' }))
      .digest('hex');
    const file = dir ? join(dir, `${kind}-${key.slice(0, 24)}.json`) : null;
    if (file && existsSync(file)) {
      try {
        const value = decode(readFileSync(file, 'utf8'));
        stats.fromDisk++;
        return value;
      } catch {
        // A damaged file is recomputed and replaced.
      }
    }
    const text = await compute(kind, settings);
    if (file && dir) {
      mkdirSync(dir, { recursive: true });
      // Write then rename, so a concurrent build never reads half a file.
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, text);
      renameSync(tmp, file);
    }
    return decode(text);
  };

  return {
    stats,
    dir,
    /** The result of job `kind` for `settings`: from memory, from disk, or computed (in a worker) and stored. */
    get<K extends JobKind>(kind: K, given: JobSettings<K>): Promise<JobResult<K>> {
      const settings = (jobInputs[kind] as (s: JobSettings<K>) => JobSettings<K>)(given);
      const memo = `${kind}:${JSON.stringify(settings)}:${hasSources ? sourceHash(root, jobSources[kind]) : ''}`;
      let value = memo ? memory.get(memo) : undefined;
      if (!value) {
        value = load(kind, settings);
        memory.set(memo, value);
        value.catch(() => memory.delete(memo));
      }
      return value as Promise<JobResult<K>>;
    },
  };
}

export type RunCache = ReturnType<typeof createRunCache>;

// One cache per process, kept on globalThis so Vite's module reloads in dev keep the memory memo.
const GLOBAL = Symbol.for('vanishing-gradients.run-cache');
const holder = globalThis as unknown as Record<symbol, RunCache | undefined>;

/** The process's run cache (see `createRunCache`). */
export function runCache(): RunCache {
  return (holder[GLOBAL] ??= createRunCache());
}

/** `runCache().get(kind, settings)`. */
export function cachedJob<K extends JobKind>(kind: K, settings: JobSettings<K>): Promise<JobResult<K>> {
  return runCache().get(kind, settings);
}
