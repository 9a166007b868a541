// The random module, on engine/random's PythonRandom (CPython's MT19937 and
// seeding, so random.seed(0); random.random() prints Python's numbers).
import { PythonRandom } from '../../random/index';
import { pyError } from '../runtime/exceptions';
import { toArray } from '../runtime/iter';
import { PyBuiltin, PyList, PyValue } from '../runtime/objects';
import { bigintArg, intArg, numberArg } from '../builtins/args';
import { typeName } from '../runtime/protocol';
import { makeModule, registerModule } from './registry';

function num(v: PyValue): number {
  const n = numberArg(v);
  if (n === undefined) throw pyError('TypeError', `must be real number, not ${typeName(v)}`);
  return n;
}

registerModule('random', () => {
  const rng = new PythonRandom();
  const f = (name: string, fn: ConstructorParameters<typeof PyBuiltin>[1]) => new PyBuiltin(name, fn);
  return makeModule('random', {
    seed: f('seed', (a) => {
      const s = a[0] ?? null;
      if (s === null) rng.seed(null);
      else if (typeof s === 'bigint' || typeof s === 'boolean') rng.seed(bigintArg(s));
      else if (typeof s === 'number') rng.seed(s);
      else throw pyError('NotImplementedError', `random.seed() with a ${typeName(s)} is not supported by Tensor Lens`);
      return null;
    }),
    random: f('random', () => rng.random()),
    uniform: f('uniform', (a) => rng.uniform(num(a[0]), num(a[1]))),
    gauss: f('gauss', (a, kw) => rng.gauss(num(kw?.get('mu') ?? a[0] ?? 0), num(kw?.get('sigma') ?? a[1] ?? 1))),
    normalvariate: f('normalvariate', (a) => rng.normalvariate(num(a[0] ?? 0), num(a[1] ?? 1))),
    randint: f('randint', (a) => BigInt(rng.randint(intArg(a[0]), intArg(a[1])))),
    randrange: f('randrange', (a) => BigInt(a.length === 1 ? rng.randrange(intArg(a[0])) : rng.randrange(intArg(a[0]), intArg(a[1]), a[2] === undefined ? 1 : intArg(a[2])))),
    choice: f('choice', async (a, _k, ctx) => {
      const items = await toArray(ctx, a[0]);
      if (items.length === 0) throw pyError('IndexError', 'Cannot choose from an empty sequence');
      return items[rng.choiceIndex(items.length)];
    }),
    shuffle: f('shuffle', (a) => {
      const l = a[0];
      if (!(l instanceof PyList)) throw pyError('TypeError', `'${typeName(l)}' object does not support item assignment`);
      rng.shuffle(l.items);
      return null;
    }),
    sample: f('sample', async (a, kw, ctx) => {
      const items = await toArray(ctx, a[0]);
      const k = intArg(kw?.get('k') ?? a[1]);
      if (k < 0 || k > items.length) throw pyError('ValueError', 'Sample larger than population or is negative');
      return new PyList(rng.sampleIndices(items.length, k).map((i) => items[i]));
    }),
    getrandbits: f('getrandbits', (a) => BigInt(rng.getrandbits(intArg(a[0])))),
  });
});
