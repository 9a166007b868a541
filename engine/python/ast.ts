// The project's own Python AST: built once from the Lezer tree (parse/), walked
// by the interpreter. Every node carries the SourceRange the trace keys on.
import type { SourceRange } from '../trace/types';

export type Expr =
  | { kind: 'Name'; range: SourceRange; id: string }
  | { kind: 'Constant'; range: SourceRange; value: ConstValue }
  | { kind: 'FString'; range: SourceRange; parts: FStringPart[] }
  | { kind: 'BinOp'; range: SourceRange; op: BinOpName; left: Expr; right: Expr }
  | { kind: 'UnaryOp'; range: SourceRange; op: 'neg' | 'pos' | 'invert' | 'not'; operand: Expr }
  | { kind: 'BoolOp'; range: SourceRange; op: 'and' | 'or'; left: Expr; right: Expr }
  | { kind: 'Compare'; range: SourceRange; left: Expr; ops: CmpOpName[]; comparators: Expr[] }
  | { kind: 'IfExp'; range: SourceRange; test: Expr; body: Expr; orelse: Expr }
  | { kind: 'Call'; range: SourceRange; func: Expr; args: Arg[] }
  | { kind: 'Attribute'; range: SourceRange; value: Expr; attr: string }
  | { kind: 'Subscript'; range: SourceRange; value: Expr; index: Expr }
  | { kind: 'Slice'; range: SourceRange; lower: Expr | null; upper: Expr | null; step: Expr | null }
  | { kind: 'Tuple'; range: SourceRange; elts: Expr[] }
  | { kind: 'List'; range: SourceRange; elts: Expr[] }
  | { kind: 'Set'; range: SourceRange; elts: Expr[] }
  | { kind: 'Dict'; range: SourceRange; items: DictItem[] }
  | { kind: 'Starred'; range: SourceRange; value: Expr }
  | { kind: 'Lambda'; range: SourceRange; params: Param[]; body: Expr }
  | { kind: 'Comp'; range: SourceRange; type: 'list' | 'set' | 'gen' | 'dict'; elt: Expr; value: Expr | null; clauses: CompClause[] }
  | { kind: 'NamedExpr'; range: SourceRange; target: string; value: Expr }
  | { kind: 'Yield'; range: SourceRange; value: Expr | null; from: boolean };

export type ConstValue = null | boolean | bigint | number | string | { ellipsis: true } | { imag: number };

export type FStringPart =
  | { kind: 'text'; text: string }
  | { kind: 'expr'; expr: Expr; conversion: 'r' | 's' | 'a' | null; spec: FStringPart[] | null; selfDoc: string | null };

export type BinOpName = '+' | '-' | '*' | '@' | '/' | '//' | '%' | '**' | '<<' | '>>' | '&' | '|' | '^';
export type CmpOpName = '<' | '>' | '<=' | '>=' | '==' | '!=' | 'in' | 'not in' | 'is' | 'is not';

export type Arg =
  | { kind: 'pos'; value: Expr }
  | { kind: 'star'; value: Expr }
  | { kind: 'kw'; name: string; value: Expr }
  | { kind: 'starstar'; value: Expr };

export type DictItem = { kind: 'pair'; key: Expr; value: Expr } | { kind: 'spread'; value: Expr };

export interface Param {
  name: string;
  kind: 'normal' | 'star' | 'starstar' | 'kwonly' | 'posonly';
  default: Expr | null;
  range: SourceRange;
}

export type CompClause = { kind: 'for'; target: Expr; iter: Expr } | { kind: 'if'; test: Expr };

export interface ExceptHandler {
  range: SourceRange;
  type: Expr | null;
  name: string | null;
  body: Stmt[];
}

export interface WithItem {
  expr: Expr;
  target: Expr | null;
}

export interface ImportName {
  /** dotted module or member name */
  name: string;
  asname: string | null;
  range: SourceRange;
}

export type Stmt =
  | { kind: 'Expr'; range: SourceRange; value: Expr; /** Jupyter: show the value (last line of a cell). */ display?: boolean }
  | { kind: 'Assign'; range: SourceRange; targets: Expr[]; value: Expr }
  | { kind: 'AnnAssign'; range: SourceRange; target: Expr; value: Expr | null }
  | { kind: 'AugAssign'; range: SourceRange; target: Expr; op: BinOpName; value: Expr }
  | { kind: 'Pass'; range: SourceRange }
  | { kind: 'Break'; range: SourceRange }
  | { kind: 'Continue'; range: SourceRange }
  | { kind: 'Return'; range: SourceRange; value: Expr | null }
  | { kind: 'Delete'; range: SourceRange; targets: Expr[] }
  | { kind: 'Raise'; range: SourceRange; exc: Expr | null; cause: Expr | null }
  | { kind: 'Assert'; range: SourceRange; test: Expr; msg: Expr | null }
  | { kind: 'Global'; range: SourceRange; names: string[] }
  | { kind: 'Nonlocal'; range: SourceRange; names: string[] }
  | { kind: 'Import'; range: SourceRange; names: ImportName[] }
  | { kind: 'ImportFrom'; range: SourceRange; module: string; level: number; names: ImportName[] | '*' }
  | { kind: 'If'; range: SourceRange; test: Expr; body: Stmt[]; orelse: Stmt[] }
  | { kind: 'While'; range: SourceRange; test: Expr; body: Stmt[]; orelse: Stmt[] }
  | { kind: 'For'; range: SourceRange; target: Expr; iter: Expr; body: Stmt[]; orelse: Stmt[] }
  | { kind: 'Try'; range: SourceRange; body: Stmt[]; handlers: ExceptHandler[]; orelse: Stmt[]; finalbody: Stmt[] }
  | { kind: 'With'; range: SourceRange; items: WithItem[]; body: Stmt[] }
  | { kind: 'FunctionDef'; range: SourceRange; name: string; nameRange: SourceRange; params: Param[]; body: Stmt[]; decorators: Expr[]; isAsync: boolean; scope?: FunctionScopeInfo }
  | { kind: 'ClassDef'; range: SourceRange; name: string; nameRange: SourceRange; bases: Arg[]; body: Stmt[]; decorators: Expr[] }
  | { kind: 'Unsupported'; range: SourceRange; construct: string };

/** Names a function body binds, computed once (parse/scope.ts): drives
 *  Python's local/global/nonlocal resolution and generator detection. */
export interface FunctionScopeInfo {
  locals: Set<string>;
  globals: Set<string>;
  nonlocals: Set<string>;
  isGenerator: boolean;
}

export interface Module {
  body: Stmt[];
  /** First syntax error; statements before it were converted and can run. */
  syntaxError: { message: string; range: SourceRange; type?: 'SyntaxError' | 'IndentationError' } | null;
  /** The text parsed (traceback.format_exc() quotes its lines). */
  source?: string;
}
