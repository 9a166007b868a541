// Jupyter notebooks: code cells joined into one source, with a map back to
// cells. Magics (%...) and shell lines (!...) become blank lines so line
// numbers stay aligned; a cell's last bare expression is printed as Jupyter
// shows it (its repr, unless None). Which statements to show is written in a
// trailing comment (`# tensor-lens-display: LINE:COL ...`) that parse() reads,
// so the cells' text — and every range and traceback line — stays unchanged.
import { parse } from './parse/index';
import { DISPLAY_MARKER } from './notebook-marker';

export interface NotebookCell {
  /** Index among all cells of the notebook. */
  index: number;
  /** First line (1-based) of this cell in the joined source. */
  startLine: number;
  lineCount: number;
  /** Offset of the cell's text in the joined source. */
  startOffset: number;
}

export interface NotebookSource {
  source: string;
  cells: NotebookCell[];
}

interface IpynbCell {
  cell_type: string;
  source: string | string[];
}

export function toNotebookSource(json: string): NotebookSource {
  let nb: { cells?: IpynbCell[] };
  try {
    nb = JSON.parse(json);
  } catch {
    throw new Error('not a valid .ipynb file (JSON does not parse)');
  }
  const cells: NotebookCell[] = [];
  const display: string[] = [];
  let source = '';
  let line = 1;
  (nb.cells ?? []).forEach((cell, index) => {
    if (cell.cell_type !== 'code') return;
    const raw = Array.isArray(cell.source) ? cell.source.join('') : cell.source ?? '';
    const text = raw
      .split('\n')
      .map((l) => (/^\s*[%!]/.test(l) ? '' : l))
      .join('\n');
    const shown = lastExpression(text);
    if (shown) display.push(`${line + shown.line - 1}:${shown.col}`);
    const body = text.endsWith('\n') ? text : text + '\n';
    const lineCount = body.split('\n').length - 1;
    cells.push({ index, startLine: line, lineCount, startOffset: source.length });
    source += body;
    line += lineCount;
  });
  if (display.length) source += `${DISPLAY_MARKER} ${display.join(' ')}\n`;
  return { source, cells };
}


/** Which cell (and line within it, 1-based) a joined-source line belongs to. */
export function cellOfLine(nb: NotebookSource, line: number): { cell: NotebookCell; line: number } | null {
  for (const c of nb.cells) {
    if (line >= c.startLine && line < c.startLine + c.lineCount) return { cell: c, line: line - c.startLine + 1 };
  }
  return null;
}

function lastExpression(text: string): { line: number; col: number } | null {
  const mod = parse(text);
  if (mod.syntaxError || mod.body.length === 0) return null;
  const last = mod.body[mod.body.length - 1];
  if (last.kind !== 'Expr' || last.value.kind === 'Yield') return null;
  // A trailing ';' hides the value in Jupyter.
  const rest = text.slice(last.range.to).replace(/#.*$/gm, '');
  if (/\S/.test(rest)) return null;
  return { line: last.range.line, col: last.range.col };
}
