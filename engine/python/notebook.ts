// Jupyter notebooks: code cells joined into one source, with a map back to
// cells. Magics (%...) and shell lines (!...) become blank lines so line
// numbers stay aligned; a cell's last bare expression is printed as Jupyter
// shows it (its repr, unless None), by wrapping it in a call to the
// __jupyter_display__ builtin.
import { parse } from './parse/index';

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
  let source = '';
  let line = 1;
  (nb.cells ?? []).forEach((cell, index) => {
    if (cell.cell_type !== 'code') return;
    const raw = Array.isArray(cell.source) ? cell.source.join('') : cell.source ?? '';
    const text = raw
      .split('\n')
      .map((l) => (/^\s*[%!]/.test(l) ? '' : l))
      .join('\n');
    const withDisplay = wrapLastExpression(text);
    const body = withDisplay.endsWith('\n') ? withDisplay : withDisplay + '\n';
    const lineCount = body.split('\n').length - 1;
    cells.push({ index, startLine: line, lineCount, startOffset: source.length });
    source += body;
    line += lineCount;
  });
  return { source, cells };
}

/** Which cell (and line within it, 1-based) a joined-source line belongs to. */
export function cellOfLine(nb: NotebookSource, line: number): { cell: NotebookCell; line: number } | null {
  for (const c of nb.cells) {
    if (line >= c.startLine && line < c.startLine + c.lineCount) return { cell: c, line: line - c.startLine + 1 };
  }
  return null;
}

function wrapLastExpression(text: string): string {
  const mod = parse(text);
  if (mod.syntaxError || mod.body.length === 0) return text;
  const last = mod.body[mod.body.length - 1];
  if (last.kind !== 'Expr' || last.value.kind === 'Yield') return text;
  // Assignment-like calls (print(...)) return None and show nothing, as in Jupyter.
  const { from, to } = last.range;
  const rest = text.slice(to);
  if (/\S/.test(rest.replace(/#.*$/gm, '').replace(/;\s*$/, ''))) return text;
  if (/^\s*;/.test(rest)) return text; // a trailing ';' hides the value in Jupyter
  return text.slice(0, from) + '__jupyter_display__(' + text.slice(from, to) + ')' + rest;
}
