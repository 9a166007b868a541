// hash(): CPython 3.11's values for numbers and tuples (so hash(1.0) ==
// hash(1) and hash(torch.Size([2, 3])) == hash((2, 3)) print the same
// numbers), a class's own __hash__ for instances. str and other values keep a
// stable stand-in: CPython's string hash is salted per process anyway.
import { UnhashableError, hashKey } from './dict';
import { HashResultError } from './dict';
import { CallContext, PyInstance, PyTuple, PyValue } from './objects';
import { typeOf } from './protocol';
import { hashFloat, hashInt, hashTuple } from './cpython-hash';

export { hashFloat, hashInt, hashTuple };

/** hash(v): runs a class's __hash__ (a Python one may be async). */
export async function pyHash(ctx: CallContext, v: PyValue): Promise<bigint> {
  if (typeof v === 'bigint') return hashInt(v);
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (typeof v === 'number') return Number.isInteger(v) ? hashInt(BigInt(v)) : hashFloat(v);
  if (v instanceof PyTuple) {
    const hs: bigint[] = [];
    for (const x of v.items) hs.push(await pyHash(ctx, x));
    return hashTuple(hs);
  }
  if (v instanceof PyInstance) {
    const fn = typeOf(v).lookup('__hash__');
    if (fn === null) throw new UnhashableError(typeOf(v).name);
    if (fn !== undefined) {
      const h = await ctx.call(fn, [v]);
      if (typeof h === 'boolean') return h ? 1n : 0n;
      if (typeof h !== 'bigint') throw new HashResultError();
      // A __hash__ result outside Py_ssize_t is reduced as int hashes are.
      return h >= -(1n << 63n) && h < 1n << 63n ? (h === -1n ? -2n : h) : hashInt(h);
    }
  }
  const k = hashKey(v);
  let h = 0n;
  for (let i = 0; i < k.length; i++) h = (h * 1000003n + BigInt(k.charCodeAt(i))) & 0xfffffffffffffn;
  return h;
}
