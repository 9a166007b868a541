// The shape diagram: 1-D a row of cells, 2-D a grid, 3-D stacked grids, 4-D a
// row of 3-D stacks; each dim labelled with its size. Big dims draw a few
// cells and an ellipsis so the picture is about the shape, not the count.
import * as d3 from 'd3';
import type { Theme } from '../../theme';

export interface ShapeCell { key: string; x: number; y: number; size: number; layer: number }
export interface ShapeLabel { key: string; x: number; y: number; text: string; anchor: 'start' | 'middle' | 'end' }
export interface ShapeDiagram { cells: ShapeCell[]; labels: ShapeLabel[]; width: number; height: number }

const SHOWN = 6;
const shown = (n: number): number => Math.min(n, SHOWN);
const dimText = (i: number, n: number): string => `dim ${i}: ${n}${n > SHOWN ? ' (…)' : ''}`;

export function shapeDiagram(shape: readonly number[], cell = 14): ShapeDiagram {
  const cells: ShapeCell[] = [];
  const labels: ShapeLabel[] = [];
  const d = shape.length;
  if (d === 0) {
    cells.push({ key: 's', x: 0, y: 16, size: cell, layer: 0 });
    labels.push({ key: 'l', x: cell + 6, y: 16 + cell - 3, text: 'scalar (0-D)', anchor: 'start' });
    return { cells, labels, width: 120, height: 40 };
  }
  // Rows and columns of one 2-D face; 1-D is a single row.
  const rows = d === 1 ? 1 : shown(shape[d - 2]);
  const cols = shown(shape[d - 1]);
  const depth = d >= 3 ? shown(shape[d - 3]) : 1;
  const blocks = d >= 4 ? shown(shape[d - 4]) : 1;
  const off = cell * 0.45;
  const faceW = cols * cell + (depth - 1) * off;
  const faceH = rows * cell + (depth - 1) * off;
  // 4-D: room between blocks for the depth label.
  const gap = d >= 4 ? 70 : 28;
  const top = 18;
  for (let b = 0; b < blocks; b++) {
    const bx = b * (faceW + gap);
    for (let z = depth - 1; z >= 0; z--) {
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          cells.push({ key: `${b}.${z}.${r}.${c}`, x: bx + c * cell + z * off, y: top + r * cell + (depth - 1 - z) * off, size: cell, layer: z });
        }
      }
    }
  }
  const width = blocks * faceW + (blocks - 1) * gap;
  labels.push({ key: 'cols', x: faceW / 2, y: top - 5, text: dimText(d - 1, shape[d - 1]), anchor: 'middle' });
  if (d >= 2) labels.push({ key: 'rows', x: -6, y: top + faceH / 2, text: dimText(d - 2, shape[d - 2]), anchor: 'end' });
  if (d >= 3) labels.push({ key: 'depth', x: faceW + 6, y: top + faceH - 2, text: dimText(d - 3, shape[d - 3]), anchor: 'start' });
  if (d >= 4) labels.push({ key: 'blocks', x: width / 2, y: top + faceH + 18, text: `${dimText(d - 4, shape[d - 4])} blocks`, anchor: 'middle' });
  for (let i = 0; i < d - 4; i++) labels.push({ key: `outer${i}`, x: 0, y: top + faceH + 34 + i * 14, text: `× ${dimText(i, shape[i])}`, anchor: 'start' });
  return { cells, labels, width: width + 100, height: top + faceH + (d >= 4 ? 26 : 6) + Math.max(0, d - 4) * 14 + 8 };
}

export function renderShape(g: SVGGElement, shape: readonly number[], theme: Theme): { width: number; height: number } {
  const layout = shapeDiagram(shape);
  const root = d3.select(g);
  // Room for the rows label left of the face ("dim 0: 16 (…)" is wider than "dim 0: 3").
  const rows = layout.labels.find((l) => l.key === 'rows');
  const left = rows ? Math.max(80, Math.ceil(12 + 6.5 * rows.text.length)) : 0;
  root.selectAll<SVGRectElement, ShapeCell>('rect.cell').data(layout.cells, (c) => c.key).join('rect')
    .attr('class', 'cell').attr('x', (c) => c.x + left).attr('y', (c) => c.y).attr('width', (c) => c.size).attr('height', (c) => c.size)
    .attr('fill', (c) => (c.layer === 0 ? theme.nodeInput : theme.nodeOp)).attr('stroke', theme.muted).attr('stroke-width', 0.8);
  root.selectAll<SVGTextElement, ShapeLabel>('text.dim').data(layout.labels, (l) => l.key).join('text')
    .attr('class', 'dim').attr('x', (l) => l.x + left).attr('y', (l) => l.y).attr('text-anchor', (l) => l.anchor)
    .attr('font-size', 11).attr('fill', theme.fg).text((l) => l.text);
  return { width: layout.width + left, height: layout.height };
}
