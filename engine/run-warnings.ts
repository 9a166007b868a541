// Python's way of showing warnings, for one run: each (category, message,
// line) once (the 'default' action), the filters the program sets, and
// CPython's two-line form on stderr:
//   /path/prog.py:4: UserWarning: Implicit dimension choice for softmax ...
//     y = F.softmax(x)
import { excClasses, pyError } from './python/runtime/exceptions';
import type { SourceRange, WarningRecord } from './trace/types';

export interface RunWarningsOptions {
  /** The script's path as Python names it (its __file__). */
  path: string;
  source: string;
  stderr(text: string): void;
  record(w: WarningRecord): void;
  /** The statement running now, for warnings raised inside the engine. */
  here(): SourceRange;
}

interface Filter {
  action: string;
  category: string | null;
}

export class RunWarnings {
  private readonly seen = new Set<string>();
  private filters: Filter[] = [];
  private readonly lines: string[];

  constructor(private readonly o: RunWarningsOptions) {
    this.lines = o.source.split('\n');
  }

  /** warnings.simplefilter / filterwarnings (newest first), or 'reset'. */
  filter(action: string, category: string | null): void {
    if (action === 'reset') this.filters = [];
    else this.filters.unshift({ action, category });
  }

  warn(category: string, message: string, range: SourceRange | null): void {
    const r = range ?? this.o.here();
    const f = this.filters.find((x) => x.category === null || x.category === 'Warning' || x.category === category);
    const action = f?.action ?? 'default';
    if (action === 'ignore') return;
    if (action === 'error') throw pyError(excClasses.has(category) ? category : 'UserWarning', message);
    const key = action === 'always' ? null : action === 'once' ? `${category}\0${message}` : `${category}\0${message}\0${r.line}`;
    if (key !== null) {
      if (this.seen.has(key)) return;
      this.seen.add(key);
    }
    this.o.record({ category, message, range: r });
    const line = (this.lines[r.line - 1] ?? '').trim();
    this.o.stderr(`${this.o.path}:${r.line}: ${category}: ${message}\n${line ? `  ${line}\n` : ''}`);
  }
}
