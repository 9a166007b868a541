// itertools: the few functions tutorials use (materialised eagerly except count/cycle).
import { pyError } from '../runtime/exceptions';
import { toArray, getIterator } from '../runtime/iter';
import { PyBuiltin, PyIterator, PyTuple, PyValue, STOP } from '../runtime/objects';
import { binaryOp } from '../runtime/ops';
import { truthy } from '../runtime/protocol';
import { intArg } from '../builtins/args';
import { makeModule, registerModule } from './registry';
import { arrayIterator } from '../runtime/iter';

function product(pools: PyValue[][]): PyValue[] {
  let result: PyValue[][] = [[]];
  for (const pool of pools) {
    const next: PyValue[][] = [];
    for (const r of result) for (const x of pool) next.push([...r, x]);
    result = next;
  }
  return result.map((r) => new PyTuple(r));
}

function combinations(pool: PyValue[], r: number): PyValue[] {
  const out: PyValue[] = [];
  const rec = (start: number, acc: PyValue[]) => {
    if (acc.length === r) {
      out.push(new PyTuple(acc));
      return;
    }
    for (let i = start; i < pool.length; i++) rec(i + 1, [...acc, pool[i]]);
  };
  rec(0, []);
  return out;
}

function permutations(pool: PyValue[], r: number): PyValue[] {
  const out: PyValue[] = [];
  const rec = (acc: number[]) => {
    if (acc.length === r) {
      out.push(new PyTuple(acc.map((i) => pool[i])));
      return;
    }
    for (let i = 0; i < pool.length; i++) if (!acc.includes(i)) rec([...acc, i]);
  };
  rec([]);
  return out;
}

registerModule('itertools', () => makeModule('itertools', {
  count: new PyBuiltin('count', (a) => {
    let cur: PyValue = a[0] ?? 0n;
    const step: PyValue = a[1] ?? 1n;
    return new PyIterator(() => {
      const v = cur;
      const n = binaryOp(null as never, '+', cur, step);
      cur = n as PyValue;
      return v;
    });
  }),
  // Lazy, as in Python: chain(gen(), count()) must not drain its inputs first.
  chain: new PyBuiltin('chain', async (a, _k, ctx) => {
    const iters: PyIterator[] = [];
    for (const x of a) {
      const r = getIterator(ctx, x);
      iters.push(r instanceof Promise ? await r : r);
    }
    let k = 0;
    const chained = new PyIterator(async () => {
      for (; k < iters.length; k++) {
        let x = iters[k].next();
        if (x instanceof Promise) x = await x;
        if (x !== STOP) return x;
      }
      return STOP;
    });
    chained.sources = iters;
    return chained;
  }),
  product: new PyBuiltin('product', async (a, kw, ctx) => {
    const pools: PyValue[][] = [];
    for (const x of a) pools.push(await toArray(ctx, x));
    const rep = kw?.get('repeat') ? intArg(kw.get('repeat') as PyValue) : 1;
    const all: PyValue[][] = [];
    for (let i = 0; i < rep; i++) all.push(...pools);
    return arrayIterator(product(all));
  }),
  combinations: new PyBuiltin('combinations', async (a, _k, ctx) => arrayIterator(combinations(await toArray(ctx, a[0]), intArg(a[1])))),
  permutations: new PyBuiltin('permutations', async (a, _k, ctx) => {
    const pool = await toArray(ctx, a[0]);
    return arrayIterator(permutations(pool, a[1] === undefined || a[1] === null ? pool.length : intArg(a[1])));
  }),
  islice: new PyBuiltin('islice', async (a, _k, ctx) => {
    let src = getIterator(ctx, a[0]);
    if (src instanceof Promise) src = await src;
    const s = src;
    const [start, stop, step] = a.length === 2 ? [0, a[1] === null ? Infinity : intArg(a[1]), 1]
      : [a[1] === null ? 0 : intArg(a[1]), a[2] === null ? Infinity : intArg(a[2]), a[3] === undefined || a[3] === null ? 1 : intArg(a[3])];
    let i = 0;
    let nextWanted = start;
    const sliced = new PyIterator(async () => {
      for (;;) {
        if (nextWanted >= stop) return STOP;
        let x = s.next();
        if (x instanceof Promise) x = await x;
        if (x === STOP) return STOP;
        const idx = i++;
        if (idx === nextWanted) {
          nextWanted += step;
          return x;
        }
      }
    });
    sliced.sources = [s];
    return sliced;
  }),
  cycle: new PyBuiltin('cycle', async (a, _k, ctx) => {
    const items = await toArray(ctx, a[0]);
    let i = 0;
    return new PyIterator(() => (items.length ? items[i++ % items.length] : STOP));
  }),
  repeat: new PyBuiltin('repeat', (a) => {
    const times = a[1] === undefined ? Infinity : intArg(a[1]);
    let n = 0;
    return new PyIterator(() => (n++ < times ? a[0] : STOP));
  }),
  accumulate: new PyBuiltin('accumulate', async (a, _k, ctx) => {
    const items = await toArray(ctx, a[0]);
    const out: PyValue[] = [];
    let acc: PyValue | undefined;
    for (const x of items) {
      if (acc === undefined) acc = x;
      else {
        const r = a[1] ? await ctx.call(a[1], [acc, x]) : binaryOp(ctx, '+', acc, x);
        acc = r instanceof Promise ? await r : r;
      }
      out.push(acc);
    }
    return arrayIterator(out);
  }),
  takewhile: new PyBuiltin('takewhile', async (a, _k, ctx) => {
    const out: PyValue[] = [];
    for (const x of await toArray(ctx, a[1])) {
      if (!(await truthy(ctx, await ctx.call(a[0], [x])))) break;
      out.push(x);
    }
    return arrayIterator(out);
  }),
  zip_longest: new PyBuiltin('zip_longest', async (a, kw, ctx) => {
    const lists: PyValue[][] = [];
    for (const x of a) lists.push(await toArray(ctx, x));
    const fillv = kw?.get('fillvalue') ?? null;
    const n = Math.max(0, ...lists.map((l) => l.length));
    const out: PyValue[] = [];
    for (let i = 0; i < n; i++) out.push(new PyTuple(lists.map((l) => (i < l.length ? l[i] : fillv))));
    return arrayIterator(out);
  }),
}));

void pyError;
