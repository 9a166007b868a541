// The latest run of each file or notebook, and how its ranges line up with
// the documents as they are now. Hover, hints, diagnostics and commands all
// read from here. A run that produced no trace (cancelled, or its worker had
// to be ended) keeps the previous trace, so the editor still answers about
// the lines above a runaway loop.
import * as vscode from 'vscode';
import type { SourceRange, Trace } from '../engine/trace/types';
import type { RunOutcome } from './runtime/hostRuntime';
import { fileSnapshot, notebookSnapshot, type RunSnapshot, type Segment } from './source/cells';
import { offsetMap, type OffsetMap } from './source/offsetMap';

export interface RunResult {
  snapshot: RunSnapshot;
  outcome: RunOutcome;
  /** The newest trace for this key, and the text it was run on. */
  trace: Trace | null;
  traceSnapshot: RunSnapshot | null;
}

export class Results implements vscode.Disposable {
  private readonly byKey = new Map<string, RunResult>();
  private readonly changed = new vscode.EventEmitter<string>();
  readonly onDidChange = this.changed.event;

  get(key: string): RunResult | undefined {
    return this.byKey.get(key);
  }

  record(snapshot: RunSnapshot, outcome: RunOutcome): RunResult {
    const prev = this.byKey.get(snapshot.key);
    const result: RunResult =
      outcome.kind === 'done'
        ? { snapshot, outcome, trace: outcome.trace, traceSnapshot: snapshot }
        : { snapshot, outcome, trace: prev?.trace ?? null, traceSnapshot: prev?.traceSnapshot ?? null };
    this.byKey.set(snapshot.key, result);
    this.changed.fire(snapshot.key);
    return result;
  }

  forget(key: string): void {
    if (this.byKey.delete(key)) this.changed.fire(key);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** The notebook a cell document belongs to, if any. */
export function notebookOf(doc: vscode.TextDocument): vscode.NotebookDocument | undefined {
  if (doc.uri.scheme !== 'vscode-notebook-cell') return undefined;
  return vscode.workspace.notebookDocuments.find((nb) => nb.getCells().some((c) => c.document === doc));
}

/** Which run a document belongs to: its own, or its notebook's. */
export function runKey(doc: vscode.TextDocument): string {
  return (notebookOf(doc)?.uri ?? doc.uri).toString();
}

/** The text to run for a document: the file, or every code cell of its notebook. */
export function snapshotOf(doc: vscode.TextDocument): RunSnapshot {
  const nb = notebookOf(doc);
  if (!nb) return fileSnapshot(doc.uri.toString(), fileName(doc.uri), doc.getText());
  return notebookSnapshotOf(nb);
}

export function notebookSnapshotOf(nb: vscode.NotebookDocument): RunSnapshot {
  const cells = nb
    .getCells()
    .filter((c) => c.kind === vscode.NotebookCellKind.Code && c.document.languageId === 'python')
    .map((c) => ({ uri: c.document.uri.toString(), text: c.document.getText() }));
  return notebookSnapshot(nb.uri.toString(), fileName(nb.uri), cells);
}

function fileName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() || uri.path;
}

/** A trace seen from one document (a file, or one notebook cell). */
export class DocumentView {
  private readonly map: OffsetMap;

  constructor(
    readonly doc: vscode.TextDocument,
    readonly trace: Trace,
    readonly snapshot: RunSnapshot,
    private readonly segment: Segment,
    /** The run's own text differs from the document's (an edit since). */
    readonly stale: boolean,
  ) {
    this.map = offsetMap(segment.text, doc.getText());
  }

  /** A trace range in this document as it is now; null when it lies in
   *  another cell or in text edited since the run. */
  toRange(r: SourceRange): vscode.Range | null {
    const { start } = this.segment;
    const end = start + this.segment.text.length;
    if (r.from < start || r.to > end) return null;
    const m = this.map.rangeToCurrent(r.from - start, r.to - start);
    return m ? new vscode.Range(this.doc.positionAt(m.from), this.doc.positionAt(m.to)) : null;
  }

  /** A position in this document as an offset into the run's source. */
  toSourceOffset(pos: vscode.Position): number | null {
    const o = this.map.pointToRun(this.doc.offsetAt(pos));
    return o === null ? null : o + this.segment.start;
  }
}

export function viewOf(results: Results, doc: vscode.TextDocument): DocumentView | null {
  const r = results.get(runKey(doc));
  if (!r?.trace || !r.traceSnapshot) return null;
  const uri = doc.uri.toString();
  const segment = r.traceSnapshot.segments.find((s) => s.uri === uri);
  if (!segment) return null;
  return new DocumentView(doc, r.trace, r.traceSnapshot, segment, segment.text !== doc.getText());
}
