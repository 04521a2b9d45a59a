// The sandbox under load: random shares of 429 and 503 (seeded, so that a failing run can be run
// again), and the counts a bulk job is checked by: creates per account and sender_id, and the most
// requests each account had in flight at once.
import { type Answer, twilioError } from './routes.js';

/** Options of the sandbox's `traffic`. */
export interface TrafficOptions {
  /** A random share of requests (0 to 1) answered 429, with `Retry-After: 0`, before anything is done. @default 0 */
  rateLimitShare?: number;
  /** A random share of requests answered 503 before anything is done. @default 0 */
  unavailableShare?: number;
  /** A random share of creates answered 503 after the sender was created: the write applied, its answer lost. @default 0 */
  lostAnswerShare?: number;
  /**
   * A random share of writes held `slowMs` before they are handled: a create the client gave up on
   * (or whose client was killed) is then applied seconds later, as the service may. @default 0
   */
  slowShare?: number;
  /** How long a slow request is held. @default 1_000 */
  slowMs?: number;
  /** The seed of the random shares. @default 1 */
  seed?: number;
}

/** What the sandbox counted, and the random faults it draws. */
export class Traffic {
  /** Creates that reached the store, by `${account} ${sender_id}` (a refused duplicate counts too). */
  readonly creates = new Map<string, number>();
  /** Writes (POST, DELETE) that passed authentication and the random faults. */
  writes = 0;
  /** The most requests in flight at once, by account (the Basic user name). */
  readonly highWater = new Map<string, number>();
  readonly #inFlight = new Map<string, number>();
  #options: TrafficOptions;
  #state: number;

  constructor(options: TrafficOptions = {}) {
    this.#options = checked(options);
    this.#state = options.seed ?? 1;
  }

  /** Changes the shares from now on (to set a store up without faults, say); the counts stay. */
  configure(options: Omit<TrafficOptions, 'seed'>): void {
    this.#options = checked({ ...this.#options, ...options });
  }

  /** How many creates of this sender_id reached the account's store. */
  createsOf(account: string, senderId: string): number {
    return this.creates.get(`${account} ${senderId}`) ?? 0;
  }

  /** Every create that reached a store, all accounts together. */
  get totalCreates(): number {
    let total = 0;
    for (const count of this.creates.values()) total += count;
    return total;
  }

  enter(account: string): void {
    const now = (this.#inFlight.get(account) ?? 0) + 1;
    this.#inFlight.set(account, now);
    this.highWater.set(account, Math.max(now, this.highWater.get(account) ?? 0));
  }

  leave(account: string): void {
    this.#inFlight.set(account, (this.#inFlight.get(account) ?? 1) - 1);
  }

  /** A 429 or 503 drawn for this request, before anything is done; undefined for none (a write is counted then). */
  fault(method: string): Answer | undefined {
    if (this.#draw(this.#options.rateLimitShare)) {
      return twilioError(429, 20429, 'Too Many Requests', { 'Retry-After': '0' });
    }
    if (this.#draw(this.#options.unavailableShare)) return twilioError(503, 20503, 'Service Unavailable');
    if (method !== 'GET') this.writes++;
    return undefined;
  }

  /** How long to hold this request before handling it: 0, or `slowMs` for the slow share of writes. */
  holdMs(method: string): number {
    return method !== 'GET' && this.#draw(this.#options.slowShare) ? (this.#options.slowMs ?? 1_000) : 0;
  }

  /** Counts a create that reached the store; then whether its answer is lost (a 503 instead of the 202). */
  created(account: string, senderId: unknown): boolean {
    const key = `${account} ${String(senderId)}`;
    this.creates.set(key, (this.creates.get(key) ?? 0) + 1);
    return this.#draw(this.#options.lostAnswerShare);
  }

  /** mulberry32: a small seeded generator. */
  #draw(share = 0): boolean {
    if (share <= 0) return false;
    this.#state = (this.#state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.#state ^ (this.#state >>> 15), 1 | this.#state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296 < share;
  }
}

function checked(options: TrafficOptions): TrafficOptions {
  for (const name of ['rateLimitShare', 'unavailableShare', 'lostAnswerShare', 'slowShare'] as const) {
    const share = options[name] ?? 0;
    if (typeof share !== 'number' || !(share >= 0 && share <= 1))
      throw new RangeError(`traffic.${name} must be a number from 0 to 1, got ${String(share)}`);
  }
  return options;
}
