// Hover for Python files and notebook cells: the smallest traced expression
// under the cursor, described from the latest trace.
import * as vscode from 'vscode';
import { Results, viewOf } from '../results';
import { readSettings } from '../settings';
import { recordAt, recordKey } from '../trace/query';
import { hoverMarkdown } from './markdown';

export const INSPECT_COMMAND = 'tensorLens.inspectTensor';

export class TensorHoverProvider implements vscode.HoverProvider {
  constructor(private readonly results: Results) {}

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | null {
    const view = viewOf(this.results, doc);
    if (!view) return null;
    const offset = view.toSourceOffset(pos);
    if (offset === null) return null;
    const rec = recordAt(view.trace, offset);
    if (!rec) return null;
    const range = view.toRange(rec.range);
    if (!range) return null;
    const args = encodeURIComponent(JSON.stringify([{ uri: doc.uri.toString(), key: recordKey(rec) }]));
    const md = hoverMarkdown(rec, doc.getText(range), {
      previewSize: readSettings().previewSize,
      inspectUri: `command:${INSPECT_COMMAND}?${args}`,
      staleNote: view.stale ? 'From the last run; the file has changed since.' : undefined,
    });
    const content = new vscode.MarkdownString(md);
    content.isTrusted = { enabledCommands: [INSPECT_COMMAND] };
    content.supportHtml = false;
    return new vscode.Hover(content, range);
  }
}
