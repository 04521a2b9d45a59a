// Waiting for a sender to reach a status: the polling loop every user would otherwise write by hand.
import { operationTable } from '../generated/operations.js';
import { defaults } from './defaults.js';
import { SenderOfflineError, SenderStatusError, TimeoutError, ValidationError } from './errors.js';
import { fillPath } from './operation-methods.js';
import type { RequestOptions } from './options.js';
import { poll } from './poller.js';
import { readingInput } from './prepare.js';
import type { Redact } from './redact.js';
import { endsWait, senderStatuses, statusKind } from './statuses.js';
import type { Sender, SenderStatus } from './types.js';
import { checkSchema } from './validate.js';

/**
 * How to wait, for waitForStatus, register and verify. The request options (`signal`, `timeoutMs`
 * per attempt, `headers`, `maxRetries`) apply to every request of the call: a write and each read.
 */
export interface WaitOptions extends RequestOptions {
  /**
   * The first wait between two reads, in milliseconds; each wait is `defaults.poll.growth` times the
   * last, up to `defaults.poll.longestIntervalMs`.
   * @default defaults.poll.intervalMs
   */
  intervalMs?: number;
  /**
   * The deadline of the whole wait, in milliseconds: then a TimeoutError that names the last status
   * seen. A read still running at the deadline is ended there. (`timeoutMs` is per attempt, as everywhere.)
   * @default defaults.poll.maxWaitMs
   */
  maxWaitMs?: number;
  /** Called with the sender on every change of status, the first read included. */
  onStatus?: (sender: Sender) => void;
}

/** The options only a wait has; the others are request options. */
export const waitOnlyKeys = ['intervalMs', 'maxWaitMs', 'onStatus'] as const;

const { longestIntervalMs } = defaults.poll;
// What a wait accepts: at least one of the spec's statuses, and an interval that cannot turn into a busy loop.
const waitRules = {
  type: 'object',
  required: ['statuses'],
  properties: {
    statuses: { type: 'array', minItems: 1, items: { type: 'string', enum: senderStatuses } },
    intervalMs: { type: 'number', minimum: 1, maximum: longestIntervalMs },
    maxWaitMs: { type: 'number', minimum: 0, maximum: 2 ** 31 - 1 },
  },
};

/**
 * Checks a wait's statuses and options, or throws a ValidationError; `register` and `verify` call it
 * before their write, so that a bad wait option never follows a request that was sent.
 */
export function checkWait(
  statuses: readonly SenderStatus[],
  options: Pick<WaitOptions, (typeof waitOnlyKeys)[number]>,
): void {
  const { intervalMs = defaults.poll.intervalMs, maxWaitMs = defaults.poll.maxWaitMs, onStatus } = options;
  const issues = checkSchema(
    waitRules,
    {
      statuses: readingInput(() => (Array.isArray(statuses) ? [...statuses] : statuses), '$.statuses'),
      intervalMs,
      maxWaitMs,
    },
    '$',
  );
  if (onStatus !== undefined && typeof onStatus !== 'function')
    issues.push({ path: '$.onStatus', message: 'must be a function' });
  if (issues.length > 0) throw new ValidationError(issues);
}

/**
 * Reads the sender until its status is one of `statuses`. A status of another kind that waiting
 * will not change ends the wait at once (the spec's `x-status-kinds`): `failed` with a
 * SenderOfflineError carrying `offline_reasons`, `awaiting-code` and `action-needed` with a
 * SenderStatusError that says what is needed. `maxWaitMs` is a deadline for the whole wait: the
 * last read's own `timeoutMs` shrinks to what is left, and a read still running at the deadline is
 * ended there.
 */
export async function waitForStatus(
  get: (sid: string, options: RequestOptions) => Promise<Sender>,
  /** fetchSender's URL template (its path on the base URL), for the TimeoutError. */
  url: string,
  sid: string,
  statuses: readonly SenderStatus[],
  /** The wait's own options, read once by the caller. */
  options: Pick<WaitOptions, (typeof waitOnlyKeys)[number]>,
  /** The request options of every read, already checked. */
  request: RequestOptions,
  /** The sender as a write just returned it, already shown to `onStatus`. */
  seen?: Sender,
  /** The client's timeout of one attempt. */
  readTimeoutMs = defaults.timeoutMs,
  /** The client's redactor: a stopped sender is quoted in the error's message. */
  redact: Redact = (value) => value,
): Promise<Sender> {
  const { intervalMs, maxWaitMs = defaults.poll.maxWaitMs, onStatus } = options;
  const { signal } = request;
  const attemptMs = request.timeoutMs ?? readTimeoutMs;
  checkWait(statuses, options);
  const wanted = [...statuses];
  let last = seen;
  const timedOut = () =>
    new TimeoutError(
      operationTable.fetchSender.method,
      fillPath(url, () => shown(sid)),
      maxWaitMs,
      {
        why: `${last?.status ? `still ${last.status}` : 'no status read'}, waiting for ${wanted.join(' or ')}`,
        lastStatus: last?.status,
      },
    );
  const read = (left: number, deadline: number) =>
    readBefore(deadline, signal, (read) =>
      get(sid, { ...request, ...read, timeoutMs: Math.max(1, Math.min(attemptMs, left)) }),
    );
  const settled = (sender: Sender) => {
    if (sender.status !== last?.status) onStatus?.(sender);
    last = sender;
    if (wanted.includes(sender.status)) return true;
    const kind = statusKind(sender.status);
    if (!endsWait(kind)) return false;
    const stopped = redact(sender);
    throw kind === 'failed' ? new SenderOfflineError(stopped) : new SenderStatusError(stopped, kind);
  };
  const deadline = Date.now() + maxWaitMs;
  const end = await poll(read, settled, { intervalMs, maxWaitMs, signal }).catch((error: unknown) => {
    if (error === expired || (error instanceof TimeoutError && deadline - Date.now() <= 0)) throw timedOut();
    throw error;
  });
  if (end.timedOut || !end.last) throw timedOut();
  return end.last;
}

/** The reason a read is ended at the deadline. */
const expired = new Error('the wait reached its deadline');

/** Runs one read with a signal that aborts at `deadline` (or with the caller's signal). */
async function readBefore<T>(
  deadline: number,
  signal: AbortSignal | undefined,
  read: (options: { signal: AbortSignal }) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(expired), Math.max(0, deadline - Date.now()));
  try {
    return await read({ signal: signal ? AbortSignal.any([signal, controller.signal]) : controller.signal });
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw controller.signal.aborted ? expired : error;
  } finally {
    clearTimeout(timer);
  }
}

function shown(sid: unknown): string {
  try {
    return encodeURIComponent(String(sid));
  } catch {
    return '';
  }
}
