// The "Tensor Lens" output channel: the program's print output and run logs.
// Live runs repeat on every edit, so their output is written only when it
// differs from the previous live run of the same file.
import * as vscode from 'vscode';
import type { RunError } from '../engine/trace/types';
import type { FinishedRun } from './runtime/runner';
import { placeOfLine, type RunSnapshot } from './source/cells';

export class RunOutput implements vscode.Disposable {
  readonly channel = vscode.window.createOutputChannel('Tensor Lens');
  private readonly lastLive = new Map<string, string>();

  log(line: string): void {
    this.channel.appendLine(`[${new Date().toISOString().slice(11, 23)}] ${line}`);
  }

  /** Print output streamed by an explicit run, as it arrives. */
  stdout(text: string): void {
    this.channel.append(text);
  }

  finished(run: FinishedRun): void {
    const o = run.outcome;
    const file = run.snapshot.file;
    switch (o.kind) {
      case 'cancelled':
        this.log(`${file}: run cancelled after ${o.wallMs} ms`);
        return;
      case 'killed':
        this.log(`${file}: run ended by Tensor Lens after ${o.wallMs} ms: ${o.message}`);
        return;
      case 'done': {
        const t = o.trace;
        const status = t.stopped ? `stopped (${t.stopped})` : t.error ? `${t.error.type} at ${placeOfLine(run.snapshot, t.error.range.line)}` : 'done';
        const err = t.error && !t.stopped ? `${traceback(t.error, file, run.snapshot)}\n` : '';
        if (run.origin === 'live') {
          const text = `${t.stdout}${err}`;
          if (this.lastLive.get(run.snapshot.key) === text) return;
          this.lastLive.set(run.snapshot.key, text);
          this.log(`${file} (live): ${status} in ${Math.round(t.durationMs)} ms on the ${t.backend}`);
          if (text) this.channel.append(text.endsWith('\n') ? text : `${text}\n`);
        } else {
          if (err) this.channel.append(err);
          this.log(`${file}: ${status} in ${Math.round(t.durationMs)} ms on the ${t.backend}`);
        }
        return;
      }
      default:
        return;
    }
  }

  dispose(): void {
    this.channel.dispose();
  }
}

/** The error as Python prints it (without the source lines). */
function traceback(e: RunError, file: string, snapshot: RunSnapshot): string {
  const frames = e.traceback.map((f) => `  File "${file}", ${placeOfLine(snapshot, f.line)}, in ${f.name}`);
  return ['Traceback (most recent call last):', ...frames, `${e.type}: ${e.message}`].join('\n');
}
