// What a hover says about one traced expression, as Markdown text. Pure, so
// the wording is unit-tested against trace fixtures; the provider only wraps
// it in a vscode.MarkdownString.
import type { ExprRecord, TensorSummary, ValueSummary } from '../../engine/trace/types';
import { pyBool, stat, torchDtype, torchSize } from './numbers';
import { tensorPicture } from './picture';

export interface HoverOptions {
  previewSize: number;
  /** A `command:` URI that opens this tensor in the panel (tensors only). */
  inspectUri?: string;
  /** Say that the run is older than the text (results may lag the edit). */
  staleNote?: string;
}

export function hoverMarkdown(rec: ExprRecord, label: string, opts: HoverOptions): string {
  const parts = [...valueParts(rec.value, label, opts)];
  if (rec.count > 1) {
    parts.push(`*Evaluated ${rec.count} times; showing evaluation ${rec.iteration} of ${rec.count}.*`);
  }
  if (rec.value.kind === 'tensor' && opts.inspectUri) {
    parts.push(`[Open in Tensor Lens](${opts.inspectUri} "Show this tensor in the Tensor Lens panel")`);
  }
  if (opts.staleNote) parts.push(`*${opts.staleNote}*`);
  return parts.join('\n\n');
}

function valueParts(v: ValueSummary, label: string, opts: HoverOptions): string[] {
  const head = `**${code(shorten(label))}**`;
  switch (v.kind) {
    case 'tensor':
      return tensorParts(v, head, opts);
    case 'int':
    case 'float':
    case 'bool':
    case 'none':
    case 'str':
      return [`${head} — ${v.kind === 'none' ? 'None' : v.kind}`, pyBlock(v.repr)];
    case 'list':
    case 'tuple':
    case 'dict':
    case 'set':
      return [`${head} — ${v.kind} of ${v.length}`, pyBlock(v.repr)];
    case 'module':
      return [`${head} — ${v.className} (nn.Module)`, pyBlock(v.repr)];
    case 'function':
    case 'class':
    case 'object':
      return [`${head} — ${v.typeName}`, pyBlock(v.repr)];
    default:
      return assertNever(v);
  }
}

function tensorParts(t: TensorSummary, head: string, opts: HoverOptions): string[] {
  const parts = [
    `${head} — tensor ${code(torchSize(t.shape))} ${code(torchDtype(t.dtype))}`,
    `requires_grad ${code(pyBool(t.requiresGrad))} · grad_fn ${code(t.gradFn ? `<${t.gradFn}>` : 'None')}${t.isLeaf ? ' · leaf' : ''}`,
  ];
  if (t.stats) {
    const s = t.stats;
    let line = `min ${code(stat(s.min))} · max ${code(stat(s.max))} · mean ${code(stat(s.mean))} · std ${code(stat(s.std))}`;
    line += ` · NaN ${s.nanCount} · Inf ${s.infCount}`;
    if (s.nanCount + s.infCount > 0) line = `⚠ ${line}`;
    parts.push(line);
  }
  parts.push(pyBlock(t.printed));
  const picture = tensorPicture(t, { previewSize: opts.previewSize });
  if (picture) parts.push(`![values of ${torchSize(t.shape)}](${picture})`);
  if (t.grad) {
    parts.push(`**.grad** — ${code(torchSize(t.grad.shape))}`, pyBlock(t.grad.printed));
  }
  return parts;
}

function pyBlock(text: string): string {
  const fence = text.includes('```') ? '~~~~' : '```';
  return `${fence}python\n${text}\n${fence}`;
}

function code(text: string): string {
  const tick = text.includes('`') ? '``' : '`';
  return `${tick}${text}${tick}`;
}

function shorten(label: string): string {
  const one = label.replace(/\s+/g, ' ').trim();
  return one.length > 60 ? `${one.slice(0, 57)}...` : one;
}

function assertNever(x: never): never {
  throw new Error(`unhandled value summary ${JSON.stringify(x)}`);
}
