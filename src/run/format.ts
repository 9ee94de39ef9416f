/**
 * Text formatting of a run, shared by the CLI and the lesson's "training log" figure, so the
 * terminal and the page print the same lines. Each cost is labelled with its true iteration
 * (the original article's labels were 1000 too high; see shared/reference/README.md).
 */
import type { ClassificationReport, TrainConfig, TrainHistory, TrainStatus } from '../engine/index.ts';

/** Iterations between printed log lines: 1000, or the next multiple of the record interval. */
export function logInterval(recordEvery: number): number {
  return 1000 % recordEvery === 0 ? 1000 : recordEvery * Math.ceil(1000 / recordEvery);
}

/** The recorded (iteration, cost) pairs an article-style log prints: iterations 0, 1000, 2000, … */
export function logLines(history: Pick<TrainHistory, 'iterations' | 'costs'>, recordEvery: number): { iteration: number; cost: number }[] {
  const every = logInterval(recordEvery);
  const lines: { iteration: number; cost: number }[] = [];
  history.iterations.forEach((iteration, k) => {
    if (iteration % every === 0) lines.push({ iteration, cost: history.costs[k] });
  });
  return lines;
}

/** "Cost after iteration 1000: 0.226253" lines, one per logged record. */
export function formatLog(history: Pick<TrainHistory, 'iterations' | 'costs'>, config: Pick<TrainConfig, 'recordEvery'>): string {
  return logLines(history, config.recordEvery)
    .map(({ iteration, cost }) => `Cost after iteration ${iteration}: ${cost.toFixed(6)}`)
    .join('\n');
}

/** What follows a score whose denominator is `den`: a 0/0 is said to be one, beside the 0 reported for it (as scikit-learn's zero_division=0 does, and the page). */
function zeroOverZero(den: number, why: string): string {
  return den === 0 ? ` (0/0: ${why}; counted as 0)` : '';
}

/** Status, accuracy, precision, recall, F1 and the confusion matrix, as the CLI prints them. */
export function formatReport(run: { status: TrainStatus; report: ClassificationReport; finalCost: number; iteration: number }, milliseconds?: number): string {
  const { report } = run;
  const [[tn, fp], [fn, tp]] = report.confusion;
  const width = Math.max(3, ...[tn, fp, fn, tp].map((n) => String(n).length));
  const cell = (n: number) => String(n).padStart(width);
  const lines = [
    `Status: ${run.status.message}${milliseconds === undefined ? '' : ` (${milliseconds.toFixed(0)} ms)`}`,
    `Final cost (after iteration ${run.iteration}): ${Number.isFinite(run.finalCost) ? run.finalCost.toFixed(6) : `not finite (${run.finalCost})`}`,
    `Accuracy: ${report.accuracy}`,
    `Precision (class 1): ${report.precision.toFixed(4)}${zeroOverZero(tp + fp, 'no point predicted 1')}`,
    `Recall (class 1): ${report.recall.toFixed(4)}${zeroOverZero(tp + fn, 'no point is 1')}`,
    `F1 (class 1): ${report.f1.toFixed(4)}`,
    'Confusion matrix (rows actual, columns predicted):',
    `             ${'pred 0'.padStart(width)}  ${'pred 1'.padStart(width)}`,
    `  actual 0   ${cell(tn).padStart(6)}  ${cell(fp).padStart(6)}`,
    `  actual 1   ${cell(fn).padStart(6)}  ${cell(tp).padStart(6)}`,
  ];
  return lines.join('\n');
}
