// mm, bmm, addmm, dot, mv and matmul (PyTorch's dispatch by rank). All run
// the one batched 'matmul' kernel over 3-D views.

import type { TensorView } from '../backend/backend';
import { promoteTypes } from '../core/dtype';
import { runtimeError } from '../core/errors';
import { broadcastShapes, numelOf } from '../core/shape';
import type { Tensor } from '../tensor';
import { castTensor, empty, expandTo } from './elementwise';
import { notifyOp } from './observer';
import { record, shouldRecord2, shouldRecordAll } from './record';
import { reshapeNoGrad } from './reshape-raw';
import { makeView } from './view';
import { sumToShape } from './sum-to-shape';
import { mul } from './mul';
import { add } from './add';
import type { Scalar } from './scalar';
import { scalarValue } from './scalar';
import { c10Name } from './elementwise';

function as3d(t: TensorView, shape3: number[]): TensorView {
  const nd = t.shape.length;
  return { storage: t.storage, dtype: t.dtype, offset: t.offset, shape: shape3,
    strides: nd === 3 ? t.strides.slice() : [0, t.strides[0], t.strides[1]] };
}

function checkSameDtype(a: Tensor, b: Tensor): void {
  if (a.dtype !== b.dtype) {
    throw runtimeError(`expected m1 and m2 to have the same dtype, but got: ${dtypeWord(a)} != ${dtypeWord(b)}`);
  }
}
function dtypeWord(t: Tensor): string {
  return t.dtype === 'float32' ? 'float' : t.dtype === 'float64' ? 'double' : t.dtype === 'int64' ? 'long int' : t.dtype === 'int32' ? 'int' : 'bool';
}

/** (M,K) @ (K,N) without autograd or notification. */
export function mmRaw(a: Tensor, b: Tensor): Tensor {
  const [M, K] = a.shape;
  const N = b.shape[1];
  const out = empty(a.backend, [M, N], a.dtype);
  a.backend.run('matmul', [as3d(a, [1, M, K]), as3d(b, [1, K, N])], [as3d(out, [1, M, N])]);
  return out;
}

/** a^T @ g, laid out like mat2: when mat2 is a transposed weight (x @ W.t()),
 *  computing (g^T @ a)^T makes W's grad contiguous, so it is kept without a copy. */
function mat2Grad(a: Tensor, b: Tensor, g: Tensor): Tensor {
  if (b.strides[0] === 1 && b.strides[1] !== 1) return tr(mmRaw(tr(g), a));
  return mmRaw(tr(a), g);
}

function tr(t: Tensor): Tensor {
  return makeView(t, [t.shape[1], t.shape[0]], [t.strides[1], t.strides[0]], t.offset);
}

export function mm(a: Tensor, b: Tensor): Tensor {
  if (a.shape.length !== 2) throw runtimeError('self must be a matrix');
  if (b.shape.length !== 2) throw runtimeError('mat2 must be a matrix');
  if (a.shape[1] !== b.shape[0]) {
    throw runtimeError(`mat1 and mat2 shapes cannot be multiplied (${a.shape[0]}x${a.shape[1]} and ${b.shape[0]}x${b.shape[1]})`);
  }
  checkSameDtype(a, b);
  const out = mmRaw(a, b);
  if (shouldRecord2(a, b)) {
    const saved: Tensor[] = [];
    if (b.requiresGrad) saved.push(a);
    if (a.requiresGrad) saved.push(b);
    record(out, 'MmBackward0', [a, b], ([g]) => [
      a.requiresGrad ? mmRaw(g!, tr(b)) : null,
      b.requiresGrad ? mat2Grad(a, b, g!) : null,
    ], saved);
  }
  notifyOp('mm', [a, b], out);
  return out;
}

/** Batched product of 3-D tensors with equal batch sizes. */
function bmmRaw(a: TensorView, b: TensorView): Tensor {
  const [B, M] = a.shape;
  const N = b.shape[2];
  const out = empty((a.storage as { backend: Tensor['backend'] }).backend, [B, M, N], a.dtype);
  out.backend.run('matmul', [a, b], [out]);
  return out;
}

function tr3(t: Tensor): TensorView {
  return { storage: t.storage, dtype: t.dtype, offset: t.offset, shape: [t.shape[0], t.shape[2], t.shape[1]], strides: [t.strides[0], t.strides[2], t.strides[1]] };
}

export function bmm(a: Tensor, b: Tensor): Tensor {
  if (a.shape.length !== 3) throw runtimeError(`batch1 must be a 3D tensor`);
  if (b.shape.length !== 3) throw runtimeError(`batch2 must be a 3D tensor`);
  if (a.shape[0] !== b.shape[0] || a.shape[2] !== b.shape[1]) {
    throw runtimeError(`Expected size for first two dimensions of batch2 tensor to be: [${a.shape[0]}, ${a.shape[2]}] but got: [${b.shape[0]}, ${b.shape[1]}].`);
  }
  checkSameDtype(a, b);
  const out = bmmRaw(a, b);
  if (shouldRecord2(a, b)) {
    record(out, 'BmmBackward0', [a, b], ([g]) => [
      a.requiresGrad ? bmmRaw(g!, tr3(b)) : null,
      b.requiresGrad ? bmmRaw(tr3(a), g!) : null,
    ], [a, b]);
  }
  notifyOp('bmm', [a, b], out);
  return out;
}

export function dot(a: Tensor, b: Tensor): Tensor {
  if (a.shape.length !== 1 || b.shape.length !== 1) {
    throw runtimeError(`1D tensors expected, but got ${a.shape.length}D and ${b.shape.length}D tensors`);
  }
  if (a.shape[0] !== b.shape[0]) {
    throw runtimeError(
      `inconsistent tensor size, expected tensor [${a.shape[0]}] and src [${b.shape[0]}] to have the same number of elements, but got ${a.shape[0]} and ${b.shape[0]} elements respectively`,
    );
  }
  if (a.dtype !== b.dtype) {
    throw runtimeError(`dot : expected both vectors to have same dtype, but found ${c10Name(a.dtype)} and ${c10Name(b.dtype)}`);
  }
  const K = a.shape[0];
  const o = mmRaw(makeView(a, [1, K], [0, a.strides[0]], a.offset), makeView(b, [K, 1], [b.strides[0], 0], b.offset));
  const out = reshapeNoGrad(o, []);
  if (shouldRecord2(a, b)) {
    record(out, 'DotBackward0', [a, b], ([g]) => [a.requiresGrad ? mul(b, g!) : null, b.requiresGrad ? mul(a, g!) : null], [a, b]);
  }
  notifyOp('dot', [a, b], out);
  return out;
}

export function mv(a: Tensor, v: Tensor): Tensor {
  if (a.shape.length !== 2 || v.shape.length !== 1) throw runtimeError(`vector + matrix @ vector expected, got 1, ${a.shape.length}, ${v.shape.length}`);
  if (a.shape[1] !== v.shape[0]) {
    throw runtimeError(`size mismatch, got input (${a.shape[0]}), mat (${a.shape[0]}x${a.shape[1]}), vec (${v.shape[0]})`);
  }
  checkSameDtype(a, v);
  const K = v.shape[0];
  const out = reshapeNoGrad(mmRaw(a, makeView(v, [K, 1], [v.strides[0], 0], v.offset)), [a.shape[0]]);
  if (shouldRecord2(a, v)) {
    record(out, 'MvBackward0', [a, v], ([g]) => {
      const gc = makeView(g!, [g!.shape[0], 1], [g!.strides[0], 0], g!.offset);
      return [
        a.requiresGrad ? mmRaw(gc, makeView(v, [1, K], [0, v.strides[0]], v.offset)) : null,
        v.requiresGrad ? reshapeNoGrad(mmRaw(tr(a), gc), [K]) : null,
      ];
    }, [a, v]);
  }
  notifyOp('mv', [a, v], out);
  return out;
}

/** Materialises t broadcast to batch ++ [r, c] as a (B, r, c) tensor. */
function batched(t: Tensor, batch: number[], r: number, c: number): TensorView {
  const full = [...batch, r, c];
  const v = expandTo(t, full);
  const B = numelOf(batch);
  // Collapse batch dims when their strides allow; else copy.
  const c3 = { storage: v.storage, dtype: v.dtype, offset: v.offset, shape: full, strides: v.strides } as TensorView;
  if (batch.length === 1) return c3;
  if (batch.length === 0) return { ...c3, shape: [1, r, c], strides: [0, ...v.strides] };
  const copy = empty(t.backend, full, t.dtype);
  t.backend.run('copy', [c3], [copy]);
  return { storage: copy.storage, dtype: copy.dtype, offset: 0, shape: [B, r, c], strides: [r * c, c, 1] };
}

function matmulNd(a: Tensor, b: Tensor): Tensor {
  const a2 = a.shape.length === 1 ? reshapeNoGrad(a, [1, a.shape[0]]) : a;
  const b2 = b.shape.length === 1 ? reshapeNoGrad(b, [b.shape[0], 1]) : b;
  const M = a2.shape[a2.shape.length - 2], K = a2.shape[a2.shape.length - 1];
  const K2 = b2.shape[b2.shape.length - 2], N = b2.shape[b2.shape.length - 1];
  if (K !== K2) {
    throw runtimeError(`Expected size for first two dimensions of batch2 tensor to be: [${numelOf(a2.shape.slice(0, -2))}, ${K}] but got: [${numelOf(b2.shape.slice(0, -2))}, ${K2}].`);
  }
  const batch = broadcastShapes(a2.shape.slice(0, -2), b2.shape.slice(0, -2));
  const o = bmmRaw(batched(a2, batch, M, K), batched(b2, batch, K, N));
  const outShape = [...batch, ...(a.shape.length === 1 ? [] : [M]), ...(b.shape.length === 1 ? [] : [N])];
  return reshapeNoGrad(o, outShape);
}

function transposeLast(t: Tensor): Tensor {
  const n = t.shape.length;
  if (n < 2) return t;
  const shape = t.shape.slice();
  const strides = t.strides.slice();
  [shape[n - 2], shape[n - 1]] = [shape[n - 1], shape[n - 2]];
  [strides[n - 2], strides[n - 1]] = [strides[n - 1], strides[n - 2]];
  return makeView(t, shape, strides, t.offset);
}

export function matmul(a: Tensor, b: Tensor): Tensor {
  const da = a.shape.length, db = b.shape.length;
  if (da === 0 || db === 0) {
    throw runtimeError(`both arguments to matmul need to be at least 1D, but they are ${da}D and ${db}D`);
  }
  if (da === 1 && db === 1) return dot(a, b);
  if (da === 2 && db === 1) return mv(a, b);
  if (da === 2 && db === 2) return mm(a, b);
  if (da === 1 && db === 2) {
    if (a.shape[0] !== b.shape[0]) {
      throw runtimeError(`mat1 and mat2 shapes cannot be multiplied (1x${a.shape[0]} and ${b.shape[0]}x${b.shape[1]})`);
    }
    checkSameDtype(a, b);
    const out = reshapeNoGrad(mmRaw(reshapeNoGrad(a, [1, a.shape[0]]), b), [b.shape[1]]);
    if (shouldRecord2(a, b)) {
      record(out, 'SqueezeBackward4', [a, b], ([g]) => {
        const g2 = reshapeNoGrad(g!, [1, g!.shape[0]]);
        return [
          a.requiresGrad ? reshapeNoGrad(mmRaw(g2, tr(b)), [a.shape[0]]) : null,
          b.requiresGrad ? mmRaw(reshapeNoGrad(a, [a.shape[0], 1]), g2) : null,
        ];
      }, [a, b]);
    }
    notifyOp('matmul', [a, b], out);
    return out;
  }
  checkSameDtype(a, b);
  const out = matmulNd(a, b);
  if (shouldRecord2(a, b)) {
    record(out, 'UnsafeViewBackward0', [a, b], ([g]) => {
      // Treat 1-D operands as matrices, then reduce the broadcast batch dims.
      const a2 = da === 1 ? reshapeNoGrad(a, [1, a.shape[0]]) : a;
      const b2 = db === 1 ? reshapeNoGrad(b, [b.shape[0], 1]) : b;
      let gg = g!;
      if (da === 1) gg = reshapeNoGrad(gg, [...gg.shape.slice(0, -1), 1, gg.shape[gg.shape.length - 1]]);
      if (db === 1) gg = reshapeNoGrad(gg, [...gg.shape, 1]);
      return [
        a.requiresGrad ? reshapeNoGrad(sumToShape(matmulNd(gg, transposeLast(b2)), a2.shape), a.shape.slice()) : null,
        b.requiresGrad ? reshapeNoGrad(sumToShape(matmulNd(transposeLast(a2), gg), b2.shape), b.shape.slice()) : null,
      ];
    }, [a, b]);
  }
  notifyOp('matmul', [a, b], out);
  return out;
}

/** addmm(bias, a, b, beta, alpha) = beta * bias + alpha * (a @ b). */
export function addmm(bias: Tensor, a: Tensor, b: Tensor, beta: Scalar = 1, alpha: Scalar = 1): Tensor {
  if (a.shape.length !== 2 || b.shape.length !== 2) throw runtimeError('mat1 must be a matrix, got ' + a.shape.length + '-D tensor');
  if (a.shape[1] !== b.shape[0]) {
    throw runtimeError(`mat1 and mat2 shapes cannot be multiplied (${a.shape[0]}x${a.shape[1]} and ${b.shape[0]}x${b.shape[1]})`);
  }
  checkSameDtype(a, b);
  const be = scalarValue(beta), al = scalarValue(alpha);
  const mm = mmRaw(a, b);
  const prod = al !== 1 ? castTensor(mulNoRecord(mm, al), mm.dtype) : mm;
  const outShape = [a.shape[0], b.shape[1]];
  broadcastShapes(bias.shape, outShape);
  const biasPart = be === 1 ? bias : mulNoRecord(bias, be);
  const dtype = promoteTypes(biasPart.dtype, prod.dtype);
  const out = empty(a.backend, outShape, dtype);
  const prodIn = castIf(prod, dtype);
  const biasIn = castIf(biasPart, dtype);
  out.backend.run('add', [expandTo(prodIn, outShape), expandTo(biasIn, outShape)], [out]);
  // The product and any casts of it are this op's own temporaries (the graph
  // saves a and b, not them): free them now rather than at GC, so a GPU
  // backend hands their buffers to the next op.
  freeTemporaries([mm, prod, prodIn, biasPart, biasIn], [bias, a, b, out]);
  if (shouldRecordAll([bias, a, b])) {
    record(out, 'AddmmBackward0', [bias, a, b], ([g]) => [
      bias.requiresGrad ? sumToShape(be === 1 ? g! : mul(g!, be), bias.shape) : null,
      a.requiresGrad ? scaled(mmRaw(g!, tr(b)), al) : null,
      b.requiresGrad ? scaled(mat2Grad(a, b, g!), al) : null,
    ], [a, b]);
  }
  notifyOp('addmm', [bias, a, b], out);
  return out;
}

/** Disposes the storages of `temps` that none of `live` uses. */
function freeTemporaries(temps: readonly Tensor[], live: readonly Tensor[]): void {
  const keep = new Set(live.map((t) => t.storage));
  const done = new Set<object>();
  for (const t of temps) {
    if (keep.has(t.storage) || done.has(t.storage)) continue;
    done.add(t.storage);
    t.backend.dispose(t.storage);
  }
}

function castIf(t: Tensor, d: Tensor['dtype']): Tensor {
  return t.dtype === d ? t : castTensor(t, d);
}
function mulNoRecord(t: Tensor, s: number): Tensor {
  const out = empty(t.backend, t.shape.slice(), t.dtype);
  const st = empty(t.backend, [], t.dtype);
  t.backend.write(st.storage, [s]);
  t.backend.run('mul', [t, expandTo(st, t.shape)], [out]);
  return out;
}
function scaled(t: Tensor, s: number): Tensor {
  return s === 1 ? t : mul(t, s);
}

export { add };
