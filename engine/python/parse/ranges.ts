// Offsets -> SourceRange (1-based lines, 0-based columns) via a line-start table.
import type { SourceRange } from '../../trace/types';

export class LineTable {
  private readonly starts: number[] = [0];

  constructor(source: string) {
    for (let i = 0; i < source.length; i++) {
      if (source.charCodeAt(i) === 10) this.starts.push(i + 1);
    }
  }

  /** 0-based line index containing `offset`. */
  private lineIndex(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  range(from: number, to: number): SourceRange {
    const l1 = this.lineIndex(from);
    const l2 = to === from ? l1 : this.lineIndex(to);
    return { from, to, line: l1 + 1, col: from - this.starts[l1], endLine: l2 + 1, endCol: to - this.starts[l2] };
  }
}

/** A range covering two ranges (for nodes we synthesise, e.g. chained compares). */
export function spanRanges(a: SourceRange, b: SourceRange): SourceRange {
  return { from: a.from, to: b.to, line: a.line, col: a.col, endLine: b.endLine, endCol: b.endCol };
}
