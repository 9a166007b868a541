// dtypes and PyTorch's type promotion. int64 lives in a Float64Array: exact
// up to 2^53, which covers every index, count and seed a tutorial touches;
// beyond that values round (documented limit, no BigInt cost on every op).

export type DType = 'float32' | 'float64' | 'int64' | 'int32' | 'bool';

export type StorageArray = Float32Array | Float64Array | Int32Array | Uint8Array;

export const DTYPES: readonly DType[] = ['bool', 'int32', 'int64', 'float32', 'float64'];

/** The dtype of a Python float scalar / new float tensor (torch.get_default_dtype()). */
export const DEFAULT_FLOAT: DType = 'float32';

export function allocArray(dtype: DType, n: number): StorageArray {
  switch (dtype) {
    case 'float32': return new Float32Array(n);
    case 'float64': return new Float64Array(n);
    case 'int64': return new Float64Array(n);
    case 'int32': return new Int32Array(n);
    case 'bool': return new Uint8Array(n);
    default: return assertNeverDType(dtype);
  }
}

export function isFloating(d: DType): boolean {
  return d === 'float32' || d === 'float64';
}

export function isIntegral(d: DType, includeBool: boolean): boolean {
  return d === 'int32' || d === 'int64' || (includeBool && d === 'bool');
}

export function itemSize(d: DType): number {
  switch (d) {
    case 'float32': return 4;
    case 'float64': return 8;
    case 'int64': return 8;
    case 'int32': return 4;
    case 'bool': return 1;
    default: return assertNeverDType(d);
  }
}

/** For these five dtypes PyTorch's promotion lattice is a chain. */
const RANK: Record<DType, number> = { bool: 0, int32: 1, int64: 2, float32: 3, float64: 4 };

export function promoteTypes(a: DType, b: DType): DType {
  return RANK[a] >= RANK[b] ? a : b;
}

/** Python-visible name: torch.float32 etc. */
export function dtypeRepr(d: DType): string {
  return `torch.${d}`;
}

/** Legacy tensor type names: x.type() -> 'torch.FloatTensor'. */
export function legacyTypeName(d: DType): string {
  switch (d) {
    case 'float32': return 'torch.FloatTensor';
    case 'float64': return 'torch.DoubleTensor';
    case 'int64': return 'torch.LongTensor';
    case 'int32': return 'torch.IntTensor';
    case 'bool': return 'torch.BoolTensor';
    default: return assertNeverDType(d);
  }
}

/** Python's scalar kinds; a JS number alone cannot say whether `2.0` was a float. */
export type ScalarKind = 'bool' | 'int' | 'float';

/** The dtype PyTorch gives a wrapped Python scalar when it takes part in promotion. */
export function scalarDType(kind: ScalarKind): DType {
  switch (kind) {
    case 'bool': return 'bool';
    case 'int': return 'int64';
    case 'float': return DEFAULT_FLOAT;
    default: return assertNeverDType(kind);
  }
}

/** Category rule of c10's result_type: a lower-priority operand (0-dim tensor,
 *  wrapped scalar) only changes the result when it is of a higher category. */
function combineCategories(higher: DType | null, lower: DType | null): DType | null {
  if (higher === null) return lower;
  if (lower === null) return higher;
  if (isFloating(higher)) return higher;
  if (higher === 'bool' || isFloating(lower)) return promoteTypes(higher, lower);
  return higher;
}

/** One operand of a promotion: a tensor (with its rank) or a Python scalar. */
export type PromotionOperand = { dtype: DType; dim: number } | ScalarKind;

/** torch.result_type over tensors and scalars. */
export function resultType(operands: readonly PromotionOperand[]): DType {
  let dimR: DType | null = null;
  let zeroR: DType | null = null;
  let wrappedR: DType | null = null;
  for (const o of operands) {
    if (typeof o === 'string') {
      const d = scalarDType(o);
      wrappedR = wrappedR === null ? d : promoteTypes(wrappedR, d);
    } else if (o.dim === 0) {
      zeroR = zeroR === null ? o.dtype : promoteTypes(zeroR, o.dtype);
    } else {
      dimR = dimR === null ? o.dtype : promoteTypes(dimR, o.dtype);
    }
  }
  return combineCategories(dimR, combineCategories(zeroR, wrappedR)) ?? DEFAULT_FLOAT;
}

/** Converts a JS number into what storing it in `dtype` gives (C++ cast semantics). */
export function castScalar(x: number, dtype: DType): number {
  switch (dtype) {
    case 'float32': return Math.fround(x);
    case 'float64': return x;
    case 'int64': return Number.isFinite(x) ? Math.trunc(x) : x;
    case 'int32': return x | 0;
    case 'bool': return x !== 0 ? 1 : 0;
    default: return assertNeverDType(dtype);
  }
}

export function assertNeverDType(x: never): never {
  throw new Error(`unreachable dtype: ${String(x)}`);
}
