// The one poller of the package: every wait (waitForStatus, register, verify, the CLI's `wait`, the
// fleet's canary and codes) reads through it, on the schedule of `defaults.poll`.
import { defaults } from './defaults.js';
import { sleep } from './retry.js';

/** When to read, and for how long. */
export interface PollSchedule {
  /** The first wait between two reads. @default defaults.poll.intervalMs */
  intervalMs?: number | undefined;
  /** The deadline of the whole poll, from its start. @default defaults.poll.maxWaitMs */
  maxWaitMs?: number | undefined;
  /** The longest wait between two reads. @default defaults.poll.longestIntervalMs */
  longestIntervalMs?: number | undefined;
  /** Ends the poll: a wait between reads rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
}

/** The wait after `interval`: `growth` times longer, up to the longest. */
export const nextInterval = (interval: number, longest: number): number =>
  Math.min(Math.round(interval * defaults.poll.growth), longest);

/**
 * Reads until `settled` says so or the deadline comes; `settled` may throw to end the poll with an
 * error. With `first` (a value in hand), the first read comes after the first wait; without, at once.
 * Resolves to the last value and whether the deadline came first; rejects as `read` rejects.
 */
export async function poll<T>(
  /** One read; `leftMs` is the time left before the deadline. */
  read: (leftMs: number, deadline: number) => Promise<T>,
  settled: (value: T) => boolean,
  {
    intervalMs = defaults.poll.intervalMs,
    maxWaitMs = defaults.poll.maxWaitMs,
    longestIntervalMs = defaults.poll.longestIntervalMs,
    signal,
  }: PollSchedule = {},
  first?: T,
): Promise<{ last: T | undefined; timedOut: boolean }> {
  const deadline = Date.now() + maxWaitMs;
  let last = first;
  let interval = intervalMs;
  if (first !== undefined && settled(first)) return { last, timedOut: false };
  for (let wait = first !== undefined; ; wait = true) {
    if (wait) {
      const left = deadline - Date.now();
      if (left <= 0) return { last, timedOut: true };
      await sleep(Math.min(interval, left), signal);
      interval = nextInterval(interval, longestIntervalMs);
    }
    const left = deadline - Date.now();
    if (left <= 0) return { last, timedOut: true };
    last = await read(left, deadline);
    if (settled(last)) return { last, timedOut: false };
  }
}
