// The writes of a fleet, each journalled: an intent on disk before the request, an outcome after.
// A create that may have reached the service (a cut connection, a timeout, a 5xx) is never sent
// again blindly: once its per-attempt timeout has passed, its sender_id is looked up, and it is sent
// again only when the service has no such sender.
import { defaults, fleetDefaults } from '../defaults.js';
import { ApiError, SendersError, ValidationError } from '../errors.js';
import { decide, sleep } from '../retry.js';
import { statusKind } from '../statuses.js';
import type { Sender, SenderCreate, SenderUpdate } from '../types.js';
import type { AccountRuntime } from './accounts.js';
import { compareSender, type Wanted } from './compare.js';
import type { CreateInDoubt, JournalLine, JournalStore, Operation } from './journal.js';
import { read } from './reads.js';
import { errorRecord } from './records.js';

export { errorRecord } from './records.js';

/** What a write ended in. */
export type WriteResult =
  /** `adopted`: a create in doubt was found, sent by an earlier `run`, or by an earlier `attempt` of this one. */
  | { sender: Sender; adopted?: 'run' | 'attempt' }
  /** `sender`: the sender as last known, when it exists. */
  | { error: unknown; sender?: Sender };

/** What every write needs. */
export interface WriteContext {
  journal: JournalStore;
  runtime: AccountRuntime;
  senderId: string;
  signal?: AbortSignal | undefined;
  /** Told when a create waits for an earlier one's window to pass. */
  onDeferred?: (untilMs: number) => void;
  /** Told when a write waits `longWaitMs` or longer, with the wait's end and why. */
  onWaiting?: (untilMs: number, why: string) => void;
}

/** Past the per-attempt timeout, a margin for the journal's sync and the clocks. */
export const settleMarginMs = fleetDefaults.settleMarginMs;
// Bounds, so that a run ends: 429s in a row for one write, and ambiguous failures of one write.
const { maxRefusals, maxAmbiguous } = fleetDefaults;

/** The outcome of an attempt: the error was not an answer that says the write was not applied. */
export function isAmbiguous(error: unknown): boolean {
  if (error instanceof ApiError) return error.status >= 500 || error.status < 400;
  return !(error instanceof ValidationError);
}

const isRefusal = (error: unknown): error is ApiError => error instanceof ApiError && error.status === 429;

interface Attempt {
  seq: number;
  at: number;
  sender?: Sender;
  error?: unknown;
}

/**
 * One request of a write, in a slot of the account: the intent synced to disk, then the request.
 * Undefined when the run ended while it waited for its slot: no intent, no request.
 */
async function attempt(
  context: WriteContext,
  op: Operation,
  send: () => Promise<Sender | undefined>,
  sid?: string,
): Promise<Attempt | undefined> {
  const { journal, runtime, senderId } = context;
  return runtime.limiter.run(async () => {
    // Checked once the slot is given, not only before queueing: a run stopped meanwhile sends nothing more.
    if (context.signal?.aborted) return undefined;
    const seq = journal.nextSeq();
    const at = Date.now();
    const { name: account, accountSid } = runtime.account;
    await journal.write({
      type: 'intent',
      run: journal.run,
      seq,
      op,
      account,
      accountSid,
      sender_id: senderId,
      ...(sid ? { sid } : {}),
      at,
      timeoutMs: runtime.timeoutMs,
    });
    try {
      return { seq, at, sender: await send() };
    } catch (error) {
      return { seq, at, error };
    }
  });
}

function outcome(
  context: WriteContext,
  op: Operation,
  at: { run: string; seq: number },
  result: Extract<JournalLine, { type: 'outcome' }>['result'],
  detail: { sender?: Sender | undefined; error?: unknown } = {},
): Promise<void> {
  return context.journal.write({
    type: 'outcome',
    run: at.run,
    seq: at.seq,
    op,
    accountSid: context.runtime.account.accountSid,
    sender_id: context.senderId,
    result,
    ...(detail.sender ? { sid: detail.sender.sid, status: detail.sender.status } : {}),
    ...(detail.error !== undefined ? { error: errorRecord(detail.error) } : {}),
    at: Date.now(),
  });
}

/** A wait this long or longer is told (`onWaiting`), with its end: a run that waits says so. */
export const longWaitMs = fleetDefaults.longWaitMs;

/**
 * After a refused (429) write: waits as the client's policy says (its backoff, Retry-After honoured
 * up to `maxRetryDelayMs`) and resolves to true, or resolves to the error to report when the policy
 * says not to send it again (a Retry-After past the cap, or too many refusals).
 */
async function afterRefusal(context: WriteContext, error: ApiError, refusals: number): Promise<true | Error> {
  const policy = { ...defaults, maxRetries: maxRefusals, maxRetryDelayMs: context.runtime.maxRetryDelayMs };
  const decision = decide(true, { status: 429 }, refusals, policy, error.retryAfterMs);
  if (!decision.retry)
    return new SendersError(`${error.message}; not sent again: ${decision.why ?? 'refused'}`, { cause: error });
  if (decision.delayMs >= longWaitMs) context.onWaiting?.(Date.now() + decision.delayMs, 'rate limited (429)');
  await sleep(decision.delayMs, context.signal).catch(() => undefined);
  return true;
}

/**
 * Creates a sender, never twice. `inDoubt` is an earlier run's create with no known outcome; with
 * `readAt` (when the plan read the account) after its window, the plan's read already settled it.
 */
export async function createSender(
  context: WriteContext,
  body: SenderCreate,
  inDoubt?: CreateInDoubt,
  readAt = 0,
): Promise<WriteResult> {
  const { journal, runtime, signal } = context;
  let doubt = inDoubt;
  if (doubt && readAt >= doubt.at + doubt.timeoutMs + settleMarginMs) {
    await outcome(context, 'create', doubt, 'absent');
    doubt = undefined;
  }
  let refusals = 0;
  let ambiguities = 0;
  for (;;) {
    if (doubt) {
      const until = doubt.at + doubt.timeoutMs + settleMarginMs;
      context.onDeferred?.(until);
      // An interrupted run leaves it in doubt in the journal: the next run looks it up.
      const lookup = await untilAborted(runtime.lookup(context.senderId, until), signal);
      if (lookup.aborted) return { error: signal?.reason };
      const found = lookup.value;
      await outcome(context, 'create', doubt, found ? 'found' : 'absent', { sender: found });
      if (found) return { sender: found, adopted: doubt.run === journal.run ? 'attempt' : 'run' };
      doubt = undefined;
    }
    if (signal?.aborted) return { error: signal.reason };
    const sent = await attempt(context, 'create', () => runtime.writer.create(body));
    if (!sent) return { error: signal?.reason };
    const at = { run: journal.run, seq: sent.seq };
    if (sent.sender) {
      await outcome(context, 'create', at, 'ok', { sender: sent.sender });
      return { sender: sent.sender };
    }
    if (isRefusal(sent.error)) {
      // A 429 was not applied: refused, whether or not it is sent again.
      await outcome(context, 'create', at, 'refused', { error: sent.error });
      const waited = await afterRefusal(context, sent.error, ++refusals);
      if (waited !== true) return { error: waited };
      continue;
    }
    if (isAmbiguous(sent.error)) {
      await outcome(context, 'create', at, 'ambiguous', { error: sent.error });
      // Left in doubt in the journal: the next run looks it up.
      if (++ambiguities > maxAmbiguous) return { error: sent.error };
      // A service slower than the timeout may still apply it after the window: each ambiguity of this
      // run widens the window by one more timeout (2×, then 3×) before the lookup. A create held longer
      // than that is still found missing and sent again (README, "Many senders, many accounts").
      doubt = { ...at, at: sent.at, timeoutMs: runtime.timeoutMs * (1 + ambiguities) };
      continue;
    }
    await outcome(context, 'create', at, 'failed', { error: sent.error });
    return { error: sent.error };
  }
}

/**
 * Sends `patch`; after an ambiguous failure, waits out the window, reads the sender again and sends
 * only what still differs from `wanted`.
 */
export async function updateSender(
  context: WriteContext,
  sid: string,
  patch: SenderUpdate,
  wanted: Wanted,
  op: Operation = 'update',
): Promise<WriteResult> {
  const { journal, runtime, signal } = context;
  let body = patch;
  let refusals = 0;
  let ambiguities = 0;
  for (;;) {
    if (signal?.aborted) return { error: signal.reason };
    const sent = await attempt(context, op, () => runtime.writer.update(sid, body), sid);
    if (!sent) return { error: signal?.reason };
    const at = { run: journal.run, seq: sent.seq };
    if (sent.sender) {
      await outcome(context, op, at, 'ok', { sender: sent.sender });
      return { sender: sent.sender };
    }
    if (isRefusal(sent.error)) {
      await outcome(context, op, at, 'refused', { error: sent.error });
      const waited = await afterRefusal(context, sent.error, ++refusals);
      if (waited !== true) return { error: waited };
      continue;
    }
    if (!isAmbiguous(sent.error) || ++ambiguities > maxAmbiguous) {
      await outcome(context, op, at, isAmbiguous(sent.error) ? 'ambiguous' : 'failed', { error: sent.error });
      return { error: sent.error };
    }
    await outcome(context, op, at, 'ambiguous', { error: sent.error });
    await sleep(Math.max(0, sent.at + runtime.timeoutMs + settleMarginMs - Date.now()), signal).catch(() => undefined);
    if (signal?.aborted) return { error: signal.reason };
    const fresh = await read(runtime, sid);
    if ('error' in fresh) return fresh;
    if (op === 'verify') {
      if (statusKind(fresh.sender.status) !== 'awaiting-code') return fresh;
      continue;
    }
    const { changes, patch: rest } = compareSender(wanted, fresh.sender);
    if (changes.length === 0) return fresh;
    body = rest;
  }
}

/** Deletes a sender; the reader retries, and a 404 means it is gone already. */
export async function deleteSender(context: WriteContext, sid: string): Promise<WriteResult | { deleted: true }> {
  const { journal, runtime } = context;
  const sent = await attempt(
    context,
    'delete',
    async () => {
      await runtime.reader.delete(sid);
      return undefined;
    },
    sid,
  );
  if (!sent) return { error: context.signal?.reason };
  const at = { run: journal.run, seq: sent.seq };
  const gone = sent.error instanceof ApiError && sent.error.status === 404;
  if (sent.error === undefined || gone) {
    await outcome(context, 'delete', at, 'ok');
    return { deleted: true };
  }
  await outcome(context, 'delete', at, 'failed', { error: sent.error });
  return { error: sent.error };
}

/** The promise's value, or `aborted` as soon as the signal aborts (the promise is left to settle). */
async function untilAborted<T>(
  promise: Promise<T>,
  signal?: AbortSignal,
): Promise<{ aborted: true } | { aborted: false; value: T }> {
  if (!signal) return { aborted: false, value: await promise };
  if (signal.aborted) return { aborted: true };
  let onAbort: (() => void) | undefined;
  // A signal of its own that follows the run's: many writes in flight add no listener to the run's signal.
  const own = AbortSignal.any([signal]);
  const aborted = new Promise<{ aborted: true }>((resolve) => {
    onAbort = () => resolve({ aborted: true });
    own.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([promise.then((value) => ({ aborted: false as const, value })), aborted]);
  } finally {
    if (onAbort) own.removeEventListener('abort', onAbort);
  }
}
