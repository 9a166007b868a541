// When to tell VS Code that the shape hints changed.
//
// VS Code's inlay-hint controller listens to a provider's change event only
// once it has received that provider's first answer for the editor. A run that
// finishes while that first answer (empty: no result yet) is on its way fires
// the event into nothing, and the hints stay missing until the user scrolls or
// types. So a change is announced again, a few times with growing pauses,
// until VS Code shows it heard by asking for hints again.

export interface RefreshTimers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const DEFAULT_TIMERS: RefreshTimers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Pauses before each repeat of an unanswered change. */
export const REPEAT_AFTER_MS = [250, 750, 2000] as const;

export class HintRefresher {
  private asked = 0;
  private timer: unknown = null;

  constructor(
    private readonly fire: () => void,
    private readonly timers: RefreshTimers = DEFAULT_TIMERS,
  ) {}

  /** The hints changed: say so now, and again while nobody asks for them. */
  changed(): void {
    this.cancel();
    this.fire();
    this.repeatUnlessAsked(this.asked, 0);
  }

  /** VS Code asked for hints: a change announced before this was heard. */
  answered(): void {
    this.asked++;
  }

  cancel(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }

  private repeatUnlessAsked(askedAtChange: number, attempt: number): void {
    if (attempt >= REPEAT_AFTER_MS.length) return;
    this.timer = this.timers.set(() => {
      this.timer = null;
      if (this.asked !== askedAtChange) return;
      this.fire();
      this.repeatUnlessAsked(askedAtChange, attempt + 1);
    }, REPEAT_AFTER_MS[attempt]);
  }
}
