export { VIEW_TYPE, Visualizer, createVisualizer } from './panel';
export { panelCsp, panelHtml } from './html';
