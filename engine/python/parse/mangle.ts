// Private name mangling: inside `class C`, an identifier `__x` (not a dunder)
// means `_C__x`, as CPython's compiler rewrites it. Applied to names,
// attributes, parameters and definitions of the class body, nested functions
// included (nested classes were already mangled with their own name).
import type { Arg, Expr, FStringPart, Param, Stmt } from '../ast';

export function mangleClassBody(className: string, body: Stmt[]): void {
  const stripped = className.replace(/^_+/, '');
  if (!stripped) return;
  const m = (id: string): string => (id.startsWith('__') && !id.endsWith('__') && !id.includes('.') ? `_${stripped}${id}` : id);
  const expr = (e: Expr | null): void => {
    if (!e) return;
    switch (e.kind) {
      case 'Name': e.id = m(e.id); return;
      case 'Attribute': e.attr = m(e.attr); expr(e.value); return;
      case 'Constant': return;
      case 'FString': parts(e.parts); return;
      case 'BinOp': case 'BoolOp': expr(e.left); expr(e.right); return;
      case 'UnaryOp': expr(e.operand); return;
      case 'Compare': expr(e.left); e.comparators.forEach(expr); return;
      case 'IfExp': expr(e.test); expr(e.body); expr(e.orelse); return;
      case 'Call': expr(e.func); args(e.args); return;
      case 'Subscript': expr(e.value); expr(e.index); return;
      case 'Slice': expr(e.lower); expr(e.upper); expr(e.step); return;
      case 'Tuple': case 'List': case 'Set': e.elts.forEach(expr); return;
      case 'Dict': for (const it of e.items) { if (it.kind === 'pair') expr(it.key); expr(it.value); } return;
      case 'Starred': expr(e.value); return;
      case 'Lambda': params(e.params); expr(e.body); return;
      case 'Comp':
        expr(e.elt); expr(e.value);
        for (const c of e.clauses) { if (c.kind === 'for') { expr(c.target); expr(c.iter); } else expr(c.test); }
        return;
      case 'NamedExpr': e.target = m(e.target); expr(e.value); return;
      case 'Yield': expr(e.value); return;
    }
  };
  const parts = (ps: FStringPart[] | null): void => {
    for (const p of ps ?? []) if (p.kind === 'expr') { expr(p.expr); parts(p.spec); }
  };
  const args = (as: Arg[]): void => as.forEach((a) => expr(a.value));
  const params = (ps: Param[]): void => ps.forEach((p) => { p.name = m(p.name); expr(p.default); });
  const stmts = (ss: Stmt[]): void => ss.forEach(stmt);
  const stmt = (s: Stmt): void => {
    switch (s.kind) {
      case 'Expr': expr(s.value); return;
      case 'Assign': s.targets.forEach(expr); expr(s.value); return;
      case 'AnnAssign': expr(s.target); expr(s.value); return;
      case 'AugAssign': expr(s.target); expr(s.value); return;
      case 'Return': expr(s.value); return;
      case 'Delete': s.targets.forEach(expr); return;
      case 'Raise': expr(s.exc); expr(s.cause); return;
      case 'Assert': expr(s.test); expr(s.msg); return;
      case 'Global': case 'Nonlocal': s.names = s.names.map(m); return;
      case 'If': case 'While': expr(s.test); stmts(s.body); stmts(s.orelse); return;
      case 'For': expr(s.target); expr(s.iter); stmts(s.body); stmts(s.orelse); return;
      case 'Try':
        stmts(s.body);
        for (const h of s.handlers) { expr(h.type); if (h.name) h.name = m(h.name); stmts(h.body); }
        stmts(s.orelse); stmts(s.finalbody);
        return;
      case 'With': for (const it of s.items) { expr(it.expr); expr(it.target); } stmts(s.body); return;
      case 'FunctionDef': {
        s.name = m(s.name);
        s.decorators.forEach(expr);
        params(s.params);
        stmts(s.body);
        if (s.scope) {
          const mangleSet = (set: Set<string>) => new Set([...set].map(m));
          s.scope = { ...s.scope, locals: mangleSet(s.scope.locals), globals: mangleSet(s.scope.globals), nonlocals: mangleSet(s.scope.nonlocals) };
        }
        return;
      }
      case 'ClassDef': s.name = m(s.name); s.decorators.forEach(expr); args(s.bases); return;
      case 'Import': case 'ImportFrom': case 'Pass': case 'Break': case 'Continue': case 'Unsupported': return;
    }
  };
  stmts(body);
}
