// Python value -> what the trace records about it. Tensors are handed to the
// recorder as they are (it captures and summarises them); everything else gets
// a short repr here, bounded so a 10,000-element list costs nothing.
import type { DescribedValue } from '../../../trace/recorder';
import { Module } from '../../../nn/module';
import {
  PyBuiltin, PyClass, PyFunction, PyInstance, PyList, PyModule, PyObject, PyTuple, type PyValue,
} from '../../runtime/objects';
import { asTensor, sizeRepr, isSize, dtypeClass } from './classes';
import { formatPyFloat as pyFloatRepr } from '../../format/float';
import { PyDict, PySet } from '../../runtime/dict';
import { strRepr } from '../../format/str-repr';

const MAX_REPR = 200;
const MAX_ITEMS = 20;

/** A bounded, best-effort repr for hover text (not for print: the interpreter owns that). */
export function shortRepr(v: PyValue, depth = 0): string {
  if (v === null) return 'None';
  switch (typeof v) {
    case 'boolean': return v ? 'True' : 'False';
    case 'bigint': return v.toString();
    case 'number': return pyFloatRepr(v);
    case 'string': return strRepr(v.length > MAX_REPR ? v.slice(0, MAX_REPR) + '…' : v);
  }
  const t = asTensor(v);
  if (t) return `tensor(shape=${sizeRepr(t.shape)})`;
  if (isSize(v)) return sizeRepr(v.native as number[]);
  if (v instanceof PyInstance && v.cls === dtypeClass) return `torch.${String(v.native)}`;
  if (depth > 2) return '…';
  if (v instanceof PyList || v instanceof PyTuple) {
    const parts = v.items.slice(0, MAX_ITEMS).map((x) => shortRepr(x, depth + 1));
    if (v.items.length > MAX_ITEMS) parts.push('…');
    const body = parts.join(', ');
    return v instanceof PyList ? `[${body}]` : v.items.length === 1 ? `(${body},)` : `(${body})`;
  }
  if (v instanceof PyDict) {
    // The first entries only: entries() copies the whole dict, which made a
    // loop filling a dict quadratic (this runs after every assignment).
    const parts: string[] = [];
    for (const [k, x] of v.map.values()) {
      if (parts.length === MAX_ITEMS) break;
      parts.push(`${shortRepr(k, depth + 1)}: ${shortRepr(x, depth + 1)}`);
    }
    if (v.size > MAX_ITEMS) parts.push('…');
    const body = `{${parts.join(', ')}}`;
    return v.klass ? `${v.klass.name}(${body})` : body;
  }
  if (v instanceof PySet) return v.map.size ? `{…${v.map.size} items}` : 'set()';
  if (v instanceof PyFunction) return `<function ${v.qualname}>`;
  if (v instanceof PyBuiltin) return `<built-in function ${v.name}>`;
  if (v instanceof PyClass) return `<class '${v.qualifiedName}'>`;
  if (v instanceof PyModule) return `<module '${v.name}'>`;
  return `<${(v as PyObject).cls.name} object>`;
}

function clip(s: string): string {
  return s.length > MAX_REPR ? s.slice(0, MAX_REPR) + '…' : s;
}

export function describeValue(v: PyValue): DescribedValue {
  if (v === null) return { kind: 'none', repr: 'None' };
  switch (typeof v) {
    case 'boolean': return { kind: 'bool', repr: v ? 'True' : 'False' };
    case 'bigint': return { kind: 'int', repr: clip(v.toString()) };
    case 'number': return { kind: 'float', repr: pyFloatRepr(v) };
    case 'string': return { kind: 'str', repr: shortRepr(v) };
  }
  const t = asTensor(v);
  if (t) return { kind: 'tensor', tensor: t };
  if (v instanceof PyInstance && v.native instanceof Module) {
    return { kind: 'module', repr: clip(v.native.repr()), className: v.native.typeName };
  }
  if (v instanceof PyList) return { kind: 'list', repr: clip(shortRepr(v)), length: v.items.length };
  if (v instanceof PyTuple) return { kind: 'tuple', repr: clip(shortRepr(v)), length: v.items.length };
  if (v instanceof PyDict) return { kind: 'dict', repr: clip(shortRepr(v)), length: v.size };
  if (v instanceof PySet) return { kind: 'set', repr: clip(shortRepr(v)), length: v.map.size };
  const typeName = (v as PyObject).cls.name;
  if (v instanceof PyFunction || v instanceof PyBuiltin) return { kind: 'function', repr: shortRepr(v), typeName };
  if (v instanceof PyClass) return { kind: 'class', repr: shortRepr(v), typeName: 'type' };
  return { kind: 'object', repr: clip(shortRepr(v)), typeName };
}
