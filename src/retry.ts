// Pure decisions about retrying: which outcome is retried, and how long to wait first.

/** How a failed attempt is retried. */
export interface RetryPolicy {
  maxRetries: number;
  backoffBaseMs: number;
  backoffCapMs: number;
  maxRetryDelayMs: number;
}

/**
 * What an attempt ended in, as far as retrying is concerned: `unsent` is a failure the runtime
 * says happened before any byte of the request left (refused, name not found, connect timeout).
 */
export type Outcome = { status: number } | 'network' | 'timeout' | 'unsent';

/** What to do after an attempt that did not succeed. */
export type Decision =
  /** Try again after `delayMs`. */
  | { retry: true; delayMs: number }
  /** Stop; `why` says so in words, when stopping is not plain. */
  | { retry: false; why?: string; retryAfterMs?: number };

/** The 5xx statuses that are retried on a retry-safe operation: the service or a proxy failed, possibly for a moment. */
const transientStatuses = [500, 502, 503, 504];

export const notRetried = 'not retried: the request may have been applied';

/**
 * Whether an attempt certainly changed nothing at the service, so that sending it again cannot apply
 * it twice: nothing of it left (`unsent`), or the service refused it before doing anything (429).
 * Every other outcome may have been applied.
 */
export const nothingApplied = (outcome: Outcome): boolean =>
  outcome === 'unsent' || (typeof outcome === 'object' && outcome.status === 429);

/**
 * Decides whether attempt `attempt` (1 for the first) is followed by another.
 * - 429 on any operation: the service refused before doing anything.
 * - 500, 502, 503, 504, network failures and timeouts only when `retrySafe`, the operation's
 *   `x-retry-after-ambiguous-failure` in the spec (generated/operations.ts): the first attempt may
 *   have been applied, and a create sent again could register the number twice.
 * - A failure before anything was sent on any operation: nothing can have been applied.
 * - A Retry-After is honoured; one longer than `maxRetryDelayMs` stops at once.
 */
export function decide(
  retrySafe: boolean,
  outcome: Outcome,
  attempt: number,
  policy: RetryPolicy,
  retryAfterMs?: number,
  random: () => number = Math.random,
): Decision {
  const status = typeof outcome === 'object' ? outcome.status : undefined;
  if (!nothingApplied(outcome) && !(retrySafe && (status === undefined || transientStatuses.includes(status)))) {
    return !retrySafe && (status === undefined || status >= 500) ? { retry: false, why: notRetried } : { retry: false };
  }
  if (retryAfterMs !== undefined && retryAfterMs > policy.maxRetryDelayMs) {
    return {
      retry: false,
      why: `Retry-After asks for ${retryAfterMs} ms, over maxRetryDelayMs (${policy.maxRetryDelayMs})`,
      retryAfterMs,
    };
  }
  if (attempt > policy.maxRetries) {
    const why = attempt > 1 ? `gave up after ${attempt} attempts` : undefined;
    return { retry: false, why, retryAfterMs };
  }
  return { retry: true, delayMs: retryAfterMs ?? backoff(attempt, policy, random) };
}

/** Exponential backoff with full jitter: a random wait up to `base × 2^(attempt-1)`, capped. */
export function backoff(
  attempt: number,
  policy: Pick<RetryPolicy, 'backoffBaseMs' | 'backoffCapMs'>,
  random = Math.random,
) {
  return Math.round(random() * Math.min(policy.backoffCapMs, policy.backoffBaseMs * 2 ** (attempt - 1)));
}

/** A `Retry-After` header in milliseconds: delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // An HTTP date names its day or month in letters; Date.parse alone would take "-1" or "1.5".
  const date = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. Leaves no timer behind. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    // A signal of its own, which follows the caller's: a thousand calls waiting on one signal add no
    // listener to it (Node warns past ten), and each listener goes with its own signal.
    const own = signal && AbortSignal.any([signal]);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      own?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    own?.addEventListener('abort', onAbort, { once: true });
  });
}
