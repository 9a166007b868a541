// Keeps a bounded, evenly spread subset of an unbounded stream of records
// (optimizer steps, backward calls): every `stride`-th event is kept; when the
// list is full, every other kept record is dropped and the stride doubles. A
// 30-epoch run thus keeps as many records as a 1-epoch run, spread over all.
export class Decimator<T> {
  readonly items: T[] = [];
  private stride = 1;
  private seen = 0;

  constructor(private readonly max: number) {}

  /** Whether the next event will be kept (so callers skip costly work). */
  wantsNext(): boolean {
    return this.seen % this.stride === 0;
  }

  /** Counts one event; `make` builds its record only when it is kept. */
  push(make: () => T): void {
    const keep = this.wantsNext();
    this.seen++;
    if (!keep) return;
    this.items.push(make());
    if (this.items.length > this.max) this.halve();
  }

  /** Adds a record built asynchronously after wantsNext() said yes. */
  add(item: T): void {
    this.seen++;
    this.items.push(item);
    if (this.items.length > this.max) this.halve();
  }

  skip(): void {
    this.seen++;
  }

  private halve(): void {
    let w = 0;
    for (let r = 0; r < this.items.length; r += 2) this.items[w++] = this.items[r];
    this.items.length = w;
    this.stride *= 2;
  }
}
