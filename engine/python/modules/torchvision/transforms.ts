// torchvision.transforms: Compose, ToTensor, Normalize, Lambda, with
// torchvision's arithmetic (ToTensor: uint8 / 255 in float32; Normalize:
// (x - mean) / std per channel, in the tensor's dtype) and reprs.

import { fromValues } from '../../../ops/factories';
import { pyError } from '../../runtime/exceptions';
import {
  PyBuiltin, PyClass, PyInstance, PyList, PyModule, PyTuple, builtinClasses, type CallContext, type PyValue,
} from '../../runtime/objects';
import { repr } from '../../runtime/protocol';
import { asTensor, wrapTensor } from '../torch/classes';
import { asNd } from '../numpy/convert';
import { asImage } from './image';

function transformClass(name: string): PyClass {
  const c = new PyClass(name, [builtinClasses.object]);
  c.module = 'torchvision.transforms.transforms';
  return c;
}

export const composeClass = transformClass('Compose');
export const toTensorClass = transformClass('ToTensor');
export const normalizeClass = transformClass('Normalize');
export const lambdaClass = transformClass('Lambda');

type Native = { transforms?: PyValue[]; mean?: PyValue; std?: PyValue; fn?: PyValue };
const N = (v: PyValue): Native => (v as PyInstance).native as Native;

function make(cls: PyClass, native: Native): PyInstance {
  const o = new PyInstance(cls);
  o.native = native;
  return o;
}

function method(cls: PyClass, name: string, f: (self: PyValue, args: PyValue[], ctx: CallContext) => PyValue | Promise<PyValue>): void {
  cls.dict.set(name, new PyBuiltin(name, (args, _kw, ctx) => f(args[0], args.slice(1), ctx)));
}

/** ToTensor on a PIL image or an HxW(xC) ndarray. */
export function toTensor(pic: PyValue): PyValue {
  const img = asImage(pic);
  if (img) {
    const vals = new Float32Array(img.pixels.length);
    for (let i = 0; i < vals.length; i++) vals[i] = Math.fround(img.pixels[i] / 255);
    return wrapTensor(fromValues(vals, [1, img.height, img.width], 'float32'));
  }
  const nd = asNd(pic);
  if (nd && (nd.ndim === 2 || nd.ndim === 3)) {
    const hwc = nd.ndim === 2 ? nd.reshape([nd.shape[0], nd.shape[1], 1]) : nd;
    const chw = hwc.transpose([2, 0, 1]);
    return wrapTensor(fromValues(chw.values(), chw.shape, nd.dtype === 'bool' ? 'bool' : nd.dtype));
  }
  if (nd) throw pyError('ValueError', `pic should be 2/3 dimensional. Got ${nd.ndim} dimensions.`);
  throw pyError('TypeError', `pic should be PIL Image or ndarray. Got <class '${asTensor(pic) ? 'torch.Tensor' : 'object'}'>`);
}

function numbers(v: PyValue): number[] {
  const items = v instanceof PyList || v instanceof PyTuple ? v.items : [v];
  return items.map((x) => (typeof x === 'number' ? x : typeof x === 'bigint' ? Number(x) : typeof x === 'boolean' ? Number(x) : NaN));
}

/** F.normalize: (x - mean[c]) / std[c] over the channel dim (-3). */
export function normalize(x: PyValue, mean: PyValue, std: PyValue): PyValue {
  const t = asTensor(x);
  if (!t) throw pyError('TypeError', `img should be Tensor Image. Got <class 'object'>`);
  if (t.dtype !== 'float32' && t.dtype !== 'float64') throw pyError('TypeError', `Input tensor should be a float tensor. Got torch.${t.dtype}.`);
  if (t.dim() < 3) {
    throw pyError('ValueError', `Expected tensor to be a tensor image of size (..., C, H, W). Got tensor.size() = torch.Size([${t.shape.join(', ')}])`);
  }
  const f32 = t.dtype === 'float32';
  const r = f32 ? Math.fround : (v: number) => v;
  const m = numbers(mean).map(r);
  const s = numbers(std).map(r);
  if (s.some((v) => v === 0)) throw pyError('ValueError', `std evaluated to zero after conversion to torch.${t.dtype}, leading to division by zero.`);
  const c = t.shape[t.dim() - 3];
  if ((m.length !== 1 && m.length !== c) || (s.length !== 1 && s.length !== c)) {
    throw pyError('RuntimeError', `The size of tensor a (${m.length !== 1 && m.length !== c ? m.length : s.length}) must match the size of tensor b (${c}) at non-singleton dimension 0`);
  }
  const vals = t.readSync();
  const plane = t.shape[t.dim() - 1] * t.shape[t.dim() - 2];
  const out = new (f32 ? Float32Array : Float64Array)(vals.length);
  // Plane by plane, so the channel's mean and std are hoisted out of the
  // pixel loop (this runs for every image of every batch). Storing into the
  // typed array rounds the quotient as PyTorch's float32 division does.
  for (let p0 = 0, k = 0; p0 < vals.length; p0 += plane, k++) {
    const ch = k % c;
    const mean = m[m.length === 1 ? 0 : ch];
    const sd = s[s.length === 1 ? 0 : ch];
    const end = Math.min(vals.length, p0 + plane);
    if (f32) for (let i = p0; i < end; i++) out[i] = Math.fround(vals[i] - mean) / sd;
    else for (let i = p0; i < end; i++) out[i] = (vals[i] - mean) / sd;
  }
  return wrapTensor(fromValues(out, t.shape.slice(), t.dtype));
}

method(composeClass, '__call__', async (self, [x], ctx) => {
  let v = x;
  for (const t of N(self).transforms ?? []) v = await ctx.call(t, [v]);
  return v;
});
method(composeClass, '__repr__', async (self, _a, ctx) => {
  let s = 'Compose(';
  for (const t of N(self).transforms ?? []) s += `\n    ${await repr(ctx, t)}`;
  return s + '\n)';
});
method(toTensorClass, '__call__', (_self, [pic]) => toTensor(pic));
method(toTensorClass, '__repr__', () => 'ToTensor()');
method(normalizeClass, '__call__', (self, [x]) => normalize(x, N(self).mean!, N(self).std!));
method(normalizeClass, '__repr__', async (self, _a, ctx) => `Normalize(mean=${await repr(ctx, N(self).mean!)}, std=${await repr(ctx, N(self).std!)})`);
method(lambdaClass, '__call__', (self, [x], ctx) => ctx.call(N(self).fn!, [x]));
method(lambdaClass, '__repr__', () => 'Lambda()');

export function createTransformsModule(): PyModule {
  const m = new PyModule('torchvision.transforms');
  const ctor = (cls: PyClass, f: (args: PyValue[], kw: Map<string, PyValue> | null) => Native) =>
    m.dict.set(cls.name, new PyBuiltin(cls.name, (args, kw) => make(cls, f(args, kw))));
  ctor(composeClass, ([ts]) => {
    if (!(ts instanceof PyList || ts instanceof PyTuple)) throw pyError('TypeError', 'Compose() expects a list of transforms');
    return { transforms: [...ts.items] };
  });
  ctor(toTensorClass, () => ({}));
  ctor(normalizeClass, (args, kw) => {
    const mean = kw?.get('mean') ?? args[0];
    const std = kw?.get('std') ?? args[1];
    if (mean === undefined || std === undefined) throw pyError('TypeError', "Normalize.__init__() missing required positional argument: 'std'");
    return { mean, std };
  });
  ctor(lambdaClass, ([fn]) => ({ fn }));
  return m;
}
