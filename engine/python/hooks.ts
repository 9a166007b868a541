// Hooks the trace recorder (engine/trace, H5) attaches to the interpreter.
// All optional: with none attached the interpreter only pays a property check.
//
//   onExpr(range, value, kind)   after each evaluated expression of these kinds:
//                                'call' results, 'name' loads, 'attribute' loads,
//                                'subscript' loads, 'binop'/'unary'/'compare' results.
//                                Constants and display literals are not reported.
//                                May return a Promise (e.g. to read a GPU tensor);
//                                the interpreter awaits it.
//   onAssign(name, range, value) after `name = value` binds a plain name (also
//                                for-loop targets, augmented assignment, with-as,
//                                imports); range is the target name's range.
//   onLoopIteration(range, n)    at the start of each iteration n (1-based) of the
//                                `for`/`while` statement at range.
//   onCall(range, depth) / onReturn(range, depth)
//                                around each call of a Python-defined function
//                                (range = the call expression); the interpreter's
//                                `callStack` array holds the same ranges.
//   onStdout(text)               everything print() writes.
//   onStderr(text)               what the program writes to sys.stderr.
//
// Errors leave the interpreter as RunError-shaped data (see interpreter.ts's
// `runModule` result): type, message, range and traceback frames.
import type { SourceRange } from '../trace/types';
import type { PyValue } from './runtime/objects';

export type ExprKind = 'call' | 'name' | 'attribute' | 'subscript' | 'binop' | 'unary' | 'compare';

export interface InterpreterHooks {
  onExpr?(range: SourceRange, value: PyValue, kind: ExprKind): void | Promise<void>;
  onAssign?(name: string, range: SourceRange, value: PyValue): void | Promise<void>;
  onLoopIteration?(range: SourceRange, iteration: number): void;
  onCall?(range: SourceRange, depth: number): void;
  onReturn?(range: SourceRange, depth: number): void;
  onStdout?(text: string): void;
  /** What the program writes to sys.stderr (print(..., file=sys.stderr)). */
  onStderr?(text: string): void;
  /** warnings.warn(): the category's name, the message, and the statement
   *  the warning names (the caller's, for stacklevel=2). */
  onWarning?(category: string, message: string, range: SourceRange | null): void | Promise<void>;
  /** warnings.simplefilter/filterwarnings(action, category) and resetwarnings ('reset'). */
  onWarningFilter?(action: string, category: string | null): void;
}
