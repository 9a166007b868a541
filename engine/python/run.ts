// runPython(source): parse + interpret, returning stdout and a RunError-shaped
// error (engine/trace/types.ts). engine/runtime.ts (H5) builds the full trace
// around an Interpreter; this is the language-only entry point.
import type { RunError, SourceRange } from '../trace/types';
import { parse } from './parse/index';
import { Interpreter, InterpreterOptions } from './runtime/interpreter';
import { PyException } from './runtime/exceptions';
import { exceptionStr } from './runtime/protocol';
import type { Module } from './ast';

export interface PythonRunResult {
  stdout: string;
  error: RunError | null;
  stopped: 'time' | 'recursion' | 'cancelled' | null;
  interpreter: Interpreter;
}

export interface PythonRunOptions extends InterpreterOptions {
  /** Run the statements above a syntax error (live mode). The CLI, like
   *  Python, runs nothing when the file does not parse. */
  runBeforeSyntaxError?: boolean;
}

const WHOLE_FILE: SourceRange = { from: 0, to: 0, line: 1, col: 0, endLine: 1, endCol: 0 };

export async function runPython(source: string, options: PythonRunOptions = {}): Promise<PythonRunResult> {
  const mod = parse(source);
  return runModule(mod, options);
}

export async function runModule(mod: Module, options: PythonRunOptions = {}): Promise<PythonRunResult> {
  const it = new Interpreter(options);
  const runnable = mod.syntaxError && !options.runBeforeSyntaxError ? { body: [], syntaxError: mod.syntaxError } : mod;
  const r = await it.runModule(runnable);
  return { stdout: it.stdout, error: r.error ? await toRunError(it, r.error) : null, stopped: r.stopped, interpreter: it };
}

export async function toRunError(it: Interpreter, e: PyException): Promise<RunError> {
  let message: string;
  try {
    message = await exceptionStr(it, e.value);
  } catch {
    message = '<exception str() failed>';
  }
  const out: RunError = {
    type: e.typeName,
    message,
    range: e.range ?? WHOLE_FILE,
    traceback: e.frames,
    related: [],
  };
  return out;
}

export { formatTraceback } from './traceback';
