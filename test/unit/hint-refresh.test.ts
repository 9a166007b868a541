// The shape hints' change announcement: repeated while VS Code does not ask
// for hints again (its first answer can swallow the event), and no more once
// it has asked.
import { describe, expect, it } from 'vitest';
import { HintRefresher, REPEAT_AFTER_MS, type RefreshTimers } from '../../extension/hints/refresh';

function clock(): RefreshTimers & { now: number; advance(ms: number): void } {
  let pending: { at: number; fn: () => void; id: number }[] = [];
  let id = 0;
  const c = {
    now: 0,
    set(fn: () => void, ms: number) {
      pending.push({ at: c.now + ms, fn, id: ++id });
      return id;
    },
    clear(h: unknown) {
      pending = pending.filter((p) => p.id !== h);
    },
    advance(ms: number) {
      const end = c.now + ms;
      for (;;) {
        const next = pending.filter((p) => p.at <= end).sort((a, b) => a.at - b.at)[0];
        if (!next) break;
        pending = pending.filter((p) => p !== next);
        c.now = next.at;
        next.fn();
      }
      c.now = end;
    },
  };
  return c;
}

const total = REPEAT_AFTER_MS.reduce((a, b) => a + b, 0);

describe('HintRefresher', () => {
  it('fires at once, then repeats at growing pauses while nobody asks', () => {
    const t = clock();
    const times: number[] = [];
    const r = new HintRefresher(() => times.push(t.now), t);
    r.changed();
    t.advance(total + 10_000);
    expect(times).toEqual([0, 250, 1000, 3000]);
  });

  it('stops repeating once VS Code asks for hints', () => {
    const t = clock();
    let fired = 0;
    const r = new HintRefresher(() => fired++, t);
    r.changed();
    t.advance(REPEAT_AFTER_MS[0]);
    expect(fired).toBe(2);
    r.answered();
    t.advance(total);
    expect(fired).toBe(2);
  });

  it('a new change restarts the repeats and an ask before it does not count', () => {
    const t = clock();
    let fired = 0;
    const r = new HintRefresher(() => fired++, t);
    r.answered();
    r.changed();
    r.changed();
    expect(fired).toBe(2);
    t.advance(total);
    expect(fired).toBe(2 + REPEAT_AFTER_MS.length);
  });

  it('cancel stops pending repeats', () => {
    const t = clock();
    let fired = 0;
    const r = new HintRefresher(() => fired++, t);
    r.changed();
    r.cancel();
    t.advance(total);
    expect(fired).toBe(1);
  });
});
