// torch.finfo / torch.iinfo: the numeric limits of a dtype, with the
// attributes and the repr PyTorch gives them (numbers as C's %g).
import type { DType } from '../../../core/dtype';
import { pyError } from '../../runtime/exceptions';
import { PyBuiltin, PyClass, PyInstance, builtinClasses, type PyValue } from '../../runtime/objects';
import { toDType } from './classes';
import { defMethod } from './define';

/** C's printf("%g"): 6 significant digits, trailing zeros dropped, exponent of 2+ digits. */
export function formatG(x: number): string {
  if (x === 0) return '0';
  const exp = Math.floor(Math.log10(Math.abs(Number(x.toPrecision(6)))));
  if (exp < -4 || exp >= 6) {
    const [m, e] = x.toExponential(5).split('e');
    const mant = m.includes('.') ? m.replace(/\.?0+$/, '') : m;
    const n = Number(e);
    return `${mant}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
  }
  const s = x.toFixed(Math.max(0, 5 - exp));
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

interface FloatLimits { bits: number; eps: number; max: number; tiny: number; resolution: number }

const FLOATS: Partial<Record<DType, FloatLimits>> = {
  float32: { bits: 32, eps: 2 ** -23, max: (2 - 2 ** -23) * 2 ** 127, tiny: 2 ** -126, resolution: 1e-6 },
  float64: { bits: 64, eps: 2 ** -52, max: Number.MAX_VALUE, tiny: 2 ** -1022, resolution: 1e-15 },
};
const INTS: Partial<Record<DType, { bits: number; min: bigint; max: bigint }>> = {
  int32: { bits: 32, min: -(2n ** 31n), max: 2n ** 31n - 1n },
  int64: { bits: 64, min: -(2n ** 63n), max: 2n ** 63n - 1n },
};

export const finfoClass = new PyClass('finfo', [builtinClasses.object]);
finfoClass.module = 'torch';
export const iinfoClass = new PyClass('iinfo', [builtinClasses.object]);
iinfoClass.module = 'torch';

defMethod(finfoClass, '__repr__', (self) => {
  const d = (self as PyInstance).dict;
  const f = (k: string) => formatG(d.get(k) as number);
  return `finfo(resolution=${f('resolution')}, min=${f('min')}, max=${f('max')}, eps=${f('eps')}, smallest_normal=${f('smallest_normal')}, tiny=${f('tiny')}, dtype=${String(d.get('dtype'))})`;
});
defMethod(iinfoClass, '__repr__', (self) => {
  const d = (self as PyInstance).dict;
  const f = (k: string) => formatG(Number(d.get(k) as bigint));
  return `iinfo(min=${f('min')}, max=${f('max')}, dtype=${String(d.get('dtype'))})`;
});

function finfo(args: PyValue[]): PyValue {
  const dt = args.length === 0 || args[0] === null ? 'float32' : toDType(args[0]);
  const lim = FLOATS[dt];
  if (lim === undefined) throw pyError('TypeError', "torch.finfo() requires a floating point input type. Use torch.iinfo to handle 'torch.finfo'");
  const o = new PyInstance(finfoClass);
  const entries: [string, PyValue][] = [
    ['bits', BigInt(lim.bits)], ['eps', lim.eps], ['max', lim.max], ['min', -lim.max], ['tiny', lim.tiny],
    ['smallest_normal', lim.tiny], ['resolution', lim.resolution], ['dtype', dt],
  ];
  for (const [k, v] of entries) o.dict.set(k, v);
  return o;
}

function iinfo(args: PyValue[]): PyValue {
  const dt = toDType(args[0] ?? null);
  const lim = INTS[dt];
  if (lim === undefined) throw pyError('TypeError', "torch.iinfo() requires an integer input type. Use torch.finfo to handle 'torch.iinfo'");
  const o = new PyInstance(iinfoClass);
  for (const [k, v] of [['bits', BigInt(lim.bits)], ['max', lim.max], ['min', lim.min], ['dtype', dt]] as [string, PyValue][]) o.dict.set(k, v);
  return o;
}

export function finfoFunctions(): [string, PyValue][] {
  return [['finfo', new PyBuiltin('finfo', (a) => finfo(a))], ['iinfo', new PyBuiltin('iinfo', (a) => iinfo(a))]];
}
