// String and f-string literals -> Constant / FString nodes.
import type { SyntaxNode } from '@lezer/common';
import type { Expr, FStringPart } from '../ast';
import type { SourceRange } from '../../trace/types';
import { ConvertContext, kids } from './context';
import { convertExprList } from './expr';
import { decodeEscapes, decodeFStringText, stringBody } from './strings';

export function convertString(cx: ConvertContext, node: SyntaxNode): Expr {
  const text = cx.text(node);
  const { start, end, prefix } = stringBody(text);
  if (prefix.bytes) return { kind: 'Constant', range: cx.range(node), value: decodeEscapes(text.slice(start, end), prefix.raw) };
  return { kind: 'Constant', range: cx.range(node), value: decodeEscapes(text.slice(start, end), prefix.raw) };
}

/** One or more adjacent string literals of which at least one is an f-string. */
export function convertFString(cx: ConvertContext, nodes: SyntaxNode[], range: SourceRange): Expr {
  const parts: FStringPart[] = [];
  for (const node of nodes) {
    const text = cx.text(node);
    const { start, end, prefix } = stringBody(text);
    if (!prefix.format) {
      pushText(parts, decodeEscapes(text.slice(start, end), prefix.raw));
      continue;
    }
    const base = node.from;
    let pos = base + start;
    for (const repl of kids(node)) {
      if (repl.name !== 'FormatReplacement') continue;
      pushText(parts, decodeFStringText(cx.source.slice(pos, repl.from), prefix.raw));
      parts.push(convertReplacement(cx, repl, prefix.raw));
      pos = repl.to;
    }
    pushText(parts, decodeFStringText(cx.source.slice(pos, base + end), prefix.raw));
  }
  return { kind: 'FString', range, parts };
}

function pushText(parts: FStringPart[], text: string): void {
  if (!text) return;
  const last = parts[parts.length - 1];
  if (last && last.kind === 'text') last.text += text;
  else parts.push({ kind: 'text', text });
}

function convertReplacement(cx: ConvertContext, repl: SyntaxNode, raw: boolean): FStringPart {
  const k = kids(repl);
  const exprNodes: SyntaxNode[] = [];
  let conversion: 'r' | 's' | 'a' | null = null;
  let spec: FStringPart[] | null = null;
  let selfDoc: string | null = null;
  const rest = k.slice(1);
  for (let i = 0; i < rest.length; i++) {
    const n = rest[i];
    if (n.name === '}') break;
    // Python keeps the spaces around `=` in {x = }: take the text up to what follows.
    if (n.name === 'FormatSelfDoc') selfDoc = cx.source.slice(repl.from + 1, rest[i + 1]?.from ?? n.to);
    else if (n.name === 'FormatConversion') conversion = cx.text(n).slice(1) as 'r' | 's' | 'a';
    else if (n.name === 'FormatSpec') spec = convertSpec(cx, n, raw);
    else exprNodes.push(n);
  }
  if (exprNodes.length === 0) cx.fail(repl, "f-string: empty expression not allowed");
  if (selfDoc !== null && conversion === null && spec === null) conversion = 'r';
  return { kind: 'expr', expr: convertExprList(cx, exprNodes), conversion, spec, selfDoc };
}

function convertSpec(cx: ConvertContext, spec: SyntaxNode, raw: boolean): FStringPart[] {
  const parts: FStringPart[] = [];
  let pos = spec.from + 1; // after ':'
  for (const n of kids(spec)) {
    if (n.name !== 'FormatReplacement') continue;
    pushText(parts, decodeFStringText(cx.source.slice(pos, n.from), raw));
    parts.push(convertReplacement(cx, n, raw));
    pos = n.to;
  }
  pushText(parts, decodeFStringText(cx.source.slice(pos, spec.to), raw));
  return parts;
}
