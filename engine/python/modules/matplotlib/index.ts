export { registerMatplotlibModules } from './register';
export type { PlotRegistration } from './register';
export { PlotState, plotHooks, histogram } from './figure-recorder';
export type { FigureData } from './figure-recorder';
