// The failures a test injects: the next requests' errors (`failNext`) and the 429 mode (`rateLimit`),
// each for every request or for one account's only. Scoped to an account (the Basic user name of a
// request: an Account SID or an API key), a fault cannot be taken by another test's requests that
// share the sandbox, as parallel test files do.
import { scope, share, wholeNumber } from './arguments.js';
import { type Answer, twilioError } from './routes.js';

/** A run of injected failures: `left` more requests to answer with this error. */
interface Failure {
  status: number;
  code: number;
  account: string | undefined;
  left: number;
}

/** What a test injected, and how many requests each fault has seen. */
export class Faults {
  readonly #failures: Failure[] = [];
  /** The 429 mode's share, by account; `undefined` is the mode of every request. */
  readonly #limits = new Map<string | undefined, number>();
  /** Requests seen, by account, and in all (`undefined`), so that a share is spread evenly. */
  readonly #seen = new Map<string | undefined, number>();

  /**
   * Answers the next `count` requests (of `account` only, when given) with this error status and
   * Twilio code: by default 20429 for a 429, else 20000 + status.
   */
  failNext(status: number, code?: number, count = 1, account?: string): void {
    wholeNumber('status', status, 400, 599);
    const twilioCode = code ?? (status === 429 ? 20429 : 20000 + status);
    wholeNumber('code', twilioCode, 1, 99_999);
    wholeNumber('count', count, 1, 100_000);
    this.#failures.push({ status, code: twilioCode, account: scope(account), left: count });
  }

  /** Refuses this share of requests (of `account` only, when given) with a 429; 0 ends the mode. */
  rateLimit(value: number, account?: string): void {
    const scoped = scope(account);
    if (share('share', value) === 0) this.#limits.delete(scoped);
    else this.#limits.set(scoped, value);
  }

  /**
   * The fault a request of `user` (its Basic user name; '' without one) meets, if any: an injected
   * failure first, then the 429 mode (the account's own, or else every request's).
   */
  take(user: string): Answer | undefined {
    const all = this.#count(undefined);
    const own = user ? this.#count(user) : all;
    const failure = this.#failures.find((run) => run.account === undefined || run.account === user);
    if (failure) {
      if (--failure.left === 0) this.#failures.splice(this.#failures.indexOf(failure), 1);
      const retryAfter = failure.status === 429 ? { 'Retry-After': '0' } : undefined;
      return twilioError(failure.status, failure.code, 'Injected by the sandbox', retryAfter);
    }
    const scoped = user !== '' && this.#limits.has(user);
    const limit = (scoped ? this.#limits.get(user) : this.#limits.get(undefined)) ?? 0;
    const seen = scoped ? own : all;
    if (limit > 0 && Math.floor(seen * limit) > Math.floor((seen - 1) * limit)) {
      return twilioError(429, 20429, 'Too Many Requests', { 'Retry-After': '0' });
    }
    return undefined;
  }

  #count(account: string | undefined): number {
    const seen = (this.#seen.get(account) ?? 0) + 1;
    this.#seen.set(account, seen);
    return seen;
  }
}
