/**
 * The one speed → pace rule of every explorer: the Transport slider's speed 1–5 picks an entry of
 * the explorer's own table of 5 (chunk of iterations and pause, or a delay), 3 when out of range.
 */
import type { Pace } from '../run/protocol.ts';
import { param, type ParamSpec } from './url-state.ts';

/** The speeds Transport.astro offers: 1 (slowest) to 5. */
export const SPEEDS = 5;

/** The speed setting: an integer 1–5 in the URL, shown as "×3" as Transport.astro writes it. */
export const speedParam: ParamSpec<number> = { ...param.number(1, SPEEDS, { integer: true }), display: (v) => `×${String(v)}` };

/** The entry of `table` (one per speed, slowest first) for `speed`; the middle one when `speed` is out of range. */
export function atSpeed<T>(table: readonly T[], speed: number): T {
  return table[speed - 1] ?? table[Math.floor(table.length / 2)];
}

/**
 * A pace table for runs that stream records every `every` iterations: one record per chunk with
 * the given pauses (ms) at speeds 1–3, then 3 and 10 records per chunk without pause.
 */
export function recordPaces(every: number, slowDelaysMs: readonly [number, number]): readonly Pace[] {
  return [
    { chunk: every, delayMs: slowDelaysMs[0] }, { chunk: every, delayMs: slowDelaysMs[1] }, { chunk: every, delayMs: 0 },
    { chunk: 3 * every, delayMs: 0 }, { chunk: 10 * every, delayMs: 0 },
  ];
}
