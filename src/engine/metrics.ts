/**
 * Binary classification metrics for class 1 ("positive"), with the textbook formulas:
 * precision = TP/(TP + FP), recall = TP/(TP + FN), F1 = 2·P·R/(P + R) (van Rijsbergen, 1979).
 * The original article's F1 used recall = TP/(TP + TN) with class 0 as positive; see
 * shared/reference/README.md. A ratio whose denominator is 0 is reported as 0, as scikit-learn does.
 */

/** Confusion matrix, rows actual, columns predicted: [[TN, FP], [FN, TP]]. */
export type ConfusionMatrix = [[number, number], [number, number]];

/** Scores derived from a confusion matrix; all in [0, 1]. */
export interface ClassificationReport {
  readonly confusion: ConfusionMatrix;
  readonly accuracy: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/**
 * Counts actual (rows) against predicted (columns) labels over m examples.
 * @throws RangeError if a label is not 0 or 1, or the lengths differ from m.
 */
export function confusionMatrix(actual: ArrayLike<number>, predicted: ArrayLike<number>, m = actual.length): ConfusionMatrix {
  if (actual.length < m || predicted.length < m) {
    throw new RangeError(`need ${m} labels, got ${actual.length} actual and ${predicted.length} predicted`);
  }
  const c: ConfusionMatrix = [[0, 0], [0, 0]];
  for (let j = 0; j < m; j++) {
    const a = actual[j];
    const p = predicted[j];
    if ((a !== 0 && a !== 1) || (p !== 0 && p !== 1)) {
      throw new RangeError(`labels must be 0 or 1; example ${j} has actual ${a}, predicted ${p}`);
    }
    c[a][p] += 1;
  }
  return c;
}

function ratio(num: number, den: number): number {
  return den === 0 ? 0 : num / den;
}

/** Accuracy, precision, recall and F1 for class 1 from a confusion matrix. */
export function classificationReport(confusion: ConfusionMatrix): ClassificationReport {
  const [[tn, fp], [fn, tp]] = confusion;
  const total = tn + fp + fn + tp;
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return {
    confusion,
    accuracy: ratio(tp + tn, total),
    precision,
    recall,
    f1: ratio(2 * precision * recall, precision + recall),
  };
}
