export { backward } from './backward';
export type { BackwardOptions } from './backward';
export { isGradEnabled, setGradEnabled, withGradMode, noGrad } from './grad-mode';
export { Node } from './node';
export type { Edge, BackwardFn } from './node';
