/**
 * The browser-safe charts API: builders (pure: data and options in, Plot options out), captions,
 * tables, the palette and `renderElement`. Everything but `renderSvg`, which needs linkedom:
 * islands import this file so the client bundle stays free of it; build-time code imports index.ts.
 * Each figure module's `defaults` is re-exported under a prefixed name to avoid clashes.
 */
export * from './theme.ts';
export * from './common.ts';
export { renderElement, swapChart, type ChartOptions } from './render-dom.ts';
export { encodePng, PngCanvas } from './png.ts';
export { costCurve, costCurveCaption, costCurveTable, defaults as costCurveDefaults } from './cost-curve.ts';
export type { CostCurveData, CostCurveOptions, CostSeries } from './cost-curve.ts';
export { scatter, scatterCaption, scatterTable, defaults as scatterDefaults } from './scatter.ts';
export type { ScatterData, ScatterOptions, ScatterPanel } from './scatter.ts';
export { deepLinear, deepLinearCaption, deepLinearTable, defaults as deepLinearDefaults } from './deep-linear.ts';
export type { DeepLinearData, DeepLinearOptions } from './deep-linear.ts';
export { gradientDepth, gradientDepthCaption, gradientDepthTable, defaults as gradientDepthDefaults } from './gradient-depth.ts';
export type { GradientDepthData, GradientDepthOptions } from './gradient-depth.ts';
export { gradientFlow, gradientFlowCaption, gradientFlowTable, defaults as gradientFlowDefaults } from './gradient-flow.ts';
export type { GradientFlowData, GradientFlowOptions } from './gradient-flow.ts';
export {
  decisionBoundary, decisionBoundaryCaption, decisionBoundaryLegend, decisionBoundaryTable, defaults as decisionBoundaryDefaults,
} from './decision-boundary.ts';
export type { DecisionBoundaryData, DecisionBoundaryOptions } from './decision-boundary.ts';
export { histograms, histogramsCaption, histogramsTable, defaults as histogramsDefaults } from './histograms.ts';
export type { HistogramsData, HistogramsOptions, LayerHistogram } from './histograms.ts';
export { variance, varianceCaption, varianceTable, defaults as varianceDefaults } from './variance.ts';
export type { VarianceData, VarianceOptions } from './variance.ts';
export { symmetry, symmetryCaption, symmetryTable, defaults as symmetryDefaults } from './symmetry.ts';
export type { SymmetryData, SymmetryOptions } from './symmetry.ts';
