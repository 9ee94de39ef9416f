/**
 * Which charts of <remedies-explorer> need building again: each chart remembers the inputs it was last
 * built from, compared by identity (a run's history arrays are new at each report of the worker), so a
 * render builds only the chart it draws and skips the others unbuilt.
 */
import type { RemediesSnapshot, VariantRun } from './views.ts';

/** What variant `r`'s ‖dW[l]‖ chart, drawn `width` px wide, is built from. */
export function gradientInputs(r: VariantRun, width: number): unknown[] {
  return [width, r.variant, r.config, r.history.iterations, r.status.state, r.status.message];
}

/** What the cost chart of snapshot `s`, drawn `width` px wide, is built from. */
export function costInputs(s: RemediesSnapshot, width: number): unknown[] {
  return [width, s.settings.iterations, s.settings.batchSize, ...s.runs.flatMap((r) => gradientInputs(r, width).slice(1))];
}

/** The inputs each chart was last built from. */
export class BuiltFrom {
  private readonly inputs = new Map<string, readonly unknown[]>();

  /** True when chart `name` was last built from other inputs (or never); remembers `inputs` either way. */
  changed(name: string, inputs: readonly unknown[]): boolean {
    const before = this.inputs.get(name);
    this.inputs.set(name, inputs);
    return !before || before.length !== inputs.length || before.some((x, i) => x !== inputs[i]);
  }
}
