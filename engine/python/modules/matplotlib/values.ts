// Data arguments of plotting calls as plain numbers: lists, tuples, ranges,
// numpy arrays and torch tensors (a tensor that requires grad is refused as
// matplotlib refuses it, via numpy()).

import { pyError } from '../../runtime/exceptions';
import { PyList, PyRange, PyTuple, type CallContext, type PyValue } from '../../runtime/objects';
import { toArray } from '../../runtime/iter';
import { typeName } from '../../runtime/protocol';
import { asTensor } from '../torch/classes';
import { asNd } from '../numpy/convert';
import { asFloat32 } from '../numpy/scalar32';

export interface PlotData {
  shape: number[];
  values: number[];
}

function num(v: PyValue): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  const f32 = asFloat32(v);
  if (f32 !== null) return f32;
  const t = asTensor(v);
  if (t && t.numel() === 1) return t.readSync()[0];
  throw pyError('TypeError', `can't plot a value of type ${typeName(v)}`);
}

export async function plotData(ctx: CallContext, v: PyValue): Promise<PlotData> {
  const nd = asNd(v);
  if (nd) return { shape: nd.shape.slice(), values: nd.values() };
  const t = asTensor(v);
  if (t) {
    if (t.requiresGrad) {
      throw pyError('RuntimeError', "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.");
    }
    return { shape: t.shape.slice(), values: Array.from(await t.read()) };
  }
  if (v instanceof PyList || v instanceof PyTuple || v instanceof PyRange) {
    const items = await toArray(ctx, v);
    if (items.length && (items[0] instanceof PyList || items[0] instanceof PyTuple || asNd(items[0]) || (asTensor(items[0])?.dim() ?? 0) > 0)) {
      const rows = await Promise.all(items.map((r) => plotData(ctx, r)));
      return { shape: [rows.length, ...rows[0].shape], values: rows.flatMap((r) => r.values) };
    }
    return { shape: [items.length], values: items.map(num) };
  }
  return { shape: [], values: [num(v)] };
}
