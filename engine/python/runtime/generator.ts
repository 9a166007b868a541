// Generators. The body runs as its own async chain; `yield` hands a value to
// the consumer's pending resume and waits until it is resumed again, with a
// value (next/send) or with an exception raised at the yield (throw/close):
// a coroutine built from promises (the interpreter is async anyway).
import { PyException, excClass, excLinks, newException, pyError } from './exceptions';
import type { Frame, Interpreter } from './interpreter';
import { IterResult, PyFunction, PyIterator, PyValue, STOP, builtinClasses } from './objects';
import { execBlock } from './exec';
import { toPyException } from './convert-error';
import type { Stmt } from '../ast';

type Resume = { value: PyValue } | { throw: PyException };
/** What one resume of a generator ends with. */
export type Delivery = { value: PyValue } | { done: true; ret: PyValue } | { error: PyException };

let created = 0;

/** How many generators this process has made (serials at or below it are older). */
export function generatorsMade(): number {
  return created;
}

export class PyGenerator extends PyIterator {
  /** Creation order: a for loop closes the generators made for it (see exec.ts). */
  readonly serial = ++created;
  state: 'new' | 'suspended' | 'running' | 'done' = 'new';
  private deliver: ((d: Delivery) => void) | null = null;
  private resumeBody: ((r: Resume) => void) | null = null;
  /** Entries of it.handling that belong to the suspended body (an except
   *  block it yielded from): set aside while the consumer runs. */
  private handlingSaved: PyException[] = [];
  private handlingBase = 0;

  constructor(
    private readonly it: Interpreter,
    private readonly frame: Frame,
    private readonly body: (gen: PyGenerator) => Promise<PyValue>,
    readonly qualname: string,
  ) {
    let self: PyGenerator | null = null;
    super(() => self!.nextValue(), builtinClasses.generator);
    self = this;
  }

  get name(): string {
    return this.frame.name;
  }

  /** The body's side of `yield v`: the value sent back, or the exception thrown in. */
  yield(v: PyValue): Promise<PyValue> {
    return new Promise<PyValue>((res, rej) => {
      this.state = 'suspended';
      if (this.it.handling.length > this.handlingBase) this.handlingSaved = this.it.handling.splice(this.handlingBase);
      this.it.frames.pop();
      this.resumeBody = (msg) => {
        this.enter();
        if ('throw' in msg) rej(msg.throw);
        else res(msg.value);
      };
      this.hand({ value: v });
    });
  }

  /** Runs the body until its next yield, return or exception. */
  resume(msg: Resume): Promise<Delivery> {
    switch (this.state) {
      case 'running':
        return Promise.resolve({ error: pyError('ValueError', 'generator already executing') });
      case 'done':
        return Promise.resolve('throw' in msg ? { error: msg.throw } : { done: true, ret: null });
      case 'new':
        // An exception thrown into a generator that never ran ends it unrun.
        if ('throw' in msg) {
          this.state = 'done';
          return Promise.resolve({ error: msg.throw });
        }
    }
    return new Promise<Delivery>((res) => {
      this.deliver = res;
      const wasNew = this.state === 'new';
      this.state = 'running';
      if (wasNew) this.start();
      else {
        const r = this.resumeBody;
        this.resumeBody = null;
        r?.(msg);
      }
    });
  }

  /** generator.close(): GeneratorExit at the paused yield; the body may run
   *  its finally blocks and context managers' __exit__, but not yield again. */
  async close(): Promise<void> {
    if (this.state === 'new') {
      this.state = 'done';
      return;
    }
    if (this.state === 'done') return;
    const d = await this.resume({ throw: new PyException(newException(excClass('GeneratorExit'), [])) });
    if ('value' in d) throw pyError('RuntimeError', 'generator ignored GeneratorExit');
    if ('error' in d && !isInstanceOf(d.error, 'GeneratorExit') && !isInstanceOf(d.error, 'StopIteration')) throw d.error;
  }

  private async nextValue(): Promise<IterResult> {
    const d = await this.resume({ value: null });
    if ('error' in d) throw d.error;
    return 'done' in d ? STOP : d.value;
  }

  private enter(): void {
    this.it.frames.push(this.frame);
    this.handlingBase = this.it.handling.length;
    if (this.handlingSaved.length) {
      this.it.handling.push(...this.handlingSaved);
      this.handlingSaved = [];
    }
  }

  private start(): void {
    this.enter();
    this.body(this).then(
      (ret) => this.finish({ done: true, ret }),
      (err) => {
        let e = toPyException(this.it, err);
        if (!e.fatal) {
          this.it.finishTraceback(e, this.frame);
          if (isInstanceOf(e, 'StopIteration')) e = stopIterationEscaped(e);
        }
        this.finish({ error: e });
      },
    );
  }

  private finish(d: Delivery): void {
    this.state = 'done';
    this.it.handling.splice(this.handlingBase);
    this.it.frames.pop();
    this.hand(d);
  }

  private hand(d: Delivery): void {
    const cb = this.deliver;
    this.deliver = null;
    cb?.(d);
  }
}

/** PEP 479: a StopIteration leaking out of a generator body is a RuntimeError. */
function stopIterationEscaped(e: PyException): PyException {
  const r = pyError('RuntimeError', 'generator raised StopIteration');
  r.frames = [...e.frames];
  r.range = e.range;
  excLinks(r.value).cause = e.value;
  excLinks(r.value).context = e.value;
  excLinks(r.value).suppressContext = true;
  return r;
}

export function isInstanceOf(e: PyException, cls: string): boolean {
  return e.value.cls.isSubclassOf(excClass(cls));
}

/** StopIteration(value) as a generator's return raises it (no args for None). */
export function stopIteration(ret: PyValue): PyException {
  return new PyException(newException(excClass('StopIteration'), ret === null ? [] : [ret]));
}

export function makeGenerator(it: Interpreter, fn: PyFunction, frame: Frame): PyGenerator {
  const gen = new PyGenerator(it, frame, async () => {
    const c = await execBlock(it, fn.body as Stmt[], frame.scope);
    return c !== undefined && typeof c === 'object' ? c.ret : null;
  }, fn.qualname);
  frame.scope.gen = gen;
  return gen;
}

/** CPython closes a generator when its last reference goes: for
 *  `for x in gen(): break` that is the end of the loop, for `next(gen())` the
 *  end of the call, and its finally blocks and __exit__ run there. Without
 *  reference counts, a loop (or a call that only consumes its arguments)
 *  closes the generators it drew from that were made while evaluating its
 *  iterable (`gen()`, `enumerate(gen())`), never one the program holds by name. */
export async function closeMadeSince(it: Interpreter, iters: readonly PyValue[], madeBefore: number): Promise<void> {
  if (created === madeBefore) return;
  const todo = iters.filter((x): x is PyIterator => x instanceof PyIterator);
  for (let i = 0; i < todo.length; i++) {
    const t = todo[i];
    todo.push(...t.sources);
    if (!(t instanceof PyGenerator) || t.serial <= madeBefore || t.state !== 'suspended') continue;
    try {
      await t.close();
    } catch (err) {
      const e = toPyException(it, err);
      if (e.fatal) throw e;
      // CPython reports an error of a close at deallocation on stderr and goes on.
      it.writeErr(`Exception ignored in: <generator object ${t.qualname}>\n${e.typeName}\n`);
    }
  }
}
