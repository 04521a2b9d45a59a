// How many requests one account has in flight: additive increase, multiplicative decrease (AIMD).
// The limit starts at the ceiling, halves on a 429, climbs back one step per success, and no
// request starts while the account's Retry-After runs. Each account has its own: one account's
// rate limit never slows another.

/** One account's concurrency, under a ceiling. */
export class AimdLimiter {
  /** The most that may be in flight now, from 1 to the ceiling. */
  limit: number;
  /** In flight now. */
  active = 0;
  /** The most that were ever in flight at once. */
  highWater = 0;
  /** Told when a Retry-After pauses the account: when the pause ends. */
  onPause: ((untilMs: number) => void) | undefined;
  readonly #ceiling: number;
  readonly #now: () => number;
  readonly #waiting: (() => void)[] = [];
  #pausedUntil = 0;
  #lastDecrease = Number.NEGATIVE_INFINITY;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(ceiling: number, now: () => number = Date.now) {
    this.#ceiling = ceiling;
    this.limit = ceiling;
    this.#now = now;
  }

  /** Runs `task` once a slot is free, and frees it after. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  /** Resolves when a slot is taken. */
  acquire(): Promise<void> {
    return new Promise((resolve) => {
      this.#waiting.push(resolve);
      this.#pump();
    });
  }

  release(): void {
    this.active--;
    this.#pump();
  }

  /**
   * A 429 for a request sent at `sentAt`: the limit halves, once for all the requests that were
   * already in flight when it last halved, and nothing starts before `retryAfterMs` has passed.
   */
  rateLimited(sentAt: number, retryAfterMs?: number): void {
    const now = this.#now();
    if (sentAt >= this.#lastDecrease) {
      this.limit = Math.max(1, Math.floor(this.limit / 2));
      this.#lastDecrease = now;
    }
    if (retryAfterMs !== undefined && now + retryAfterMs > this.#pausedUntil) {
      this.#pausedUntil = now + retryAfterMs;
      this.onPause?.(this.#pausedUntil);
    }
    this.#pump();
  }

  /** A success: one step back up, to the ceiling. */
  succeeded(): void {
    if (this.limit < this.#ceiling) this.limit++;
    this.#pump();
  }

  /** Stops the timer of a pause, so that nothing is left behind. */
  close(): void {
    clearTimeout(this.#timer);
  }

  #pump(): void {
    const wait = this.#pausedUntil - this.#now();
    if (wait > 0) {
      if (this.#waiting.length > 0 && this.#timer === undefined) {
        this.#timer = setTimeout(() => {
          this.#timer = undefined;
          this.#pump();
        }, wait);
      }
      return;
    }
    while (this.active < this.limit && this.#waiting.length > 0) {
      this.active++;
      this.highWater = Math.max(this.highWater, this.active);
      this.#waiting.shift()?.();
    }
  }
}
