// dtype promotion (torch.result_type for every pair of tensor/scalar operand
// kinds, from scripts/golden/ops.py) and the storage arrays behind dtypes.
import { describe, expect, it } from 'vitest';
import { resultType, allocArray, castScalar } from '../../engine/core/dtype';
import type { PromotionOperand } from '../../engine/core/dtype';
import golden from '../golden/ops.json';

const rows = (golden as unknown as { promotion: { a: PromotionOperand; b: PromotionOperand; result: string }[] }).promotion;

describe('resultType matches torch.result_type', () => {
  it('covers every pair', () => {
    expect(rows.length).toBeGreaterThan(150);
  });
  it('every pair agrees', () => {
    const wrong = rows.filter((r) => resultType([r.a, r.b]) !== r.result).map((r) => `${JSON.stringify(r.a)} ${JSON.stringify(r.b)} -> ${resultType([r.a, r.b])}, torch ${r.result}`);
    expect(wrong).toEqual([]);
  });
});

describe('storage arrays and casts', () => {
  it('uses the documented typed arrays', () => {
    expect(allocArray('float32', 1)).toBeInstanceOf(Float32Array);
    expect(allocArray('float64', 1)).toBeInstanceOf(Float64Array);
    expect(allocArray('int64', 1)).toBeInstanceOf(Float64Array);
    expect(allocArray('int32', 1)).toBeInstanceOf(Int32Array);
    expect(allocArray('bool', 1)).toBeInstanceOf(Uint8Array);
  });
  it('casts like C++: truncation toward zero, NaN is true', () => {
    expect(castScalar(-2.7, 'int64')).toBe(-2);
    expect(castScalar(2.7, 'int32')).toBe(2);
    expect(castScalar(NaN, 'bool')).toBe(1);
    expect(castScalar(0.1, 'float32')).toBe(Math.fround(0.1));
  });
});
