// Shared state of one Lezer -> AST conversion.
import type { SyntaxNode } from '@lezer/common';
import type { SourceRange } from '../../trace/types';
import { LineTable } from './ranges';

/** Thrown while converting a subtree that Lezer could not parse. */
export class SyntaxErrorAt extends Error {
  constructor(message: string, readonly range: SourceRange) {
    super(message);
  }
}

export class ConvertContext {
  readonly lines: LineTable;
  constructor(readonly source: string) {
    this.lines = new LineTable(source);
  }

  range(node: { from: number; to: number }): SourceRange {
    return this.lines.range(node.from, node.to);
  }

  text(node: { from: number; to: number }): string {
    return this.source.slice(node.from, node.to);
  }

  fail(node: { from: number; to: number }, message = 'invalid syntax'): never {
    throw new SyntaxErrorAt(message, this.range(node));
  }
}

/** Children of a node, without comments. */
export function kids(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.name !== 'Comment') out.push(c);
  }
  return out;
}

/** Split a flat child list at top-level `,` tokens. */
export function splitCommas(nodes: SyntaxNode[]): { groups: SyntaxNode[][]; trailingComma: boolean } {
  const groups: SyntaxNode[][] = [];
  let cur: SyntaxNode[] = [];
  let trailingComma = false;
  for (const n of nodes) {
    if (n.name === ',') {
      groups.push(cur);
      cur = [];
      trailingComma = true;
    } else {
      cur.push(n);
      trailingComma = false;
    }
  }
  if (cur.length) groups.push(cur);
  return { groups: groups.filter((g) => g.length > 0), trailingComma };
}

/** Lezer's Python grammar wants a value after `yield` and marks its absence
 *  with an empty error node; a bare `yield` is valid Python. */
export function isBareYieldGap(node: { type: { isError: boolean }; from: number; to: number; parent: SyntaxNode | null; prevSibling?: SyntaxNode | null }): boolean {
  const p = node.parent;
  return node.type.isError && node.from === node.to && !!p && (p.name === 'YieldExpression' || p.name === 'YieldStatement') &&
    node.prevSibling?.name === 'yield';
}

/** First error node in a subtree, if any. */
export function findError(node: SyntaxNode): SyntaxNode | null {
  if (node.type.isError) return isBareYieldGap(node) ? null : node;
  for (let c = node.firstChild; c; c = c.nextSibling) {
    const e = findError(c);
    if (e) return e;
  }
  return null;
}
