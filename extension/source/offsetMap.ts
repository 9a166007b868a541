// A trace's ranges are offsets into the text that was run. While the user
// types, the document moves on before the next run finishes; this maps offsets
// between the two texts so hovers and hints stay on the right code instead of
// drifting (or vanishing) until the next trace arrives. One edited region is
// assumed: the common prefix and common suffix of the two texts are stable;
// a range that touches the region in between has no counterpart.

export interface OffsetMap {
  /** A range [from, to) of the run's text in the current text, or null when
   *  it touches the edited region. */
  rangeToCurrent(from: number, to: number): { from: number; to: number } | null;
  /** A cursor offset in the current text -> the run's text, or null. */
  pointToRun(offset: number): number | null;
}

export function offsetMap(runText: string, currentText: string): OffsetMap {
  if (runText === currentText) {
    return { rangeToCurrent: (from, to) => ({ from, to }), pointToRun: (o) => o };
  }
  const max = Math.min(runText.length, currentText.length);
  let prefix = 0;
  while (prefix < max && runText.charCodeAt(prefix) === currentText.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    runText.charCodeAt(runText.length - 1 - suffix) === currentText.charCodeAt(currentText.length - 1 - suffix)
  ) {
    suffix++;
  }
  const runTail = runText.length - suffix; // first stable offset after the edit, run side
  const curTail = currentText.length - suffix;
  const shift = curTail - runTail;
  return {
    rangeToCurrent(from, to) {
      const start = from < prefix ? from : from >= runTail ? from + shift : null;
      const end = to <= prefix ? to : to > runTail || (to === runTail && from >= runTail) ? to + shift : null;
      return start === null || end === null || end < start ? null : { from: start, to: end };
    },
    pointToRun: (o) => (o <= prefix ? o : o >= curTail ? o - shift : null),
  };
}
