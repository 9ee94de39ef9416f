/**
 * Validation of the worker protocol's messages, used on both sides (protocol.ts): anything that
 * crossed postMessage is `unknown` until checked. A check never throws; a malformed message comes
 * back as a typed error naming the request it belongs to, when it carries a usable id, so that
 * request alone is answered with the error.
 */
import type { FromWorker, ToWorker } from './protocol.ts';

/** Why a message was refused, and the ids it carried (when they look valid). */
export interface Malformed {
  readonly ok: false;
  readonly error: string;
  readonly runId?: string;
  readonly requestId?: string;
  readonly job?: number;
}

export type Checked<T> = { readonly ok: true; readonly message: T } | Malformed;

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const isId = (x: unknown): x is string => typeof x === 'string' && x.length > 0 && x.length <= 1000;
const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isPace = (x: unknown) => isObj(x) && isCount(x.chunk) && x.chunk >= 1 && finite(x.delayMs) && x.delayMs >= 0;
const optional = (x: unknown, check: (v: unknown) => boolean) => x === undefined || check(x);
const STATES = ['running', 'done', 'diverged', 'cancelled'];
const HISTORY = ['iterations', 'costs', 'gradientNorms', 'activationStats', 'symmetry'];

/** The first field of `m` that fails its check, or null when all pass. */
function firstBad(m: Obj, checks: Readonly<Record<string, (v: unknown) => boolean>>): string | null {
  for (const [key, check] of Object.entries(checks)) if (!check(m[key])) return key;
  return null;
}

function refuse(data: unknown, why: string): Malformed {
  const m = isObj(data) ? data : {};
  return {
    ok: false,
    error: `malformed message (${why})`,
    ...(isId(m.runId) ? { runId: m.runId } : {}),
    ...(isId(m.requestId) ? { requestId: m.requestId } : {}),
    ...(isCount(m.job) ? { job: m.job } : {}),
  };
}

function check<T>(data: unknown, checks: Readonly<Record<string, Readonly<Record<string, (v: unknown) => boolean>>>>): Checked<T> {
  if (!isObj(data)) return refuse(data, data === null ? 'null' : `${Array.isArray(data) ? 'an array' : `a ${typeof data}`}, not an object`);
  const type = data.type;
  if (typeof type !== 'string' || !Object.hasOwn(checks, type)) return refuse(data, `unknown type ${JSON.stringify(String(type)).slice(0, 40)}`);
  const bad = firstBad(data, checks[type]);
  return bad ? refuse(data, `${type}: bad or missing "${bad}"`) : { ok: true, message: data as T };
}

const runId = { runId: isId };
const task = (t: unknown) => isObj(t) && (
  (t.kind === 'deep-linear' && finite(t.a) && isCount(t.L))
  || (t.kind === 'variance' && Array.isArray(t.layers) && typeof t.hidden === 'string' && typeof t.init === 'string' && finite(t.scale) && Array.isArray(t.seeds))
);

const TO_WORKER = {
  train: {
    ...runId, job: isCount, config: isObj, dataset: (d: unknown) => isObj(d) && d.name === 'planar' && optional(d.params, isObj),
    pace: (p: unknown) => optional(p, isPace), extras: (e: unknown) => optional(e, isObj),
    paused: (p: unknown) => optional(p, (v) => typeof v === 'boolean'), replayTo: (r: unknown) => optional(r, isCount),
  },
  pause: runId, resume: runId, cancel: runId,
  step: { ...runId, iterations: (n: unknown) => finite(n) && n >= 1 },
  pace: { ...runId, pace: isPace },
  priority: { ...runId, high: (h: unknown) => typeof h === 'boolean' },
  compute: { requestId: isId, task },
};

const status = (s: unknown) => isObj(s) && STATES.includes(s.state as string) && typeof s.message === 'string';
const history = (h: unknown) => isObj(h) && HISTORY.every((k) => Array.isArray(h[k]));
const result = (r: unknown) => isObj(r) && typeof r.finalCost === 'number' && r.predictions instanceof Uint8Array
  && isObj(r.report) && isObj(r.initial) && isObj(r.final);
const report = { ...runId, job: isCount, iteration: isCount, status, history, live: isObj };

const FROM_WORKER = {
  ready: {}, alive: {},
  progress: report,
  done: { ...report, result },
  computed: { requestId: isId },
  error: {
    message: (m: unknown) => typeof m === 'string', runId: (r: unknown) => optional(r, isId),
    requestId: (r: unknown) => optional(r, isId), job: (j: unknown) => optional(j, isCount),
  },
};

/** Checks a message the worker received. */
export const checkToWorker = (data: unknown): Checked<ToWorker> => check<ToWorker>(data, TO_WORKER);

/** Checks a message the page received from the worker. */
export const checkFromWorker = (data: unknown): Checked<FromWorker> => check<FromWorker>(data, FROM_WORKER);
