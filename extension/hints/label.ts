// The text of an inlay hint after a tensor assignment, and where it goes.
import type { TensorSummary } from '../../engine/trace/types';

/** `[1, 5]`, plus the dtype when it is not the default float32. */
export function hintLabel(t: TensorSummary): string {
  const shape = `[${t.shape.join(', ')}]`;
  return t.dtype === 'float32' ? shape : `${shape} ${t.dtype}`;
}

/** Column just after `name` as the assignment target on this line: the record
 *  may span the target, the whole statement or only the right-hand side, so
 *  the name is looked for as a whole word, the last one at or before `col`
 *  (and failing that, the first on the line). null when it is not there. */
export function hintColumn(lineText: string, name: string, col: number): number | null {
  const word = new RegExp(`(?<![\\w.])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\w)`, 'g');
  let before: number | null = null;
  let first: number | null = null;
  for (const m of lineText.matchAll(word)) {
    const end = (m.index ?? 0) + name.length;
    if (first === null) first = end;
    if ((m.index ?? 0) <= col) before = end;
  }
  return before ?? first;
}
