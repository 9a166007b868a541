// Which names a function body binds (Python decides local vs global per
// function, before running it), and whether it is a generator.
import type { Expr, FunctionScopeInfo, Param, Stmt } from '../ast';

export function analyseFunction(params: Param[], body: Stmt[]): FunctionScopeInfo {
  const info: FunctionScopeInfo = { locals: new Set(params.map((p) => p.name)), globals: new Set(), nonlocals: new Set(), isGenerator: false };
  for (const s of body) visitStmt(s, info);
  for (const g of info.globals) info.locals.delete(g);
  for (const n of info.nonlocals) info.locals.delete(n);
  return info;
}

function bindTarget(t: Expr, info: FunctionScopeInfo): void {
  switch (t.kind) {
    case 'Name':
      info.locals.add(t.id);
      return;
    case 'Tuple':
    case 'List':
      for (const e of t.elts) bindTarget(e, info);
      return;
    case 'Starred':
      bindTarget(t.value, info);
      return;
    default:
      visitExpr(t, info);
  }
}

function visitStmts(body: Stmt[], info: FunctionScopeInfo): void {
  for (const s of body) visitStmt(s, info);
}

function visitStmt(s: Stmt, info: FunctionScopeInfo): void {
  switch (s.kind) {
    case 'Expr':
      visitExpr(s.value, info);
      return;
    case 'Assign':
      for (const t of s.targets) bindTarget(t, info);
      visitExpr(s.value, info);
      return;
    case 'AnnAssign':
      bindTarget(s.target, info);
      if (s.value) visitExpr(s.value, info);
      return;
    case 'AugAssign':
      bindTarget(s.target, info);
      visitExpr(s.value, info);
      return;
    case 'Return':
      if (s.value) visitExpr(s.value, info);
      return;
    case 'Delete':
      for (const t of s.targets) bindTarget(t, info);
      return;
    case 'Raise':
      if (s.exc) visitExpr(s.exc, info);
      if (s.cause) visitExpr(s.cause, info);
      return;
    case 'Assert':
      visitExpr(s.test, info);
      if (s.msg) visitExpr(s.msg, info);
      return;
    case 'Global':
      for (const n of s.names) info.globals.add(n);
      return;
    case 'Nonlocal':
      for (const n of s.names) info.nonlocals.add(n);
      return;
    case 'Import':
      for (const n of s.names) info.locals.add(n.asname ?? n.name.split('.')[0]);
      return;
    case 'ImportFrom':
      if (s.names !== '*') for (const n of s.names) info.locals.add(n.asname ?? n.name);
      return;
    case 'If':
    case 'While':
      visitExpr(s.test, info);
      visitStmts(s.body, info);
      visitStmts(s.orelse, info);
      return;
    case 'For':
      bindTarget(s.target, info);
      visitExpr(s.iter, info);
      visitStmts(s.body, info);
      visitStmts(s.orelse, info);
      return;
    case 'Try':
      visitStmts(s.body, info);
      for (const h of s.handlers) {
        if (h.name) info.locals.add(h.name);
        if (h.type) visitExpr(h.type, info);
        visitStmts(h.body, info);
      }
      visitStmts(s.orelse, info);
      visitStmts(s.finalbody, info);
      return;
    case 'With':
      for (const it of s.items) {
        visitExpr(it.expr, info);
        if (it.target) bindTarget(it.target, info);
      }
      visitStmts(s.body, info);
      return;
    case 'FunctionDef':
    case 'ClassDef':
      info.locals.add(s.name);
      for (const d of s.decorators) visitExpr(d, info);
      return;
    case 'Pass': case 'Break': case 'Continue': case 'Unsupported':
      return;
  }
}

function visitExpr(e: Expr, info: FunctionScopeInfo): void {
  switch (e.kind) {
    case 'Yield':
      info.isGenerator = true;
      if (e.value) visitExpr(e.value, info);
      return;
    case 'NamedExpr':
      info.locals.add(e.target);
      visitExpr(e.value, info);
      return;
    case 'BinOp': case 'BoolOp':
      visitExpr(e.left, info);
      visitExpr(e.right, info);
      return;
    case 'UnaryOp':
      visitExpr(e.operand, info);
      return;
    case 'Compare':
      visitExpr(e.left, info);
      for (const c of e.comparators) visitExpr(c, info);
      return;
    case 'IfExp':
      visitExpr(e.test, info);
      visitExpr(e.body, info);
      visitExpr(e.orelse, info);
      return;
    case 'Call':
      visitExpr(e.func, info);
      for (const a of e.args) visitExpr(a.value, info);
      return;
    case 'Attribute': case 'Starred':
      visitExpr(e.value, info);
      return;
    case 'Subscript':
      visitExpr(e.value, info);
      visitExpr(e.index, info);
      return;
    case 'Tuple': case 'List': case 'Set':
      for (const x of e.elts) visitExpr(x, info);
      return;
    case 'Dict':
      for (const it of e.items) {
        if (it.kind === 'pair') visitExpr(it.key, info);
        visitExpr(it.value, info);
      }
      return;
    case 'FString':
      for (const p of e.parts) if (p.kind === 'expr') visitExpr(p.expr, info);
      return;
    case 'Comp':
      // A comprehension's first iterable is evaluated in the enclosing scope.
      if (e.clauses[0]?.kind === 'for') visitExpr(e.clauses[0].iter, info);
      return;
    case 'Slice':
      if (e.lower) visitExpr(e.lower, info);
      if (e.upper) visitExpr(e.upper, info);
      if (e.step) visitExpr(e.step, info);
      return;
    case 'Name': case 'Constant': case 'Lambda':
      return;
  }
}
