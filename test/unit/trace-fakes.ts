// A minimal tensor and recorder for the trace tests: the recorder only needs
// the structural TracedTensor view, so these tests do not depend on the engine.
import { TraceRecorder, type DescribedValue, type ExecLocation, type SourceRange, type TracedTensor } from '../../engine/trace';

export class FakeTensor implements TracedTensor {
  grad: FakeTensor | null = null;
  version = 0;
  constructor(
    public shape: number[],
    public data: Float32Array,
    public requiresGrad = false,
    public gradFn: { name: string } | null = null,
  ) {}
  get dtype() { return 'float32' as const; }
  get isLeaf() { return this.gradFn === null; }
  numel() { return this.data.length; }
  readSync() { return this.data; }
  async read() { return this.data.slice(); }
}

export function tensor(shape: number[], f: (i: number) => number, requiresGrad = false, gradFn: string | null = null): FakeTensor {
  const n = shape.reduce((a, b) => a * b, 1);
  return new FakeTensor(shape, Float32Array.from({ length: n }, (_, i) => f(i)), requiresGrad, gradFn ? { name: gradFn } : null);
}

export function range(from: number, to: number, line = 1): SourceRange {
  return { from, to, line, col: from, endLine: line, endCol: to };
}

/** A recorder over FakeTensors; `loc.range` is where the next op is said to
 *  run. `print` defaults to listing the values (tests of trace sizes pass a
 *  fixed text instead). */
export function setup(caps = {}, o: { print?: (t: { values: ArrayLike<number> }) => string; at?: SourceRange | null } = {}) {
  const loc: ExecLocation = { stack: [], range: o.at ?? null };
  const describe = (v: unknown): DescribedValue =>
    v instanceof FakeTensor ? { kind: 'tensor', tensor: v } : { kind: 'int', repr: String(v) };
  const rec = new TraceRecorder({
    file: 'x.py',
    backend: 'cpu',
    print: o.print ?? ((t) => `tensor(${Array.from(t.values).join(',')})`),
    describe,
    location: () => loc,
    caps,
  });
  return { rec, loc };
}
