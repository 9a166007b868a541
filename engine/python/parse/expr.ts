// Lezer expression nodes -> AST Expr.
import type { SyntaxNode } from '@lezer/common';
import type { Arg, BinOpName, CmpOpName, CompClause, DictItem, Expr, Param } from '../ast';
import { ConvertContext, kids, splitCommas } from './context';
import { spanRanges } from './ranges';
import { convertFString, convertString } from './fstring';

const COMPARE_TOKENS = new Set(['<', '>', '<=', '>=', '==', '!=', '<>', 'in', 'not', 'is']);

export function convertExpr(cx: ConvertContext, node: SyntaxNode): Expr {
  const range = cx.range(node);
  switch (node.name) {
    case 'VariableName':
      return { kind: 'Name', range, id: cx.text(node) };
    case 'Number':
      return { kind: 'Constant', range, value: parseNumber(cx.text(node)) };
    case 'String':
      return convertString(cx, node);
    case 'FormatString':
      return convertFString(cx, [node], range);
    case 'ContinuedString': {
      const parts = kids(node);
      if (parts.every((p) => p.name === 'String')) {
        let value = '';
        for (const p of parts) value += (convertString(cx, p) as { value: string }).value;
        return { kind: 'Constant', range, value };
      }
      return convertFString(cx, parts, range);
    }
    case 'Boolean':
      return { kind: 'Constant', range, value: cx.text(node) === 'True' };
    case 'None':
      return { kind: 'Constant', range, value: null };
    case 'Ellipsis':
      return { kind: 'Constant', range, value: { ellipsis: true } };
    case 'BinaryExpression':
      return convertBinary(cx, node);
    case 'UnaryExpression': {
      const [op, operand] = kids(node);
      const t = cx.text(op);
      const name = t === '-' ? 'neg' : t === '+' ? 'pos' : t === '~' ? 'invert' : 'not';
      return { kind: 'UnaryOp', range, op: name, operand: convertExpr(cx, operand) };
    }
    case 'ParenthesizedExpression': {
      const inner = kids(node).filter((k) => k.name !== '(' && k.name !== ')');
      if (inner[0]?.name === '*') cx.fail(node, 'cannot use starred expression here');
      if (inner.length !== 1) cx.fail(node);
      return convertExpr(cx, inner[0]);
    }
    case 'TupleExpression':
      return { kind: 'Tuple', range, elts: convertElements(cx, inner(node)) };
    case 'ArrayExpression':
      return { kind: 'List', range, elts: convertElements(cx, inner(node)) };
    case 'SetExpression':
      return { kind: 'Set', range, elts: convertElements(cx, inner(node)) };
    case 'DictionaryExpression':
      return { kind: 'Dict', range, items: convertDictItems(cx, inner(node)) };
    case 'ComprehensionExpression':
      return convertComp(cx, node, 'gen');
    case 'ArrayComprehensionExpression':
      return convertComp(cx, node, 'list');
    case 'SetComprehensionExpression':
      return convertComp(cx, node, 'set');
    case 'DictionaryComprehensionExpression':
      return convertComp(cx, node, 'dict');
    case 'CallExpression': {
      const [fn, argList] = kids(node);
      return { kind: 'Call', range, func: convertExpr(cx, fn), args: convertArgs(cx, argList) };
    }
    case 'MemberExpression':
      return convertMember(cx, node);
    case 'ConditionalExpression': {
      const k = kids(node);
      return { kind: 'IfExp', range, body: convertExpr(cx, k[0]), test: convertExpr(cx, k[2]), orelse: convertExpr(cx, k[4]) };
    }
    case 'LambdaExpression': {
      const k = kids(node);
      const plist = k.find((c) => c.name === 'ParamList');
      return { kind: 'Lambda', range, params: plist ? convertParams(cx, kids(plist)) : [], body: convertExpr(cx, k[k.length - 1]) };
    }
    case 'NamedExpression': {
      const k = kids(node);
      if (k[0].name !== 'VariableName') cx.fail(k[0], 'cannot use assignment expressions with this target');
      return { kind: 'NamedExpr', range, target: cx.text(k[0]), value: convertExpr(cx, k[2]) };
    }
    case 'YieldStatement':
    case 'YieldExpression': {
      const k = kids(node).slice(1).filter((n) => !n.type.isError);
      if (k[0]?.name === 'from') return { kind: 'Yield', range, value: convertExpr(cx, k[1]), from: true };
      return { kind: 'Yield', range, value: k.length ? convertExprList(cx, k) : null, from: false };
    }
    case 'AwaitExpression':
      cx.fail(node, "'await' outside async function");
    default:
      return cx.fail(node);
  }
}

function inner(node: SyntaxNode): SyntaxNode[] {
  const k = kids(node);
  return k.slice(1, k.length - 1);
}

/** `a, *b, c` items (tuple/list/set displays, for targets, return values). */
export function convertElements(cx: ConvertContext, nodes: SyntaxNode[]): Expr[] {
  return splitCommas(nodes).groups.map((g) => {
    if (g[0].name === '*') {
      if (g.length !== 2) cx.fail(g[0]);
      return { kind: 'Starred', range: spanRanges(cx.range(g[0]), cx.range(g[1])), value: convertExpr(cx, g[1]) } as Expr;
    }
    if (g.length !== 1) cx.fail(g[1]);
    return convertExpr(cx, g[0]);
  });
}

/** `a, b` as one expression: a Tuple when there is a comma. */
export function convertExprList(cx: ConvertContext, nodes: SyntaxNode[]): Expr {
  const { groups, trailingComma } = splitCommas(nodes);
  if (groups.length === 1 && !trailingComma && groups[0][0].name !== '*') {
    if (groups[0].length !== 1) cx.fail(groups[0][1]);
    return convertExpr(cx, groups[0][0]);
  }
  if (nodes.length === 0) cx.fail({ from: 0, to: 0 });
  const range = cx.lines.range(nodes[0].from, nodes[nodes.length - 1].to);
  return { kind: 'Tuple', range, elts: convertElements(cx, nodes) };
}

function convertDictItems(cx: ConvertContext, nodes: SyntaxNode[]): DictItem[] {
  return splitCommas(nodes).groups.map((g) => {
    if (g[0].name === '**') return { kind: 'spread', value: convertExpr(cx, g[1]) } as DictItem;
    if (g.length !== 3 || g[1].name !== ':') cx.fail(g[0]);
    return { kind: 'pair', key: convertExpr(cx, g[0]), value: convertExpr(cx, g[2]) } as DictItem;
  });
}

function convertBinary(cx: ConvertContext, node: SyntaxNode): Expr {
  const k = kids(node);
  const left = k[0];
  const right = k[k.length - 1];
  const opText = k.slice(1, k.length - 1).map((o) => cx.text(o)).join(' ');
  const range = cx.range(node);
  if (opText === 'and' || opText === 'or') {
    return { kind: 'BoolOp', range, op: opText, left: convertExpr(cx, left), right: convertExpr(cx, right) };
  }
  if (COMPARE_TOKENS.has(cx.text(k[1]))) {
    const op = (opText === '<>' ? '!=' : opText) as CmpOpName;
    const l = convertExpr(cx, left);
    const r = convertExpr(cx, right);
    // `a < b < c` parses left-nested; Python treats it as one chain.
    if (l.kind === 'Compare' && left.name === 'BinaryExpression') {
      return { kind: 'Compare', range, left: l.left, ops: [...l.ops, op], comparators: [...l.comparators, r] };
    }
    return { kind: 'Compare', range, left: l, ops: [op], comparators: [r] };
  }
  return { kind: 'BinOp', range, op: opText as BinOpName, left: convertExpr(cx, left), right: convertExpr(cx, right) };
}

function convertMember(cx: ConvertContext, node: SyntaxNode): Expr {
  const k = kids(node);
  const range = cx.range(node);
  const value = convertExpr(cx, k[0]);
  if (k[1].name === '.') {
    if (!k[2] || k[2].name !== 'PropertyName') cx.fail(node);
    return { kind: 'Attribute', range, value, attr: cx.text(k[2]) };
  }
  const body = k.slice(2, k.length - 1);
  if (k[k.length - 1].name !== ']' || body.length === 0) cx.fail(node);
  const { groups, trailingComma } = splitCommas(body);
  const items = groups.map((g) => convertSubscriptItem(cx, g));
  if (items.length === 1 && !trailingComma) return { kind: 'Subscript', range, value, index: items[0] };
  const irange = cx.lines.range(body[0].from, body[body.length - 1].to);
  return { kind: 'Subscript', range, value, index: { kind: 'Tuple', range: irange, elts: items } };
}

function convertSubscriptItem(cx: ConvertContext, g: SyntaxNode[]): Expr {
  if (g[0].name === '*') return { kind: 'Starred', range: cx.lines.range(g[0].from, g[g.length - 1].to), value: convertExpr(cx, g[1]) };
  if (!g.some((n) => n.name === ':')) {
    if (g.length !== 1) cx.fail(g[1]);
    return convertExpr(cx, g[0]);
  }
  const parts: (Expr | null)[] = [null];
  for (const n of g) {
    if (n.name === ':') parts.push(null);
    else parts[parts.length - 1] = convertExpr(cx, n);
  }
  const range = cx.lines.range(g[0].from, g[g.length - 1].to);
  return { kind: 'Slice', range, lower: parts[0], upper: parts[1] ?? null, step: parts[2] ?? null };
}

export function convertArgs(cx: ConvertContext, argList: SyntaxNode): Arg[] {
  const body = inner(argList);
  const groups = splitCommas(body).groups;
  return groups.map((g): Arg => {
    if (g[0].name === '*') return { kind: 'star', value: convertExpr(cx, g[1]) };
    if (g[0].name === '**') return { kind: 'starstar', value: convertExpr(cx, g[1]) };
    if (g.length >= 3 && g[1].name === 'AssignOp' && cx.text(g[1]) === '=') {
      return { kind: 'kw', name: cx.text(g[0]), value: convertExpr(cx, g[2]) };
    }
    if (g.length > 1 && g[1].name === 'for') {
      // f(x for x in y): a generator expression argument.
      const range = cx.lines.range(g[0].from, g[g.length - 1].to);
      return { kind: 'pos', value: { kind: 'Comp', range, type: 'gen', elt: convertExpr(cx, g[0]), value: null, clauses: convertClauses(cx, g.slice(1)) } };
    }
    if (g.length !== 1) cx.fail(g[1]);
    return { kind: 'pos', value: convertExpr(cx, g[0]) };
  });
}

function convertComp(cx: ConvertContext, node: SyntaxNode, type: 'list' | 'set' | 'gen' | 'dict'): Expr {
  const body = inner(node);
  const forAt = body.findIndex((n) => n.name === 'for' || n.name === 'async');
  if (forAt < 0) cx.fail(node);
  const head = body.slice(0, forAt);
  const range = cx.range(node);
  const clauses = convertClauses(cx, body.slice(forAt));
  if (type === 'dict') {
    if (head.length !== 3) cx.fail(node, 'dict unpacking cannot be used in dict comprehension');
    return { kind: 'Comp', range, type, elt: convertExpr(cx, head[0]), value: convertExpr(cx, head[2]), clauses };
  }
  if (head.length !== 1) cx.fail(node, 'iterable unpacking cannot be used in comprehension');
  return { kind: 'Comp', range, type, elt: convertExpr(cx, head[0]), value: null, clauses };
}

function convertClauses(cx: ConvertContext, nodes: SyntaxNode[]): CompClause[] {
  const clauses: CompClause[] = [];
  let i = 0;
  while (i < nodes.length) {
    const n = nodes[i];
    if (n.name === 'async') cx.fail(n, 'asynchronous comprehension outside of an asynchronous function');
    if (n.name === 'for') {
      const inAt = nodes.findIndex((m, j) => j > i && m.name === 'in');
      if (inAt < 0) cx.fail(n);
      const target = convertExprList(cx, nodes.slice(i + 1, inAt));
      clauses.push({ kind: 'for', target, iter: convertExpr(cx, nodes[inAt + 1]) });
      i = inAt + 2;
    } else if (n.name === 'if') {
      clauses.push({ kind: 'if', test: convertExpr(cx, nodes[i + 1]) });
      i += 2;
    } else {
      cx.fail(n);
    }
  }
  return clauses;
}

/** Parameters of `def` (inside the parens) or `lambda`. */
export function convertParams(cx: ConvertContext, nodes: SyntaxNode[]): Param[] {
  const params: Param[] = [];
  let kwOnly = false;
  for (const g of splitCommas(nodes).groups) {
    const first = g[0];
    if (first.name === '/') {
      for (const p of params) p.kind = 'posonly';
      continue;
    }
    if (first.name === '*') {
      kwOnly = true;
      if (g[1]?.name === 'VariableName') params.push({ name: cx.text(g[1]), kind: 'star', default: null, range: cx.range(g[1]) });
      continue;
    }
    if (first.name === '**') {
      params.push({ name: cx.text(g[1]), kind: 'starstar', default: null, range: cx.range(g[1]) });
      continue;
    }
    if (first.name !== 'VariableName') cx.fail(first);
    const eq = g.findIndex((n) => n.name === 'AssignOp');
    const def = eq >= 0 ? convertExpr(cx, g[eq + 1]) : null;
    if (!def && !kwOnly && params.some((p) => p.default && p.kind === 'normal')) {
      cx.fail(first, 'non-default argument follows default argument');
    }
    params.push({ name: cx.text(first), kind: kwOnly ? 'kwonly' : 'normal', default: def, range: cx.range(first) });
  }
  return params;
}

export function parseNumber(text: string): bigint | number | { imag: number } {
  const t = text.replace(/_/g, '');
  if (/[jJ]$/.test(t)) return { imag: Number(t.slice(0, -1)) };
  if (/^0[xXoObB]/.test(t)) return BigInt(t.toLowerCase());
  if (/^[0-9]+$/.test(t)) return BigInt(t);
  return Number(t);
}
