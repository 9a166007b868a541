// json (dumps/loads of plain data, CPython's formatting) and string constants.
import { formatPyFloat } from '../format/float';
import { PyDict } from '../runtime/dict';
import { PyException, excClass, newException, pyError } from '../runtime/exceptions';
import { PyBuiltin, PyClass, PyList, PyTuple, PyValue } from '../runtime/objects';

const JSONDecodeError = new PyClass('JSONDecodeError', [excClass('ValueError')]);
JSONDecodeError.module = 'json.decoder';
import { typeName } from '../runtime/protocol';
import { makeModule, registerModule } from './registry';

function quote(s: string): string {
  return '"' + s.replace(/[\\"\u0000-\u001f\u007f-\uffff]/g, (c) => {
    const m: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };
    return m[c] ?? '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0');
  }) + '"';
}

function dumps(v: PyValue, indent: string | null, sortKeys: boolean, level: number): string {
  if (v === null) return 'null';
  if (v === true) return 'true';
  if (v === false) return 'false';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : v === Infinity ? 'Infinity' : v === -Infinity ? '-Infinity' : formatPyFloat(v);
  if (typeof v === 'string') return quote(v);
  const nl = indent === null ? '' : '\n' + indent.repeat(level + 1);
  const end = indent === null ? '' : '\n' + indent.repeat(level);
  const sep = indent === null ? ', ' : ',';
  if (v instanceof PyList || v instanceof PyTuple) {
    if (v.items.length === 0) return '[]';
    return '[' + nl + v.items.map((x) => dumps(x, indent, sortKeys, level + 1)).join(sep + nl) + end + ']';
  }
  if (v instanceof PyDict) {
    if (v.size === 0) return '{}';
    let entries = v.entries().map(([k, x]) => {
      let key: string;
      if (typeof k === 'string') key = k;
      else if (typeof k === 'bigint' || typeof k === 'number' || typeof k === 'boolean' || k === null) key = dumps(k, null, false, 0);
      else throw pyError('TypeError', `keys must be str, int, float, bool or None, not ${typeName(k)}`);
      return [key, x] as const;
    });
    if (sortKeys) entries = [...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return '{' + nl + entries.map(([k, x]) => quote(k) + ': ' + dumps(x, indent, sortKeys, level + 1)).join(sep + nl) + end + '}';
  }
  throw pyError('TypeError', `Object of type ${typeName(v)} is not JSON serializable`);
}

function toPy(x: unknown): PyValue {
  if (x === null) return null;
  if (typeof x === 'boolean' || typeof x === 'string') return x;
  if (typeof x === 'number') return x;
  if (Array.isArray(x)) return new PyList(x.map(toPy));
  const d = new PyDict();
  for (const [k, v] of Object.entries(x as object)) d.set(k, toPy(v));
  return d;
}

registerModule('json', () => makeModule('json', {
  JSONDecodeError,
  dumps: new PyBuiltin('dumps', (a, kw) => {
    const ind = kw?.get('indent') ?? null;
    const indent = ind === null ? null : typeof ind === 'string' ? ind : ' '.repeat(Number(ind));
    return dumps(a[0], indent, kw?.get('sort_keys') === true, 0);
  }),
  loads: new PyBuiltin('loads', (a) => new JsonReader(String(a[0])).document()),
}));

/** A small JSON reader that keeps Python's int/float distinction. */
class JsonReader {
  private i = 0;
  constructor(private readonly s: string) {}
  document(): PyValue {
    const v = this.value();
    this.ws();
    if (this.i < this.s.length) this.fail('Extra data');
    return v;
  }
  private fail(what: string): never {
    const before = this.s.slice(0, this.i);
    const line = before.split('\n').length;
    const col = this.i - before.lastIndexOf('\n');
    throw new PyException(newException(JSONDecodeError, [`${what}: line ${line} column ${col} (char ${this.i})`]));
  }
  private ws(): void {
    while (/\s/.test(this.s[this.i] ?? '')) this.i++;
  }
  private value(): PyValue {
    this.ws();
    const c = this.s[this.i];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    for (const [lit, v] of [['true', true], ['false', false], ['null', null], ['NaN', NaN], ['Infinity', Infinity], ['-Infinity', -Infinity]] as const) {
      if (this.s.startsWith(lit, this.i)) {
        this.i += lit.length;
        return v;
      }
    }
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.s.slice(this.i));
    if (!m || !m[0]) this.fail('Expecting value');
    this.i += m[0].length;
    return m[2] || m[3] ? Number(m[0]) : BigInt(m[0]);
  }
  private string(): string {
    const m = /^"(?:[^"\\]|\\.)*"/.exec(this.s.slice(this.i));
    if (!m) this.fail('Unterminated string starting at');
    this.i += m[0].length;
    return JSON.parse(m[0]) as string;
  }
  private array(): PyList {
    this.i++;
    const items: PyValue[] = [];
    this.ws();
    if (this.s[this.i] === ']') {
      this.i++;
      return new PyList(items);
    }
    for (;;) {
      items.push(this.value());
      this.ws();
      const c = this.s[this.i++];
      if (c === ']') return new PyList(items);
      if (c !== ',') this.fail("Expecting ',' delimiter");
    }
  }
  private object(): PyDict {
    this.i++;
    const d = new PyDict();
    this.ws();
    if (this.s[this.i] === '}') {
      this.i++;
      return d;
    }
    for (;;) {
      this.ws();
      if (this.s[this.i] !== '"') this.fail('Expecting property name enclosed in double quotes');
      const k = this.string();
      this.ws();
      if (this.s[this.i++] !== ':') this.fail("Expecting ':' delimiter");
      d.set(k, this.value());
      this.ws();
      const c = this.s[this.i++];
      if (c === '}') return d;
      if (c !== ',') this.fail("Expecting ',' delimiter");
    }
  }
}

registerModule('string', () => makeModule('string', {
  ascii_letters: 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ',
  ascii_lowercase: 'abcdefghijklmnopqrstuvwxyz',
  ascii_uppercase: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  digits: '0123456789',
  hexdigits: '0123456789abcdefABCDEF',
  octdigits: '01234567',
  punctuation: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
  whitespace: ' \t\n\r\x0b\x0c',
}));
