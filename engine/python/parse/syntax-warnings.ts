// The SyntaxWarnings CPython's compiler gives before a program runs, for
// code that is legal but almost surely a slip: `x is 1` (identity with a
// literal), `5()` and `[1, 2] [0]` style calls and subscripts of a literal
// (a missing comma). Same texts and places as compile.c's check_compare,
// check_caller and check_subscripter.
import type { Expr, Module } from '../ast';
import type { SourceRange } from '../../trace/types';

export interface SyntaxWarningRecord {
  message: string;
  range: SourceRange;
}

/** A literal CPython folds to a constant (`-1` included), or null. */
function constantType(e: Expr): string | null {
  if (e.kind === 'UnaryOp' && (e.op === 'neg' || e.op === 'pos') && e.operand.kind === 'Constant') return constantType(e.operand);
  if (e.kind !== 'Constant') return null;
  const v = e.value;
  if (v === null) return 'NoneType';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'number') return 'float';
  if (typeof v === 'string') return 'str';
  return 'ellipsis' in v ? 'ellipsis' : 'complex';
}

/** Whether `x is e` is fine: e is not a literal, or a singleton literal. */
function okForIs(e: Expr): boolean {
  const t = constantType(e);
  return t === null || t === 'NoneType' || t === 'bool' || t === 'ellipsis';
}

/** The type of a literal that can never be called, or null. */
function literalType(e: Expr): string | null {
  switch (e.kind) {
    case 'Tuple': return 'tuple';
    case 'List': return 'list';
    case 'Dict': return 'dict';
    case 'Set': return 'set';
    case 'FString': return 'str';
    case 'Comp': return e.type === 'gen' ? 'generator' : e.type;
    default: return constantType(e);
  }
}

export function syntaxWarnings(mod: Module): SyntaxWarningRecord[] {
  const out: SyntaxWarningRecord[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (typeof node !== 'object' || node === null || !('kind' in node)) return;
    const e = node as Expr;
    if (e.kind === 'Compare') {
      let left = e.left;
      e.ops.forEach((op, i) => {
        const right = e.comparators[i];
        if ((op === 'is' || op === 'is not') && (!okForIs(left) || !okForIs(right))) {
          out.push({ message: `"${op}" with a literal. Did you mean "${op === 'is' ? '==' : '!='}"?`, range: e.range });
        }
        left = right;
      });
    } else if (e.kind === 'Call') {
      const t = literalType(e.func);
      if (t !== null) out.push({ message: `'${t}' object is not callable; perhaps you missed a comma?`, range: e.range });
    } else if (e.kind === 'Subscript') {
      const t = literalType(e.value);
      if (t !== null && ['NoneType', 'bool', 'int', 'float', 'complex', 'set', 'generator', 'ellipsis'].includes(t)) {
        out.push({ message: `'${t}' object is not subscriptable; perhaps you missed a comma?`, range: e.range });
      }
    }
    for (const v of Object.values(node)) if (typeof v === 'object' && v !== null) visit(v);
  };
  visit(mod.body);
  return out;
}
