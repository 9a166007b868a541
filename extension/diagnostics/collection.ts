// Publishes each run's error as diagnostics on the document(s) it came from.
import * as vscode from 'vscode';
import type { RunResult } from '../results';
import { DocumentView, Results } from '../results';
import { diagnosticsOf, type Severity } from './fromTrace';

export const DIAGNOSTIC_SOURCE = 'Tensor Lens';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
};

export class RunDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('tensorLens');
  /** Documents that got diagnostics from each run key, to clear them later. */
  private readonly published = new Map<string, vscode.Uri[]>();

  constructor(private readonly results: Results) {}

  /** Replaces the diagnostics of one run key with those of its latest result. */
  update(key: string): void {
    const r = this.results.get(key);
    // A cancelled run was replaced by a newer one: keep what is shown until it reports.
    if (r?.outcome.kind === 'cancelled') return;
    for (const uri of this.published.get(key) ?? []) this.collection.delete(uri);
    this.published.delete(key);
    if (!r || r.outcome.kind !== 'done' || !r.trace || !r.traceSnapshot) return;
    const byUri = new Map<string, vscode.Diagnostic[]>();
    for (const info of diagnosticsOf(r.trace)) {
      const place = this.locate(r, info.range.from);
      if (!place) continue;
      const range = place.toRange(info.range) ?? place.doc.lineAt(Math.min(place.doc.lineCount - 1, Math.max(0, info.range.line - 1))).range;
      const d = new vscode.Diagnostic(range, info.message, SEVERITY[info.severity]);
      d.source = DIAGNOSTIC_SOURCE;
      d.code = info.code;
      d.relatedInformation = info.related.flatMap((rel) => {
        const at = this.locate(r, rel.range.from);
        const relRange = at?.toRange(rel.range);
        return at && relRange ? [new vscode.DiagnosticRelatedInformation(new vscode.Location(at.doc.uri, relRange), rel.message)] : [];
      });
      const list = byUri.get(place.doc.uri.toString()) ?? [];
      list.push(d);
      byUri.set(place.doc.uri.toString(), list);
    }
    const uris: vscode.Uri[] = [];
    for (const [uri, list] of byUri) {
      const u = vscode.Uri.parse(uri);
      this.collection.set(u, list);
      uris.push(u);
    }
    this.published.set(key, uris);
  }

  clear(key: string): void {
    for (const uri of this.published.get(key) ?? []) this.collection.delete(uri);
    this.published.delete(key);
  }

  private locate(r: RunResult, offset: number): DocumentView | null {
    const snap = r.traceSnapshot!;
    const seg = snap.segments.find((s) => offset >= s.start && offset <= s.start + s.text.length);
    if (!seg) return null;
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === seg.uri);
    if (!doc) return null;
    return new DocumentView(doc, r.trace!, snap, seg, seg.text !== doc.getText());
  }

  dispose(): void {
    this.collection.dispose();
  }
}
