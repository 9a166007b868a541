// The small picture in a hover: a heatmap of a tensor's last two dimensions
// (its first slice), or a sparkline when it is a long vector. Drawn as SVG and
// returned as a data URI that hover markdown can show as an image. Built from
// the trace's capped sample only, never from a live tensor.
import type { TensorSummary } from '../../engine/trace/types';

const MAX_PX = 176; // widest picture, in pixels
const NAN_COLOUR = '#d633ff';

export interface PictureOptions {
  /** Most cells drawn along one axis; bigger tensors are subsampled. */
  previewSize: number;
}

/** An SVG data URI, or null when there is nothing worth drawing (0-d or a
 *  single element, or no sampled values). */
export function tensorPicture(t: TensorSummary, opts: PictureOptions): string | null {
  const svg = tensorSvg(t, opts);
  return svg === null ? null : `data:image/svg+xml;base64,${btoa(svg)}`;
}

export function tensorSvg(t: TensorSummary, opts: PictureOptions): string | null {
  const values = t.sample.values;
  if (t.shape.length === 0 || values.length < 2) return null;
  const cols = t.shape[t.shape.length - 1];
  const rows = t.shape.length >= 2 ? t.shape[t.shape.length - 2] : 1;
  if (rows === 1 && cols > opts.previewSize * 2) return sparkline(values.slice(0, Math.min(cols, 512)));
  const available = Math.min(rows, Math.floor(values.length / Math.max(cols, 1)));
  if (available < 1) return sparkline(values);
  return heatmap(values, available, cols, opts.previewSize);
}

function heatmap(values: readonly number[], rows: number, cols: number, limit: number): string {
  const rowIdx = pick(rows, limit);
  const colIdx = pick(cols, limit);
  const cell = Math.max(4, Math.min(22, Math.floor(MAX_PX / Math.max(rowIdx.length, colIdx.length))));
  const w = colIdx.length * cell;
  const h = rowIdx.length * cell;
  const scale = maxAbs(values);
  const rects: string[] = [];
  rowIdx.forEach((r, i) =>
    colIdx.forEach((c, j) => {
      const v = values[r * cols + c];
      rects.push(`<rect x="${j * cell}" y="${i * cell}" width="${cell}" height="${cell}" fill="${colour(v, scale)}"/>`);
    }),
  );
  return svgDoc(w, h, `<g shape-rendering="crispEdges">${rects.join('')}</g><rect x="0.5" y="0.5" width="${w - 1}" height="${h - 1}" fill="none" stroke="#888"/>`);
}

function sparkline(values: readonly number[]): string {
  const finite = values.filter(Number.isFinite);
  const w = MAX_PX;
  const h = 40;
  if (finite.length < 2) return svgDoc(w, h, '');
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  const span = hi - lo || 1;
  const step = (w - 2) / (values.length - 1);
  const points = values
    .map((v, i) => (Number.isFinite(v) ? `${(1 + i * step).toFixed(1)},${(h - 2 - ((v - lo) / span) * (h - 4)).toFixed(1)}` : null))
    .filter((p): p is string => p !== null)
    .join(' ');
  const zero = lo < 0 && hi > 0 ? `<line x1="0" x2="${w}" y1="${(h - 2 - ((0 - lo) / span) * (h - 4)).toFixed(1)}" y2="${(h - 2 - ((0 - lo) / span) * (h - 4)).toFixed(1)}" stroke="#888" stroke-dasharray="2,2"/>` : '';
  return svgDoc(w, h, `${zero}<polyline points="${points}" fill="none" stroke="#3794ff" stroke-width="1.5"/>`);
}

/** Evenly spaced indices, at most `limit` of them. */
function pick(n: number, limit: number): number[] {
  const k = Math.min(n, Math.max(1, limit));
  return Array.from({ length: k }, (_, i) => Math.floor((i * n) / k));
}

function maxAbs(values: readonly number[]): number {
  let m = 0;
  for (const v of values) if (Number.isFinite(v)) m = Math.max(m, Math.abs(v));
  return m || 1;
}

/** Diverging blue - white - red around zero, readable on dark and light hovers. */
export function colour(v: number, scale: number): string {
  if (!Number.isFinite(v)) return NAN_COLOUR;
  const t = Math.max(-1, Math.min(1, v / scale));
  const [r, g, b] = t < 0 ? mix([247, 247, 247], [33, 102, 172], -t) : mix([247, 247, 247], [178, 24, 43], t);
  return `rgb(${r},${g},${b})`;
}

function mix(a: number[], b: number[], t: number): number[] {
  return a.map((x, i) => Math.round(x + (b[i] - x) * t));
}

function svgDoc(w: number, h: number, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${body}</svg>`;
}
