// The builtins namespace of a run: functions, types, exceptions, constants.
import { excClasses } from '../runtime/exceptions';
import type { Interpreter } from '../runtime/interpreter';
import { Ellipsis, NotImplemented, PyValue, builtinClasses as B } from '../runtime/objects';
import { builtinFunctions } from './functions';
import { installConstructors } from './constructors';
import { installStrMethods } from './str-methods';
import { installContainerMethods } from './container-methods';
import { installGeneratorMethods } from './generator-methods';

let installed = false;

/** Type methods live on shared class objects: install them once per process. */
function installTypeMethods(): void {
  if (installed) return;
  installed = true;
  installConstructors();
  installStrMethods();
  installContainerMethods();
  installGeneratorMethods();
}

export function makeBuiltins(_it: Interpreter): Map<string, PyValue> {
  installTypeMethods();
  const m = new Map<string, PyValue>();
  for (const [k, v] of Object.entries(builtinFunctions())) m.set(k, v);
  for (const name of ['int', 'float', 'bool', 'str', 'list', 'tuple', 'dict', 'set', 'frozenset', 'range', 'slice', 'type', 'object', 'super', 'property', 'staticmethod', 'classmethod'] as const) {
    m.set(name, B[name]);
  }
  for (const [k, v] of excClasses) m.set(k, v);
  m.set('IOError', excClasses.get('OSError')!);
  m.set('EnvironmentError', excClasses.get('OSError')!);
  m.set('None', null);
  m.set('True', true);
  m.set('False', false);
  m.set('NotImplemented', NotImplemented);
  m.set('Ellipsis', Ellipsis);
  m.set('__name__', 'builtins');
  return m;
}
