// torch.Generator: an engine Generator (MT19937 + cached normal) behind a
// Python object. torch.default_generator wraps the engine's default one, so
// torch.manual_seed(s) returns it and generator=torch.Generator().manual_seed(s)
// draws the same numbers as the global stream seeded with s.
import { pyError } from '../../runtime/exceptions';
import { PyClass, PyInstance, builtinClasses, type PyValue } from '../../runtime/objects';
import { Generator, defaultGenerator } from '../../../random/index';
import { defMethod, defProperty } from './define';
import { typeName } from './convert';
import { deviceObject } from './tensor-methods';

export const generatorClass = new PyClass('Generator', [builtinClasses.object]);
generatorClass.cTypeName = 'torch._C.Generator';
generatorClass.module = 'torch._C';

const wrappers = new WeakMap<Generator, PyInstance>();

export function generatorObject(g: Generator = defaultGenerator): PyInstance {
  let o = wrappers.get(g);
  if (!o) {
    o = new PyInstance(generatorClass);
    o.native = g;
    wrappers.set(g, o);
  }
  return o;
}

/** The engine generator of a generator= argument (None: the default one). */
export function generatorArg(v: PyValue | undefined, fn: string): Generator | undefined {
  if (v === undefined || v === null) return undefined;
  if (v instanceof PyInstance && v.cls === generatorClass) return v.native as Generator;
  throw pyError('TypeError', `${fn}() argument 'generator' must be torch.Generator, not ${typeName(v)}`);
}

function engineGen(self: PyValue): Generator {
  return (self as PyInstance).native as Generator;
}

defMethod(generatorClass, '__new__', (_cls, args, kwargs) => {
  const dev = kwargs?.get('device') ?? args[0] ?? 'cpu';
  const name = typeof dev === 'string' ? dev : dev instanceof PyInstance ? String(dev.dict.get('_type') ?? 'cpu') : 'cpu';
  if (name !== 'cpu') throw pyError('RuntimeError', `Tensor Lens runs on the CPU only: cannot make a '${name}' generator`);
  return generatorObject(new Generator());
});
defMethod(generatorClass, '__init__', () => null);
defMethod(generatorClass, 'manual_seed', (self, [s]) => {
  if (typeof s !== 'bigint' && typeof s !== 'boolean') throw pyError('RuntimeError', `manual_seed expected a long, but got ${typeName(s)}`);
  engineGen(self).manualSeed(BigInt(s));
  return self;
});
defMethod(generatorClass, 'initial_seed', (self) => engineGen(self).initialSeed());
defProperty(generatorClass, 'device', () => deviceObject());
