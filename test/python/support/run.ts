/**
 * Runs exported scripts with python3, two at a time (the machine has two cores), each with one
 * BLAS thread so parallel runs do not fight over the cores; or many scripts in one python, each
 * distinct training run once (`runPythonMany`, see run_many.py).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pythonScript, type PythonFigure } from '../../../src/python/script.ts';

/** What one run of a script printed. */
export interface ScriptResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}

/** A fresh directory for scripts (and the PNGs they save). */
export const scratchDir = (): string => mkdtempSync(join(tmpdir(), 'python-export-'));

/** Runs `python args…` in `cwd`; never rejects (the exit code is in the result). */
export function runPython(args: string[], cwd: string, env: Record<string, string> = {}, python = 'python3'): Promise<ScriptResult> {
  return new Promise((resolve) => {
    execFile(python, args, { cwd, env: { ...process.env, OPENBLAS_NUM_THREADS: '1', MPLBACKEND: 'Agg', ...env }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ stdout, stderr, code: error ? (typeof error.code === 'number' ? error.code : 1) : 0 });
    });
  });
}

/**
 * Runs each script of `paths` with --json in one python3 (run_many.py): every script's main() runs in full,
 * and scripts whose source differs only in docstring and FIGURE train each of their common runs once.
 * @returns each path's result, as `runPython([path, '--json'], cwd)` would give it.
 * @throws when run_many.py itself fails (a script's failure is in its own result).
 */
export async function runPythonMany(paths: string[], cwd: string): Promise<Map<string, ScriptResult>> {
  const harness = fileURLToPath(new URL('./run_many.py', import.meta.url));
  const out = await runPython([harness, ...paths], cwd);
  if (out.code !== 0) throw new Error(`run_many.py exited with ${out.code}: ${out.stderr}`);
  return new Map(Object.entries(JSON.parse(out.stdout) as Record<string, ScriptResult>));
}

/** Writes `figure`'s script into `dir` as `<file>.py` and returns its path. */
export function writeScript(dir: string, figure: PythonFigure, file = figure.name): string {
  const path = join(dir, `${file}.py`);
  writeFileSync(path, pythonScript(figure));
  return path;
}

/** A runner that lets at most `n` tasks run at once; the others wait their turn, in order. */
export function limit(n: number): <R>(task: () => Promise<R>) => Promise<R> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}
