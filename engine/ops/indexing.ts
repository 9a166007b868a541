// Python subscripts on tensors: t[...] and t[...] = v. An index entry is an
// int, a slice, null (None / newaxis), 'ellipsis', or a Tensor (integer
// indices or a bool mask). Basic entries give views (SelectBackward0,
// SliceBackward0, UnsqueezeBackward0); tensor entries gather (IndexBackward0)
// with NumPy/PyTorch placement of the indexed dims.

import { indexError, runtimeError, valueError } from '../core/errors';
import type { TensorView } from '../backend/backend';
import { broadcastMany, numelOf } from '../core/shape';
import { Tensor } from '../tensor';
import { castTensor, empty, expandTo } from './elementwise';
import { notifyOp } from './observer';
import { record, shouldRecord1 } from './record';
import { makeView } from './view';
import { fromValues, zeros } from './factories';
import { cpuBackend } from '../backend/cpu/cpu-backend';

export interface Slice {
  start?: number | null;
  stop?: number | null;
  step?: number | null;
}
export type IndexEntry = number | Slice | null | 'ellipsis' | Tensor;

interface Advanced {
  dim: number;
  index: Tensor; // int64, already wrapped and checked
}

/** Python slice.indices(): clamps start/stop to [0, n] for a positive step. */
export function sliceBounds(s: Slice, n: number): { start: number; len: number; step: number } {
  const step = s.step ?? 1;
  if (step <= 0) throw valueError('step must be greater than zero');
  const clampIdx = (v: number | null | undefined, dflt: number) => {
    if (v === null || v === undefined) return dflt;
    if (v < 0) v += n;
    return Math.min(Math.max(v, 0), n);
  };
  const start = clampIdx(s.start, 0);
  const stop = clampIdx(s.stop, n);
  const len = stop > start ? Math.ceil((stop - start) / step) : 0;
  return { start, len, step };
}

function consumed(e: IndexEntry): number {
  if (e === null || e === 'ellipsis') return 0;
  if (e instanceof Tensor) return e.dtype === 'bool' ? Math.max(e.shape.length, 1) : 1;
  return 1;
}

/** Bool mask -> one int64 index tensor per masked dim (nonzero positions). */
function maskToIndices(mask: Tensor, src: TensorView, dim0: number): Tensor[] {
  const k = mask.shape.length;
  for (let i = 0; i < k; i++) {
    if (mask.shape[i] !== src.shape[dim0 + i]) {
      throw indexError(
        `The shape of the mask [${mask.shape.join(', ')}] at index ${i} does not match the shape of the indexed tensor [${src.shape.join(', ')}] at index ${dim0 + i}`,
      );
    }
  }
  const vals = mask.readSync();
  const cols: number[][] = Array.from({ length: k }, () => []);
  const strides: number[] = [];
  let s = 1;
  for (let i = k - 1; i >= 0; i--) {
    strides[i] = s;
    s *= mask.shape[i];
  }
  for (let p = 0; p < vals.length; p++) {
    if (vals[p] === 0) continue;
    for (let i = 0; i < k; i++) cols[i].push(Math.floor(p / strides[i]) % mask.shape[i]);
  }
  return cols.map((c) => fromValues(c, [c.length], 'int64', src.storage.backend));
}

function checkIndexTensor(t: Tensor, size: number, dim: number, target: TensorView): Tensor {
  if (t.dtype !== 'int64' && t.dtype !== 'int32') {
    throw indexError('tensors used as indices must be long, int, byte or bool tensors');
  }
  const v = t.readSync();
  let wrapped: Float64Array | null = null;
  for (let i = 0; i < v.length; i++) {
    let x = v[i];
    if (x < -size || x >= size) throw indexError(`index ${x} is out of bounds for dimension ${dim} with size ${size}`);
    if (x < 0) {
      if (wrapped === null) wrapped = Float64Array.from(v);
      x += size;
      wrapped[i] = x;
    }
  }
  const backend = target.storage.backend;
  if (wrapped !== null || t.backend !== backend) return fromValues(wrapped ?? Float64Array.from(v), t.shape.slice(), 'int64', backend);
  return t.dtype === 'int64' ? t : castTensor(t, 'int64');
}

/** Applies the basic entries as views; returns the view and the advanced entries found. */
function basic(t: Tensor, entries: readonly IndexEntry[], grad: boolean): { view: Tensor; adv: Advanced[] } {
  const nd = t.shape.length;
  let used = 0;
  let ellipses = 0;
  for (const e of entries) {
    used += consumed(e);
    if (e === 'ellipsis') ellipses++;
  }
  if (ellipses > 1) throw indexError('an index can only have a single ellipsis (\'...\')');
  if (used > nd) throw indexError(`too many indices for tensor of dimension ${nd}`);
  let cur = t;
  let d = 0; // position in cur
  let srcDim = 0; // position in t (for messages)
  const adv: Advanced[] = [];
  const step = (next: Tensor, name: string, backwardFn: (g: Tensor) => Tensor) => {
    if (grad && shouldRecord1(cur)) {
      const prev = cur;
      record(next, name, [prev], ([g]) => [backwardFn(g!)]);
    }
    cur = next;
  };
  for (const e of entries) {
    if (e === 'ellipsis') {
      const skip = nd - used;
      d += skip;
      srcDim += skip;
      continue;
    }
    if (e === null) {
      const shape = cur.shape.slice();
      const strides = cur.strides.slice();
      shape.splice(d, 0, 1);
      strides.splice(d, 0, d < cur.shape.length ? cur.strides[d] * cur.shape[d] : 1);
      const inShape = cur.shape.slice();
      const dd = d;
      step(makeView(cur, shape, strides, cur.offset), 'UnsqueezeBackward0', (g) => makeView(g, inShape, dropAt(g.strides, dd), g.offset));
      d++;
      continue;
    }
    if (typeof e === 'number') {
      const size = cur.shape[d];
      if (e < -size || e >= size) throw indexError(`index ${e} is out of bounds for dimension ${srcDim} with size ${size}`);
      const i = e < 0 ? e + size : e;
      const shape = cur.shape.slice();
      const strides = cur.strides.slice();
      shape.splice(d, 1);
      strides.splice(d, 1);
      const inShape = cur.shape.slice();
      const dd = d;
      step(makeView(cur, shape, strides, cur.offset + i * cur.strides[d]), 'SelectBackward0', (g) => {
        const z = zeros(inShape, { dtype: g.dtype, backend: g.backend });
        const zs = z.strides.slice();
        const target = makeView(z, g.shape.slice(), dropAt(zs, dd), i * zs[dd]);
        z.backend.run('copy', [g], [target]);
        return z;
      });
      srcDim++;
      continue;
    }
    if (e instanceof Tensor) {
      if (e.dtype === 'bool' || e.dtype === ('uint8' as string)) {
        const k = Math.max(e.shape.length, 1);
        const mask = e.shape.length === 0 ? makeView(e, [1], [0], e.offset) : e;
        if (e.shape.length === 0) {
          // x[True] adds a dim of size 1 (or 0 for False).
          const shape = cur.shape.slice();
          shape.splice(d, 0, 1);
          const strides = cur.strides.slice();
          strides.splice(d, 0, 0);
          cur = makeView(cur, shape, strides, cur.offset);
        }
        const idx = maskToIndices(mask, cur, d);
        idx.forEach((ix, j) => adv.push({ dim: d + j, index: ix }));
        d += k;
        srcDim += e.shape.length === 0 ? 0 : k;
      } else {
        adv.push({ dim: d, index: checkIndexTensor(e, cur.shape[d], srcDim, cur) });
        d++;
        srcDim++;
      }
      continue;
    }
    // slice
    const size = cur.shape[d];
    const { start, len, step: st } = sliceBounds(e, size);
    if (!(start === 0 && len === size && st === 1)) {
      const shape = cur.shape.slice();
      const strides = cur.strides.slice();
      shape[d] = len;
      strides[d] = cur.strides[d] * st;
      const inShape = cur.shape.slice();
      const dd = d;
      step(makeView(cur, shape, strides, cur.offset + start * cur.strides[d]), 'SliceBackward0', (g) => {
        const z = zeros(inShape, { dtype: g.dtype, backend: g.backend });
        const zs = z.strides.slice();
        const tgtStrides = zs.slice();
        tgtStrides[dd] = zs[dd] * st;
        z.backend.run('copy', [g], [makeView(z, g.shape.slice(), tgtStrides, start * zs[dd])]);
        return z;
      });
    }
    d++;
    srcDim++;
  }
  return { view: cur, adv };
}

function canExpand(have: readonly number[], target: readonly number[]): boolean {
  if (have.length > target.length) return have.slice(0, have.length - target.length).every((s) => s === 1) && canExpand(have.slice(have.length - target.length), target);
  const off = target.length - have.length;
  return have.every((h, i) => h === 1 || h === target[i + off]);
}

/** expand()'s message, which PyTorch raises when a value does not fit the slot. */
function expandMessage(have: readonly number[], target: readonly number[]): string {
  const off = target.length - have.length;
  for (let i = target.length - 1; i >= 0; i--) {
    const h = i - off >= 0 ? have[i - off] : 1;
    if (h !== 1 && h !== target[i]) {
      return `The expanded size of the tensor (${target[i]}) must match the existing size (${h}) at non-singleton dimension ${i}.  Target sizes: [${target.join(', ')}].  Tensor sizes: [${have.join(', ')}]`;
    }
  }
  return `shape mismatch: value tensor of shape [${have.join(', ')}] cannot be broadcast to indexing result of shape [${target.join(', ')}]`;
}

function dropAt(a: readonly number[], i: number): number[] {
  const r = a.slice();
  r.splice(i, 1);
  return r;
}

/** Moves the indexed dims first (in order) so kernels see [i0..ik, rest]. */
function indexLayout(src: Tensor, adv: Advanced[]): { perm: number[]; ishape: number[]; front: boolean } {
  const dims = adv.map((a) => a.dim);
  const rest = src.shape.map((_, i) => i).filter((i) => !dims.includes(i));
  const ishape = broadcastMany(adv.map((a) => a.index.shape));
  const adjacent = dims.every((dd, j) => j === 0 || dd === dims[j - 1] + 1);
  return { perm: [...dims, ...rest], ishape, front: !adjacent };
}

function permuted(t: TensorView, perm: number[]): TensorView {
  return { storage: t.storage, dtype: t.dtype, offset: t.offset, shape: perm.map((p) => t.shape[p]), strides: perm.map((p) => t.strides[p]) };
}

/** The result of gathering, laid out as PyTorch places the indexed dims. */
function gatherAdvanced(src: Tensor, adv: Advanced[]): Tensor {
  const { perm, ishape, front } = indexLayout(src, adv);
  const ps = permuted(src, perm);
  const k = adv.length;
  const restShape = ps.shape.slice(k);
  const outShape = [...ishape, ...restShape];
  const raw = empty(src.backend, outShape, src.dtype);
  src.backend.run('index', [ps, ...adv.map((a) => expandTo(a.index, ishape))], [raw]);
  if (front) return raw;
  // Adjacent indexed dims: the index dims go where the first indexed dim was.
  const first = adv[0].dim;
  const before = restShape.slice(0, first);
  const after = restShape.slice(first);
  const shape = [...before, ...ishape, ...after];
  const strides = raw.strides;
  const ni = ishape.length;
  const st = [...strides.slice(ni, ni + first), ...strides.slice(0, ni), ...strides.slice(ni + first)];
  const v = makeView(raw, shape, st, 0);
  return castTensor(v, v.dtype);
}

export function index(t: Tensor, entries: readonly IndexEntry[]): Tensor {
  const { view, adv } = basic(t, entries, true);
  let out = view;
  if (adv.length > 0) {
    out = gatherAdvanced(view, adv);
    if (shouldRecord1(view)) {
      const vshape = view.shape.slice();
      record(out, 'IndexBackward0', [view], ([g]) => {
        const z = zeros(vshape, { dtype: g!.dtype, backend: g!.backend });
        putAdvanced(z, adv, g!, true);
        return [z];
      }, adv.map((a) => a.index));
    }
  } else if (out === t) {
    out = makeView(t, t.shape.slice(), t.strides.slice(), t.offset);
    if (shouldRecord1(t)) record(out, 'AliasBackward0', [t], ([g]) => [g]);
  }
  notifyOp('index', [t], out);
  return out;
}

/** Writes `values` (broadcast to the gathered shape) into dst at the advanced indices. */
function putAdvanced(dst: Tensor, adv: Advanced[], values: TensorView, accumulate: boolean): void {
  const { perm, ishape, front } = indexLayout(dst, adv);
  const pd = permuted(dst, perm);
  const k = adv.length;
  const restShape = pd.shape.slice(k);
  // Values arrive in PyTorch's layout; bring them to [ishape, rest].
  let vshape: number[];
  let vperm: number[] | null = null;
  const ni = ishape.length;
  if (front) vshape = [...ishape, ...restShape];
  else {
    const first = adv[0].dim;
    vshape = [...restShape.slice(0, first), ...ishape, ...restShape.slice(first)];
    vperm = [...ishape.map((_, j) => first + j), ...restShape.slice(0, first).map((_, j) => j), ...restShape.slice(first).map((_, j) => first + ni + j)];
  }
  let v = expandTo(values, vshape);
  if (vperm !== null) v = permuted(v, vperm);
  dst.backend.run('index_put', [v, ...adv.map((a) => expandTo(a.index, ishape))], [pd], { accumulate });
  dst.bumpVersion();
}

/** t[entries] = value, in place (bumps t's version). */
export function indexPut(t: Tensor, entries: readonly IndexEntry[], value: Tensor | number | boolean): Tensor {
  if (t.requiresGrad && t.isLeaf && shouldRecord1(t)) {
    throw runtimeError('a leaf Variable that requires grad is being used in an in-place operation.');
  }
  const { view, adv } = basic(t, entries, false);
  let v: Tensor;
  if (value instanceof Tensor) v = value.dtype === t.dtype ? value : castTensor(value, t.dtype);
  else {
    v = empty(t.backend, [], t.dtype);
    t.backend.run('fill', [], [v], { value: typeof value === 'boolean' ? (value ? 1 : 0) : value });
  }
  if (adv.length === 0) {
    if (!canExpand(v.shape, view.shape)) throw runtimeError(expandMessage(v.shape, view.shape));
    t.backend.run('copy', [expandTo(v, view.shape)], [view]);
    t.bumpVersion();
  } else {
    putAdvanced(view, adv, v, false);
    if (view !== t) t.bumpVersion();
  }
  if (value instanceof Tensor && value.requiresGrad || (t.gradFn !== null && shouldRecord1(t))) {
    recordCopySlices(t, entries, value instanceof Tensor ? value : null);
  }
  notifyOp('index_put', value instanceof Tensor ? [t, value] : [t], t);
  return t;
}

/** After t[entries] = value on a graph tensor: grads flow to the old t (zeroed at
 *  the written positions) and to value (the grads of those positions). */
function recordCopySlices(t: Tensor, entries: readonly IndexEntry[], value: Tensor | null): void {
  const old = makeView(t, t.shape.slice(), t.strides.slice(), t.offset);
  old.gradFn = t.gradFn;
  old.requiresGrad = t.requiresGrad;
  const inputs = value !== null ? [old, value] : [old];
  record(t, 'CopySlices', inputs, ([g]) => {
    const gOld = castTensor(g!, g!.dtype);
    indexPut(gOld, entries, 0);
    const res: (Tensor | null)[] = [gOld];
    if (value !== null) {
      const picked = index(g!, entries);
      res.push(sumLike(picked, value));
    }
    return res;
  });
}

function sumLike(g: Tensor, like: Tensor): Tensor {
  // Values were broadcast into the slot; reduce back to value's shape.
  const lead = g.shape.length - like.shape.length;
  let r = g;
  if (lead > 0 || like.shape.some((s, i) => s === 1 && g.shape[i + lead] !== 1)) {
    const vals = g.readSync();
    const out = new Float64Array(numelOf(like.shape));
    const gs = g.shape;
    const ls = like.shape;
    for (let p = 0; p < vals.length; p++) {
      let rem = p;
      let q = 0;
      let mul = 1;
      for (let d = gs.length - 1; d >= 0; d--) {
        const c = rem % gs[d];
        rem = Math.floor(rem / gs[d]);
        const ld = d - lead;
        if (ld >= 0) {
          q += (ls[ld] === 1 ? 0 : c) * mul;
          mul *= ls[ld];
        }
      }
      out[q] += vals[p];
    }
    r = castTensor(fromValues(out, like.shape.slice(), 'float64', g.backend), like.dtype);
  }
  return r;
}

/**
 * For backends without synchronous reads (WebGPU): index and mask tensors
 * decide shapes and must be checked, so their values are read first and
 * replaced by host (CPU) copies; index()/indexPut() then move the checked
 * indices to the source tensor's backend.
 */
export async function hostIndexEntries(entries: readonly IndexEntry[]): Promise<IndexEntry[]> {
  const out: IndexEntry[] = [];
  for (const e of entries) {
    if (e instanceof Tensor && e.backend.readSync === undefined) {
      out.push(fromValues(await e.read(), e.shape.slice(), e.dtype, cpuBackend));
    } else out.push(e);
  }
  return out;
}

export async function indexAsync(t: Tensor, entries: readonly IndexEntry[]): Promise<Tensor> {
  return index(t, await hostIndexEntries(entries));
}

export async function indexPutAsync(t: Tensor, entries: readonly IndexEntry[], value: Tensor | number | boolean): Promise<Tensor> {
  return indexPut(t, await hostIndexEntries(entries), value);
}
