// Waiting for a sender to reach a status: the polling loop every user would otherwise write by hand.
import { SenderOfflineError, TimeoutError, ValidationError } from './errors.js';
import { sleep } from './retry.js';
import type { Sender, SenderStatus } from './types.js';
import { checkSchema } from './validate.js';

/** How to wait. */
export interface WaitOptions {
  /**
   * The first wait between two reads, in milliseconds; each wait is 1.5 times the last, up to 30 s.
   * @default 2_000
   */
  intervalMs?: number;
  /**
   * How long to wait in all before a TimeoutError that names the last status seen.
   * @default 600_000
   */
  timeoutMs?: number;
  /** Ends the wait at once; it then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Called with the sender on every change of status, the first read included. */
  onStatus?: (sender: Sender) => void;
}

const longestInterval = 30_000;
// What a wait accepts: at least one status, and an interval that cannot turn into a busy loop.
const waitRules = {
  type: 'object',
  required: ['statuses'],
  properties: {
    statuses: { type: 'array', minItems: 1, items: { type: 'string' } },
    intervalMs: { type: 'number', minimum: 1, maximum: longestInterval },
    timeoutMs: { type: 'number', minimum: 0 },
  },
};

/**
 * Reads the sender until its status is one of `statuses`. OFFLINE rejects with a
 * SenderOfflineError carrying `offline_reasons`, unless OFFLINE is among `statuses`.
 */
export async function waitForStatus(
  get: (sid: string, options: { signal?: AbortSignal }) => Promise<Sender>,
  url: string,
  sid: string,
  statuses: readonly SenderStatus[],
  { intervalMs = 2_000, timeoutMs = 600_000, signal, onStatus }: WaitOptions = {},
  /** The sender as a write just returned it, already shown to `onStatus`. */
  seen?: Sender,
): Promise<Sender> {
  const issues = checkSchema(waitRules, { statuses, intervalMs, timeoutMs }, '$');
  if (issues.length > 0) throw new ValidationError(issues);
  const deadline = Date.now() + timeoutMs;
  let interval = intervalMs;
  let last = seen;
  for (;;) {
    const sender = await get(sid, signal ? { signal } : {});
    if (sender.status !== last?.status) onStatus?.(sender);
    last = sender;
    if (statuses.includes(sender.status)) return sender;
    if (sender.status === 'OFFLINE') throw new SenderOfflineError(sender);
    const left = deadline - Date.now();
    if (left <= 0) {
      throw new TimeoutError('GET', url, timeoutMs, {
        why: `still ${sender.status}, waiting for ${statuses.join(' or ')}`,
        lastStatus: sender.status,
      });
    }
    await sleep(Math.min(interval, left), signal);
    interval = Math.min(Math.round(interval * 1.5), longestInterval);
  }
}
