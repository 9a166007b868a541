// Lezer statement nodes -> AST Stmt.
import type { SyntaxNode } from '@lezer/common';
import type { Arg, ExceptHandler, Expr, ImportName, Stmt, WithItem } from '../ast';
import { ConvertContext, kids, splitCommas } from './context';
import { convertArgs, convertElements, convertExpr, convertExprList, convertParams } from './expr';
import { analyseFunction } from './scope';
import { mangleClassBody } from './mangle';

export function convertStatements(cx: ConvertContext, node: SyntaxNode, out: Stmt[]): void {
  const range = cx.range(node);
  const k = kids(node);
  switch (node.name) {
    case 'StatementGroup':
      for (const c of k) if (c.name !== ';') convertStatements(cx, c, out);
      return;
    case 'ExpressionStatement':
      out.push({ kind: 'Expr', range, value: convertExprList(cx, k) });
      return;
    case 'AssignStatement':
      out.push(convertAssign(cx, node, k));
      return;
    case 'UpdateStatement': {
      const opAt = k.findIndex((c) => c.name === 'UpdateOp');
      const target = convertExprList(cx, k.slice(0, opAt));
      if (target.kind === 'Tuple' || target.kind === 'List') cx.fail(k[0], "'tuple' is an illegal expression for augmented assignment");
      const op = cx.text(k[opAt]).slice(0, -1) as never;
      out.push({ kind: 'AugAssign', range, target, op, value: convertExprList(cx, k.slice(opAt + 1)) });
      return;
    }
    case 'DeleteStatement':
      out.push({ kind: 'Delete', range, targets: convertElements(cx, k.slice(1)) });
      return;
    case 'PassStatement':
      out.push({ kind: 'Pass', range });
      return;
    case 'BreakStatement':
      out.push({ kind: 'Break', range });
      return;
    case 'ContinueStatement':
      out.push({ kind: 'Continue', range });
      return;
    case 'ReturnStatement':
      out.push({ kind: 'Return', range, value: k.length > 1 ? convertExprList(cx, k.slice(1)) : null });
      return;
    case 'YieldStatement':
      out.push({ kind: 'Expr', range, value: convertExpr(cx, node) });
      return;
    case 'RaiseStatement': {
      const fromAt = k.findIndex((c) => c.name === 'from');
      if (k.some((c) => c.name === ',')) cx.fail(node);
      const exc = k.length > 1 ? convertExpr(cx, k[1]) : null;
      out.push({ kind: 'Raise', range, exc, cause: fromAt > 0 ? convertExpr(cx, k[fromAt + 1]) : null });
      return;
    }
    case 'AssertStatement': {
      const items = convertElements(cx, k.slice(1));
      out.push({ kind: 'Assert', range, test: items[0], msg: items[1] ?? null });
      return;
    }
    case 'ScopeStatement': {
      const names = k.filter((c) => c.name === 'VariableName').map((c) => cx.text(c));
      out.push({ kind: k[0].name === 'global' ? 'Global' : 'Nonlocal', range, names });
      return;
    }
    case 'ImportStatement':
      out.push(convertImport(cx, node, k));
      return;
    case 'IfStatement':
      out.push(convertIf(cx, node, k));
      return;
    case 'WhileStatement': {
      const bodies = k.filter((c) => c.name === 'Body');
      out.push({ kind: 'While', range, test: convertExpr(cx, k[1]), body: convertBody(cx, bodies[0]), orelse: bodies[1] ? convertBody(cx, bodies[1]) : [] });
      return;
    }
    case 'ForStatement': {
      if (k[0].name === 'async') cx.fail(k[0], "'async for' outside async function");
      const inAt = k.findIndex((c) => c.name === 'in');
      const bodyAt = k.findIndex((c) => c.name === 'Body');
      const bodies = k.filter((c) => c.name === 'Body');
      out.push({
        kind: 'For', range,
        target: convertExprList(cx, k.slice(1, inAt)),
        iter: convertExprList(cx, k.slice(inAt + 1, bodyAt)),
        body: convertBody(cx, bodies[0]),
        orelse: bodies[1] ? convertBody(cx, bodies[1]) : [],
      });
      return;
    }
    case 'TryStatement':
      out.push(convertTry(cx, node, k));
      return;
    case 'WithStatement': {
      if (k[0].name === 'async') cx.fail(k[0], "'async with' outside async function");
      const items: WithItem[] = [];
      const bodyAt = k.findIndex((c) => c.name === 'Body');
      for (const g of splitCommas(k.slice(1, bodyAt)).groups) {
        items.push({ expr: convertExpr(cx, g[0]), target: g[1]?.name === 'as' ? convertExpr(cx, g[2]) : null });
      }
      out.push({ kind: 'With', range, items, body: convertBody(cx, k[bodyAt]) });
      return;
    }
    case 'FunctionDefinition':
      out.push(convertDef(cx, node, k, []));
      return;
    case 'ClassDefinition':
      out.push(convertClass(cx, node, k, []));
      return;
    case 'DecoratedStatement': {
      const decorators = k.filter((c) => c.name === 'Decorator').map((d) => convertDecorator(cx, d));
      const def = k[k.length - 1];
      const dk = kids(def);
      out.push(def.name === 'ClassDefinition' ? convertClass(cx, def, dk, decorators) : convertDef(cx, def, dk, decorators));
      return;
    }
    case 'PrintStatement':
      cx.fail(node, "Missing parentheses in call to 'print'. Did you mean print(...)?");
    case 'MatchStatement':
      out.push({ kind: 'Unsupported', range, construct: 'the match statement' });
      return;
    case 'TypeDefinition':
      out.push({ kind: 'Unsupported', range, construct: 'the type statement' });
      return;
    default:
      cx.fail(node);
  }
}

export function convertBody(cx: ConvertContext, body: SyntaxNode | undefined): Stmt[] {
  if (!body) return [];
  const out: Stmt[] = [];
  for (const c of kids(body)) if (c.name !== ':') convertStatements(cx, c, out);
  return out;
}

function convertAssign(cx: ConvertContext, node: SyntaxNode, k: SyntaxNode[]): Stmt {
  const range = cx.range(node);
  const typeAt = k.findIndex((c) => c.name === 'TypeDef');
  if (typeAt >= 0) {
    const target = convertExprList(cx, k.slice(0, typeAt));
    const eq = k.findIndex((c) => c.name === 'AssignOp');
    return { kind: 'AnnAssign', range, target, value: eq >= 0 ? convertExprList(cx, k.slice(eq + 1)) : null };
  }
  const segments: SyntaxNode[][] = [[]];
  for (const c of k) {
    if (c.name === 'AssignOp') segments.push([]);
    else segments[segments.length - 1].push(c);
  }
  const exprs = segments.map((s) => {
    if (s.length === 0) cx.fail(node);
    return convertExprList(cx, s);
  });
  const value = exprs.pop() as Expr;
  for (const t of exprs) checkTarget(cx, t);
  return { kind: 'Assign', range, targets: exprs, value };
}

function checkTarget(cx: ConvertContext, t: Expr): void {
  switch (t.kind) {
    case 'Name': case 'Attribute': case 'Subscript':
      return;
    case 'Tuple': case 'List':
      for (const e of t.elts) checkTarget(cx, e);
      return;
    case 'Starred':
      checkTarget(cx, t.value);
      return;
    case 'Call':
      throw cx.fail(t.range, "cannot assign to function call here. Maybe you meant '==' instead of '='?");
    case 'Constant':
      throw cx.fail(t.range, 'cannot assign to literal here. Maybe you meant \'==\' instead of \'=\'?');
    default:
      throw cx.fail(t.range, 'cannot assign to expression here. Maybe you meant \'==\' instead of \'=\'?');
  }
}

function convertIf(cx: ConvertContext, node: SyntaxNode, k: SyntaxNode[]): Stmt {
  // if T B (elif T B)* (else B)?  -> nested If nodes
  const branches: { test: Expr; body: SyntaxNode; from: number }[] = [];
  let orelse: SyntaxNode | null = null;
  for (let i = 0; i < k.length; i++) {
    const c = k[i];
    if (c.name === 'if' || c.name === 'elif') {
      if (k[i + 1]?.name === 'Body') cx.fail(k[i + 1]);
      branches.push({ test: convertExpr(cx, k[i + 1]), body: k[i + 2], from: c.from });
      i += 2;
    } else if (c.name === 'else') {
      orelse = k[i + 1];
      i += 1;
    }
  }
  let tail: Stmt[] = orelse ? convertBody(cx, orelse) : [];
  for (let i = branches.length - 1; i >= 0; i--) {
    const b = branches[i];
    const range = cx.lines.range(b.from, node.to);
    tail = [{ kind: 'If', range, test: b.test, body: convertBody(cx, b.body), orelse: tail }];
  }
  return tail[0];
}

function convertTry(cx: ConvertContext, node: SyntaxNode, k: SyntaxNode[]): Stmt {
  const handlers: ExceptHandler[] = [];
  let body: Stmt[] = [];
  let orelse: Stmt[] = [];
  let finalbody: Stmt[] = [];
  for (let i = 0; i < k.length; i++) {
    const c = k[i];
    if (c.name === 'try') body = convertBody(cx, k[++i]);
    else if (c.name === 'except') {
      let j = i + 1;
      if (k[j]?.name === '*') cx.fail(k[j], 'except* is not supported');
      let type: Expr | null = null;
      let name: string | null = null;
      if (k[j].name !== 'Body') type = convertExpr(cx, k[j++]);
      if (k[j]?.name === 'as') {
        name = cx.text(k[j + 1]);
        j += 2;
      }
      if (k[j]?.name !== 'Body') cx.fail(k[j] ?? c);
      handlers.push({ range: cx.lines.range(c.from, k[j].from), type, name, body: convertBody(cx, k[j]) });
      i = j;
    } else if (c.name === 'else') orelse = convertBody(cx, k[++i]);
    else if (c.name === 'finally') finalbody = convertBody(cx, k[++i]);
  }
  return { kind: 'Try', range: cx.range(node), body, handlers, orelse, finalbody };
}

function convertImport(cx: ConvertContext, node: SyntaxNode, k: SyntaxNode[]): Stmt {
  const range = cx.range(node);
  const names = (nodes: SyntaxNode[]): ImportName[] =>
    splitCommas(nodes.filter((n) => n.name !== '(' && n.name !== ')')).groups.map((g) => {
      const asAt = g.findIndex((n) => n.name === 'as');
      const dotted = (asAt >= 0 ? g.slice(0, asAt) : g).map((n) => cx.text(n)).join('');
      return { name: dotted, asname: asAt >= 0 ? cx.text(g[asAt + 1]) : null, range: cx.lines.range(g[0].from, g[g.length - 1].to) };
    });
  if (k[0].name === 'import') return { kind: 'Import', range, names: names(k.slice(1)) };
  const importAt = k.findIndex((c) => c.name === 'import');
  let level = 0;
  let module = '';
  for (const c of k.slice(1, importAt)) {
    if (c.name === '.' && module === '') level += 1;
    else if (c.name === '...') level += 3;
    else module += cx.text(c);
  }
  const rest = k.slice(importAt + 1);
  if (rest.length === 1 && rest[0].name === '*') return { kind: 'ImportFrom', range, module, level, names: '*' };
  return { kind: 'ImportFrom', range, module, level, names: names(rest) };
}

function convertDecorator(cx: ConvertContext, d: SyntaxNode): Expr {
  const k = kids(d).filter((c) => c.name !== 'At');
  let expr: Expr | null = null;
  for (const c of k) {
    if (c.name === 'VariableName') {
      expr = expr ? { kind: 'Attribute', range: cx.lines.range(k[0].from, c.to), value: expr, attr: cx.text(c) } : convertExpr(cx, c);
    } else if (c.name === 'ArgList' && expr) {
      expr = { kind: 'Call', range: cx.lines.range(k[0].from, c.to), func: expr, args: convertArgs(cx, c) };
    }
  }
  if (!expr) cx.fail(d);
  return expr;
}

function convertDef(cx: ConvertContext, node: SyntaxNode, k: SyntaxNode[], decorators: Expr[]): Stmt {
  const isAsync = k[0].name === 'async';
  const nameNode = k.find((c) => c.name === 'VariableName');
  const plist = k.find((c) => c.name === 'ParamList');
  const body = k.find((c) => c.name === 'Body');
  if (!nameNode || !plist || !body) cx.fail(node);
  const pk = kids(plist);
  const params = convertParams(cx, pk.slice(1, pk.length - 1));
  const stmt: Stmt = {
    kind: 'FunctionDef', range: cx.range(node), name: cx.text(nameNode), nameRange: cx.range(nameNode),
    params, body: convertBody(cx, body), decorators, isAsync,
  };
  stmt.scope = analyseFunction(params, stmt.body);
  return stmt;
}

function convertClass(cx: ConvertContext, node: SyntaxNode, k: SyntaxNode[], decorators: Expr[]): Stmt {
  const nameNode = k.find((c) => c.name === 'VariableName');
  const argList = k.find((c) => c.name === 'ArgList');
  const body = k.find((c) => c.name === 'Body');
  if (!nameNode || !body) cx.fail(node);
  const bases: Arg[] = argList ? convertArgs(cx, argList) : [];
  const name = cx.text(nameNode);
  const stmts = convertBody(cx, body);
  if (/(^|[^\w])__\w/.test(cx.text(body))) mangleClassBody(name, stmts);
  return { kind: 'ClassDef', range: cx.range(node), name, nameRange: cx.range(nameNode), bases, body: stmts, decorators };
}
