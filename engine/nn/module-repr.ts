// nn.Module.__repr__: `Name(extra)` on one line, or children indented by two
// spaces, one `(key): repr` per line, nested reprs indented again
// (torch.nn.modules.module._addindent).

import type { Module } from './module';

export function addIndent(s: string, spaces: number): string {
  const lines = s.split('\n');
  if (lines.length === 1) return s;
  const first = lines.shift() as string;
  const pad = ' '.repeat(spaces);
  return [first, ...lines.map((l) => pad + l)].join('\n');
}

export function moduleRepr(m: Module): string {
  const childReprs = [...m._modules].map(([key, child]): [string, string] => [key, child === null ? 'None' : child.repr()]);
  return assemble(m, m.extraRepr(), childReprs);
}

/** The same, awaiting extra_repr / __repr__ of modules written in Python. */
export async function moduleReprAsync(m: Module): Promise<string> {
  const childReprs: [string, string][] = [];
  for (const [key, child] of m._modules) childReprs.push([key, child === null ? 'None' : await child.reprAsync()]);
  return assemble(m, await m.extraReprAsync(), childReprs);
}

function assemble(m: Module, extra: string, childReprs: [string, string][]): string {
  const extraLines = extra ? extra.split('\n') : [];
  const childLines = childReprs.map(([key, s]) => `(${key}): ${addIndent(s, 2)}`);
  const lines = [...extraLines, ...childLines];
  let main = `${m.typeName}(`;
  if (lines.length > 0) {
    if (extraLines.length === 1 && childLines.length === 0) main += extraLines[0];
    else main += '\n  ' + lines.join('\n  ') + '\n';
  }
  return main + ')';
}
