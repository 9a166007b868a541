// Creates the builtin type objects (object, type, int, str, list, ...). Their
// methods are added by the files in runtime/methods/.
import { PyClass, builtinClasses, typeClassRef } from './objects';

function make(name: string, bases: PyClass[]): PyClass {
  return new PyClass(name, bases);
}

const object = make('object', []);
const type = make('type', [object]);
typeClassRef.current = type;
builtinClasses.object = object;
builtinClasses.type = type;
const int = make('int', [object]);
builtinClasses.int = int;
builtinClasses.bool = make('bool', [int]);
for (const name of [
  'float', 'str', 'NoneType', 'list', 'tuple', 'dict', 'set', 'frozenset', 'range', 'slice', 'function',
  'builtin_function_or_method', 'method', 'property', 'staticmethod', 'classmethod', 'module', 'iterator',
  'generator', 'super', 'NotImplementedType', 'ellipsis', 'complex',
] as const) {
  builtinClasses[name] = make(name, [object]);
}

export { builtinClasses };
