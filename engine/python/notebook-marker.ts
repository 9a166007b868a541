// The trailing comment of a joined notebook source naming the statements whose
// values Jupyter would display (shared by notebook.ts and parse/).
export const DISPLAY_MARKER = '# tensor-lens-display:';
