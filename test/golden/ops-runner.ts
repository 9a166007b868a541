/// <reference types="vite/client" />
// Runs the golden op cases (test/golden/ops.json from scripts/golden/ops.py,
// and each test/golden/ops-AREA.json from scripts/golden/ops_AREA.py) on any
// Backend: builds each input on that backend with PyTorch's layout, runs the
// op through the engine, compares outputs, grad_fn name and input grads. A
// backend's suite calls checkOpCase for every case; the CPU suite is
// ops.test.ts, the WebGPU suite reuses this module with its own backend.

import * as E from '../../engine/index';
import type { Backend, Tensor } from '../../engine/index';
import { opTable as coreTable } from './ops-table';
import type { Arg, OpFn } from './ops-table';
import golden from './ops.json';

// An area's cases (ops-AREA.json) come with their op keys (ops-table-AREA.ts,
// exporting `opTable`); both are found by name, so an area is two new files.
const areaJson = import.meta.glob<{ cases: OpCase[] }>('./ops-*.json', { eager: true, import: 'default' });
const areaTables = import.meta.glob<Record<string, OpFn>>('./ops-table-*.ts', { eager: true, import: 'opTable' });
const opTable: Record<string, OpFn> = { ...coreTable };
for (const [file, table] of Object.entries(areaTables)) {
  for (const [key, fn] of Object.entries(table)) {
    if (key in opTable) throw new Error(`${file}: op key ${key} is already in another table`);
    opTable[key] = fn;
  }
}

export interface TensorJson {
  dtype: E.DType;
  shape: number[];
  values: (number | string)[];
}
interface InputJson {
  kind: 'tensor' | 'int' | 'float' | 'bool' | 'list' | 'none';
  v?: unknown;
  dtype?: E.DType;
  shape?: number[];
  layout?: 'c' | 't' | 's' | 'e';
  base?: (number | string)[];
  requires_grad?: boolean;
}
interface IndexJson extends InputJson {
  start?: number | null;
  stop?: number | null;
  step?: number | null;
}
export interface OpCase {
  name: string;
  op: string;
  inputs: InputJson[];
  kwargs: Record<string, unknown>;
  out?: TensorJson[];
  exact?: boolean;
  grad_exact?: boolean;
  grad_out?: TensorJson;
  grad_fn?: string;
  grads?: (TensorJson | null)[];
  error?: { type: string; message: string };
}

export const opCases: OpCase[] = [
  ...(golden as unknown as { cases: OpCase[] }).cases,
  ...Object.keys(areaJson).sort().flatMap((file) => areaJson[file].cases),
];
{
  const seen = new Set<string>();
  for (const c of opCases) {
    if (seen.has(c.name)) throw new Error(`golden op case ${c.name} is defined twice`);
    seen.add(c.name);
  }
}
export const autogradErrors = (golden as unknown as { autograd_errors: { name: string; type: string; message: string }[] }).autograd_errors;

function num(v: number | string): number {
  return typeof v === 'string' ? Number(v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v) : v;
}

export function tensorFromJson(j: TensorJson, backend: Backend): Tensor {
  return E.fromValues(j.values.map(num), j.shape.slice(), j.dtype, backend);
}

function buildTensor(j: InputJson, backend: Backend): Tensor {
  const shape = j.shape!;
  const baseShape = shape.slice();
  if (j.layout === 't') [baseShape[baseShape.length - 1], baseShape[baseShape.length - 2]] = [baseShape[baseShape.length - 2], baseShape[baseShape.length - 1]];
  if (j.layout === 's') baseShape[baseShape.length - 1] *= 2;
  if (j.layout === 'e') baseShape[0] = 1;
  const base = E.fromValues(j.base!.map(num), baseShape, j.dtype!, backend);
  let x = base;
  const n = shape.length;
  if (j.layout === 't') {
    const st = base.strides.slice();
    [st[n - 1], st[n - 2]] = [st[n - 2], st[n - 1]];
    x = E.makeView(base, shape.slice(), st, 0);
  } else if (j.layout === 's') {
    const st = base.strides.slice();
    st[n - 1] *= 2;
    x = E.makeView(base, shape.slice(), st, 0);
  } else if (j.layout === 'e') {
    const st = base.strides.slice();
    st[0] = 0;
    x = E.makeView(base, shape.slice(), st, 0);
  }
  if (j.requires_grad) x = E.requiresGrad_(E.detach(x), true);
  return x;
}

function buildArg(j: InputJson, backend: Backend, leaves: Tensor[]): Arg {
  switch (j.kind) {
    case 'tensor': {
      const t = buildTensor(j, backend);
      leaves.push(t);
      return t;
    }
    case 'int': return j.v as number;
    case 'float': return new E.PyFloat(j.v as number);
    case 'bool': return j.v as boolean;
    case 'none': return null;
    case 'list': return (j.v as InputJson[]).map((e) => buildArg(e, backend, leaves));
  }
}

/** {pyfloat: 2} marks a Python float with an integral value. */
function untag(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(untag);
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.pyfloat === 'number' && Object.keys(o).length === 1) return new E.PyFloat(o.pyfloat);
    if ('kind' in o) return v;
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, untag(x)]));
  }
  return v;
}

function buildKw(kw0: Record<string, unknown>, backend: Backend): Record<string, unknown> {
  const kw = untag(kw0) as Record<string, unknown>;
  const out: Record<string, unknown> = { ...kw };
  if (Array.isArray(kw.entries)) {
    out.entries = (kw.entries as IndexJson[]).map((e): E.IndexEntry => {
      switch (e.kind) {
        case 'int': return e.v as number;
        case 'none': return null;
        case 'tensor': return buildTensor(e, backend);
        default:
          if ((e.kind as string) === 'ellipsis') return 'ellipsis';
          return { start: e.start, stop: e.stop, step: e.step };
      }
    });
  }
  if (kw.value !== null && typeof kw.value === 'object' && 'kind' in (kw.value as object)) {
    const v = kw.value as InputJson;
    out.value = v.kind === 'tensor' ? buildTensor(v, backend) : v.v;
  }
  return out;
}

function tol(dtype: E.DType): { rtol: number; atol: number } {
  return dtype === 'float64' ? { rtol: 1e-10, atol: 1e-12 } : { rtol: 1e-5, atol: 1e-5 };
}

/** null when equal; otherwise a description of the first difference. */
export function compareValues(got: ArrayLike<number>, want: TensorJson, exact: boolean, what: string): string | null {
  if (got.length !== want.values.length) return `${what}: ${got.length} values, expected ${want.values.length}`;
  const { rtol, atol } = tol(want.dtype);
  for (let i = 0; i < got.length; i++) {
    const w = num(want.values[i]);
    const g = got[i];
    if (Number.isNaN(w) && Number.isNaN(g)) continue;
    const ok = exact ? g === w || (g === 0 && w === 0) : g === w || Math.abs(g - w) <= atol + rtol * Math.abs(w);
    if (!ok) return `${what}[${i}] = ${g}, expected ${w}${exact ? ' (exact)' : ''}`;
  }
  return null;
}

async function compareTensor(t: Tensor, want: TensorJson, exact: boolean, what: string): Promise<string | null> {
  if (t.dtype !== want.dtype) return `${what}: dtype ${t.dtype}, expected ${want.dtype}`;
  if (t.shape.join(',') !== want.shape.join(',')) return `${what}: shape [${t.shape}], expected [${want.shape}]`;
  return compareValues(await t.read(), want, exact, what);
}

/** Runs one case on `backend`; null when everything matches PyTorch. */
export async function checkOpCase(c: OpCase, backend: Backend): Promise<string | null> {
  const fn = opTable[c.op];
  E.setDefaultBackend(backend);
  if (fn === undefined) return `no table entry for op '${c.op}'`;
  const leaves: Tensor[] = [];
  const args = c.inputs.map((j) => buildArg(j, backend, leaves));
  const kw = buildKw(c.kwargs, backend);
  // Index tensors decide shapes: on a backend without sync reads they are read first.
  if (Array.isArray(kw.entries) && backend.readSync === undefined) kw.entries = await E.hostIndexEntries(kw.entries as E.IndexEntry[]);
  let result: Tensor | Tensor[];
  try {
    // Ops whose output size depends on values (nonzero, unique) read them first: async.
    result = await fn(args, kw);
  } catch (e) {
    if (c.error === undefined) return `threw ${(e as Error).message}`;
    if (!(e instanceof E.TorchError)) return `threw a non-Torch error: ${(e as Error).message}`;
    if (e.pyType !== c.error.type || e.message !== c.error.message) {
      return `error ${e.pyType}: ${e.message}\nexpected ${c.error.type}: ${c.error.message}`;
    }
    return null;
  }
  if (c.error !== undefined) return `expected ${c.error.type}: ${c.error.message}`;
  const outs = Array.isArray(result) ? result : [result];
  for (let i = 0; i < c.out!.length; i++) {
    const r = await compareTensor(outs[i], c.out![i], c.exact ?? false, `out${i}`);
    if (r !== null) return r;
  }
  if (c.grad_out !== undefined) {
    const first = outs[0];
    if (first.gradFn?.name !== c.grad_fn) return `grad_fn ${first.gradFn?.name ?? 'None'}, expected ${c.grad_fn}`;
    E.backward(first, tensorFromJson(c.grad_out, backend));
    for (let i = 0; i < c.grads!.length; i++) {
      const want = c.grads![i];
      const got = leaves[i].grad;
      if (want === null) {
        if (got !== null) return `grad${i} should be None`;
        continue;
      }
      if (got === null) return `grad${i} is None`;
      const r = await compareTensor(got, want, c.grad_exact ?? false, `grad${i}`);
      if (r !== null) return r;
    }
  }
  return null;
}
