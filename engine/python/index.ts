// Public API of the Python front end (see hooks.ts for the trace hooks and
// runtime/objects.ts for the object model native modules build on).
export { parse } from './parse/index';
export type { Module, Stmt, Expr } from './ast';
export { Interpreter } from './runtime/interpreter';
export type { InterpreterOptions, RunResult, Frame } from './runtime/interpreter';
export type { InterpreterHooks, ExprKind } from './hooks';
export { runPython, runModule, toRunError, formatTraceback } from './run';
export type { PythonRunOptions, PythonRunResult } from './run';
export { registerModule, defaultModules, ModuleRegistry, makeModule } from './modules/registry';
export * from './runtime/objects';
export { PyDict, PySet, objectId, hashKey } from './runtime/dict';
export { PyException, pyError, excClass, newException, isExceptionClass } from './runtime/exceptions';
export {
  typeOf, typeName, getAttr, getAttrOpt, setAttr, genericSetAttr, repr, str, truthy, len, findDunder, bindAttr,
} from './runtime/protocol';
export { binaryOp, compareOp, eq, contains } from './runtime/ops';
export { getIterator, iterate, toArray, arrayIterator } from './runtime/iter';
export { getItem, setItem, delItem, sliceIndices } from './runtime/subscript';
export { formatValue } from './runtime/format-value';
export { bindParams } from './runtime/call';
export { formatPyFloat } from './format/float';
export { toInt, toFloat } from './builtins/constructors';
export { isinstanceOf } from './builtins/functions';
export { toNotebookSource } from './notebook';
import './modules/index';
