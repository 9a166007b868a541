// runPython(source): parse + interpret, returning stdout and a RunError-shaped
// error (engine/trace/types.ts). engine/runtime.ts (H5) builds the full trace
// around an Interpreter; this is the language-only entry point.
import type { RunError, SourceRange } from '../trace/types';
import { parse } from './parse/index';
import { Interpreter, InterpreterOptions } from './runtime/interpreter';
import { PyException } from './runtime/exceptions';
import type { PyTraceFrame } from './traceback';
import { chainOf, messageOf } from './runtime/exc-chain';
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
  const out: RunError = {
    type: e.typeName,
    message: await messageOf(it, e.value),
    range: e.range ?? WHOLE_FILE,
    traceback: e.frames,
    related: [],
  };
  const chain = await chainOf(it, e.value);
  // The chain rides on the outermost frame, like each frame's `range`: the
  // trace keeps frames as they are but copies only RunError's own fields.
  const outer = e.frames[0] as PyTraceFrame | undefined;
  if (outer) {
    if (chain.length) outer.chain = chain;
    else delete outer.chain;
  }
  return out;
}

export { formatTraceback } from './traceback';
