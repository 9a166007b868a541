// The text a run sees. A .py file is one segment; a notebook is its code cells
// in order, joined by newlines, each a segment with its offset, so trace
// ranges map back to the cell they came from. Pure (no vscode).

export interface Segment {
  /** The document the text came from (a file or a notebook cell). */
  uri: string;
  /** Offset of this segment in the run's source. */
  start: number;
  /** The segment's text as it was run. */
  text: string;
}

export interface RunSnapshot {
  /** The file's or notebook's URI: one live run per key. */
  key: string;
  /** Name used in tracebacks and logs. */
  file: string;
  source: string;
  segments: Segment[];
}

export function fileSnapshot(uri: string, file: string, text: string): RunSnapshot {
  return { key: uri, file, source: text, segments: [{ uri, start: 0, text }] };
}

export interface CellText {
  uri: string;
  text: string;
}

/** Code cells in order. IPython magics and shell escapes (`%matplotlib`,
 *  `!pip install`) are not Python: they become comments of the same length
 *  so every offset still lines up with the cell. */
export function notebookSnapshot(key: string, file: string, cells: CellText[]): RunSnapshot {
  const segments: Segment[] = [];
  let source = '';
  for (const cell of cells) {
    if (source) source += '\n';
    const text = cell.text.replace(/^([ \t]*)[%!]/gm, '$1#');
    segments.push({ uri: cell.uri, start: source.length, text: cell.text });
    source += text;
  }
  return { key, file, source, segments };
}

/** Live mode runs only programs that use torch: other Python is not ours. */
export function usesTorch(source: string): boolean {
  return /^\s*(import\s+torch\b|from\s+torch\b)/m.test(source);
}

/** The segment holding a source offset (ends inclusive). */
export function segmentAt(snapshot: RunSnapshot, offset: number): Segment | null {
  return snapshot.segments.find((s) => offset >= s.start && offset <= s.start + s.text.length) ?? null;
}

/** Where a 1-based line of the run's source is, in the words a user sees:
 *  "line 7" in a file, "cell 3, line 1" in a notebook. */
export function placeOfLine(snapshot: RunSnapshot, line: number): string {
  if (snapshot.key === snapshot.segments[0]?.uri && snapshot.segments.length === 1) return `line ${line}`;
  let first = 1;
  for (let i = 0; i < snapshot.segments.length; i++) {
    const lines = snapshot.segments[i].text.split('\n').length;
    if (line < first + lines) return `cell ${i + 1}, line ${line - first + 1}`;
    first += lines;
  }
  return `line ${line}`;
}
