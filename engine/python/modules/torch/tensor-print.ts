// repr / str / format of tensors, exactly as PyTorch prints them (engine/format).
import { formatTensor } from '../../../format/index';
import { isParameter } from '../../../nn/parameter';
import type { Tensor } from '../../../tensor';
import { pyError } from '../../runtime/exceptions';
import { builtinClasses, type PyValue } from '../../runtime/objects';
import { formatValue } from '../../runtime/format-value';
import { asTensor, tensorClass } from './classes';
import { defMethod } from './define';
import { pyNumber } from './convert';
import { returnTypeRepr } from './return-types';

export function tensorReprWith(t: Tensor, values: ArrayLike<number>): string {
  return formatTensor({
    shape: t.shape,
    dtype: t.dtype,
    values,
    requiresGrad: t.requiresGrad && t.isLeaf,
    gradFn: t.gradFn ? t.gradFn.name : null,
    isParameter: isParameter(t),
  });
}

/** Synchronous repr (CPU tensors): for reprs nested in other reprs. */
export function tensorReprSync(t: Tensor): string {
  return tensorReprWith(t, t.readSync());
}

export async function tensorRepr(t: Tensor): Promise<string> {
  return tensorReprWith(t, await t.read());
}

const S = (v: PyValue): Tensor => asTensor(v)!;

defMethod(tensorClass, '__repr__', (self) => tensorRepr(S(self)));
defMethod(tensorClass, '__str__', (self) => tensorRepr(S(self)));
// Tensor.__format__: a 0-d tensor formats as its Python number; otherwise only
// the empty spec is allowed (object.__format__).
defMethod(tensorClass, '__format__', async (self, [spec], _kw, ctx) => {
  const t = S(self);
  const s = typeof spec === 'string' ? spec : '';
  if (t.dim() === 0) {
    const v = pyNumber((await t.read())[0], t.dtype === 'int64' || t.dtype === 'int32', t.dtype === 'bool');
    return formatValue(ctx, v, s);
  }
  if (s !== '') throw pyError('TypeError', 'unsupported format string passed to Tensor.__format__');
  return tensorRepr(t);
});

returnTypeRepr.fn = async (name, v, i) => `torch.return_types.${name}(\nvalues=${await tensorRepr(v)},\nindices=${await tensorRepr(i)})`;

export { builtinClasses };
