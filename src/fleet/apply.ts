// applyFleet: carries a plan out, every account at once, each within its own concurrency, with
// the canary, the one-time passwords, the journal, and a report of every sender.
import { dirname, join } from 'node:path';
import { fleetDefaults } from '../defaults.js';
import { poll as pollUntil } from '../poller.js';
import { endsWait, statusKind } from '../statuses.js';
import type { Sender, SenderStatus } from '../types.js';
import {
  type AccountFailure,
  type AccountRuntime,
  accountFailure,
  type ConnectOptions,
  connectAccounts,
  secretOf,
} from './accounts.js';
import { compareSender } from './compare.js';
import { type Fleet, type FleetSender, sendersByAccount } from './file.js';
import { type AccountHold, type CreateInDoubt, type JournalStore, openJournal, senderKey } from './journal.js';
import { type FleetPlan, heldWhenMade, inFileOrder, type PlanAction, type PlanEntry, planAccount } from './plan.js';
import { refuseUrl } from './postgres-url.js';
import { poll } from './reads.js';
import type { ErrorRecord } from './records.js';
import {
  createSender,
  deleteSender,
  errorRecord,
  longWaitMs,
  updateSender,
  type WriteContext,
  type WriteResult,
} from './writes.js';

/** What became of one sender. */
export interface ReportEntry {
  account: string;
  sender_id: string;
  index?: number;
  /** What the plan said. */
  action: PlanAction;
  /**
   * What was done: `extra` is an extra sender kept (no `prune`); `duplicate` a second sender with a
   * sender_id the file wants, kept; `skipped` was not tried (a canary stopped the account, or the
   * run was interrupted); `failed` includes every sender of an account that failed.
   */
  result: 'created' | 'updated' | 'unchanged' | 'deleted' | 'verified' | 'extra' | 'duplicate' | 'failed' | 'skipped';
  sid?: string;
  status?: SenderStatus;
  changes?: string[];
  /** With `failed`: the service's code, message and request id, when it answered. */
  error?: ErrorRecord;
  /** Why, in words, for `skipped`, and for an adopted create. */
  note?: string;
}

/** The report of a run. */
export interface FleetReport {
  entries: ReportEntry[];
  /** The senders that await their one-time password (kind `awaiting-code`): it goes with `codes`. */
  awaitingCode: ReportEntry[];
  /** The senders in a `failed` or `action-needed` status: waiting will not bring them online. */
  attention: ReportEntry[];
  /** The accounts a canary stopped, and why. */
  stopped: Record<string, string>;
  /** The accounts that failed (credentials, reads, canary), in the file's order, each with the place of its secret and the error. */
  failures: AccountFailure[];
  /** Whether every account and every sender converged (or only waits for its code). */
  ok: boolean;
}

/** What applyFleet tells as it goes, for progress. */
export type FleetEvent =
  /** An account's plan is known: `total` of its senders need work. */
  | { type: 'planned'; account: string; total: number }
  | { type: 'done'; entry: ReportEntry }
  | { type: 'deferred'; account: string; sender_id: string; untilMs: number }
  | { type: 'canary'; account: string; sender_id: string; status: string }
  | { type: 'stopped'; account: string; reason: string }
  /** An account failed: it goes no further; the others go on. */
  | { type: 'failed'; failure: AccountFailure }
  /** An account waits `longWaitMs` or longer (a Retry-After), until `untilMs`. */
  | { type: 'waiting'; account: string; untilMs: number; why: string };

/** Options of applyFleet. */
export interface ApplyOptions extends ConnectOptions {
  /**
   * The journal: a path (append-only JSON lines, taken for this run), or a store already held
   * (`openJournal`, or a store of your own), which applyFleet leaves open.
   * @default the fleet file's path and `.journal.jsonl`
   */
  journal?: string | JournalStore;
  /**
   * A plan to carry out, from planFleet. Carried out as it is only when it was made under the
   * store given as `journal`, held since; any other plan may be stale (another run may have
   * written since), so each account is planned again once the journal is held, and only the
   * `extra` senders this plan showed may be deleted.
   */
  plan?: FleetPlan;
  /** Also delete the `extra` senders. @default false */
  prune?: boolean;
  /**
   * Create the first sender of each account alone, and wait until its status is no longer `working`,
   * before the rest; a `failed` or `action-needed` canary stops its account. @default false
   */
  canary?: boolean;
  /**
   * One-time passwords, submitted once the sender awaits its code; then `ready` is awaited.
   * Keyed by sender_id, or by `account/sender_id` for a number that is in more than one account.
   */
  codes?: ReadonlyMap<string, string>;
  onEvent?: (event: FleetEvent) => void;
  /** Ends the run: no new request starts; those in flight end and are journalled. */
  signal?: AbortSignal;
  /** The first wait between reads of a sender awaited. @default 2_000 */
  pollIntervalMs?: number;
  /** How long a canary, or a sender given a code, is awaited. @default 600_000 */
  maxWaitMs?: number;
  /**
   * How many accounts are worked at once. With a shared store (PostgreSQL), each holds a connection
   * and its account's lock while it is worked; the accounts another run holds are worked last.
   * @default every account for a file journal; `sharedAccountsAtOnce` (32) for a shared store
   */
  accountsAtOnce?: number;
}

/** How many accounts a run works at once on a shared store, unless told (`accountsAtOnce`). */
export const sharedAccountsAtOnce: number = fleetDefaults.sharedAccountsAtOnce;

const workersPerAccount = fleetDefaults.sendersAtOnce;

/** The default journal of a fleet file. */
export const journalPathOf = (fleetPath: string) =>
  join(dirname(fleetPath), `${fleetPath.split(/[\\/]/).pop()}.journal.jsonl`);

/**
 * Carries out the plan of `fleet`; resolves to the report (it rejects only when nothing could
 * start: the journal is held by another run, or cannot be opened). An account that fails is in
 * `failures`, its senders `failed`; the other accounts are applied in full.
 */
export async function applyFleet(fleet: Fleet, options: ApplyOptions = {}): Promise<FleetReport> {
  const given = options.journal;
  refuseUrl(given);
  const path = typeof given === 'string' ? given : fleet.path ? journalPathOf(fleet.path) : undefined;
  if (given === undefined && !path)
    throw new TypeError('applyFleet needs options.journal for a fleet that has no path');
  const { accountsAtOnce } = options;
  if (accountsAtOnce !== undefined && !(Number.isInteger(accountsAtOnce) && accountsAtOnce >= 1))
    throw new TypeError('accountsAtOnce must be a whole number of 1 or more');
  // The journal first: the creates in doubt are read once it is held, and the plan made after.
  const journal: JournalStore = typeof given === 'object' ? given : await openJournal(path as string);
  const { runtimes, failures } = await connectAccounts(fleet, options).catch(async (error: unknown) => {
    if (journal !== given) await journal.close();
    throw error;
  });
  try {
    const byIndex = new Map<number, FleetSender>(fleet.senders.map((sender) => [sender.index, sender]));
    const emit = options.onEvent ?? (() => {});
    // A shared store that loses its connection ends the run as an interrupt does: no write starts after it.
    // An account that fails outright (its journal cannot be written) halts the others the same way.
    const halt = new AbortController();
    const signals = [options.signal, journal.lost, halt.signal].filter((s): s is AbortSignal => s !== undefined);
    const signal = AbortSignal.any(signals);
    const shared = typeof journal.tryHoldAccount === 'function';
    for (const failure of failures) emit({ type: 'failed', failure });
    const codeOf = (entry: PlanEntry) =>
      options.codes?.get(`${entry.account}/${entry.sender_id}`) ?? options.codes?.get(entry.sender_id);
    // A plan made before this hold is planned again; of its extras, only those it showed are deleted.
    // A shared store is held account by account, after any plan: each is planned again.
    const held = options.plan && !shared && heldWhenMade(options.plan) === journal ? options.plan : undefined;
    const shown =
      options.plan && !held
        ? new Set(options.plan.entries.flatMap((entry) => (entry.action === 'extra' && entry.sid ? [entry.sid] : [])))
        : undefined;
    const work = (entry: PlanEntry) =>
      entry.action === 'create' ||
      entry.action === 'update' ||
      (entry.action === 'extra' && options.prune === true && (!shown || shown.has(entry.sid ?? ''))) ||
      (entry.action === 'unchanged' && codeOf(entry) !== undefined);
    // No prototype: an account named `toString` has not been stopped.
    const stopped: Record<string, string> = Object.create(null);
    const report = new Map<PlanEntry, ReportEntry>();
    const polling = { intervalMs: options.pollIntervalMs, maxWaitMs: options.maxWaitMs, signal };
    /** Every sender of an account that failed before its plan, `failed` with its account's error. */
    const failedAccount = (failure: AccountFailure): ReportEntry[] =>
      (sendersByAccount(fleet).get(failure.account) ?? []).map((sender) => ({
        account: failure.account,
        sender_id: sender.body.sender_id,
        index: sender.index,
        action: 'create',
        result: 'failed',
        error: failure.error,
        note: `the account failed (${failure.stage}, ${failure.secret})`,
      }));

    /** One account, held by this run, from its plan to its report entries. */
    const applyAccount = async (
      runtime: AccountRuntime,
      inDoubt: ReadonlyMap<string, CreateInDoubt>,
    ): Promise<ReportEntry[]> => {
      const name = runtime.account.name;
      // One wait is told once: the limiter's pause and the write's own wait end together.
      let toldUntil = 0;
      const waiting = (untilMs: number, why: string) => {
        if (untilMs <= toldUntil + fleetDefaults.sameWaitMs) return;
        toldUntil = untilMs;
        emit({ type: 'waiting', account: name, untilMs, why });
      };
      runtime.limiter.onPause = (untilMs) => {
        if (untilMs - Date.now() >= longWaitMs) waiting(untilMs, 'rate limited (429): Retry-After');
      };
      // Each account is read and written on its own: one account's rate limit never holds up another's plan.
      let plan: Omit<FleetPlan, 'failures'>;
      // An account the held plan could not read was shown as failed: it stays failed, never planned
      // and written behind the plan the caller saw (and agreed to).
      const failedInPlan = options.plan?.failures.find((failure) => failure.account === name);
      if (failedInPlan) {
        if (!failures.includes(failedInPlan)) failures.push(failedInPlan);
        return failedAccount(failedInPlan);
      }
      if (held) plan = held;
      else {
        try {
          plan = await planAccount(fleet, runtime, inDoubt);
        } catch (error) {
          const failure = accountFailure(runtime.account, 'read', error, options);
          failures.push(failure);
          emit({ type: 'failed', failure });
          return failedAccount(failure);
        }
      }
      const entries = plan.entries.filter((entry) => entry.account === name);
      await settleFound(journal, runtime, entries, inDoubt);
      emit({ type: 'planned', account: name, total: entries.filter(work).length });
      const context = (entry: PlanEntry): WriteContext => ({
        journal,
        runtime,
        senderId: entry.sender_id,
        signal,
        onDeferred: (untilMs) => emit({ type: 'deferred', account: name, sender_id: entry.sender_id, untilMs }),
        onWaiting: waiting,
      });

      /** Stops the account after its canary: no other sender of it is tried. */
      const stop = (why: string, error?: unknown) => {
        const reason = `stopped by the canary ${canaryEntry?.sender_id}: ${why}`;
        stopped[name] = reason;
        emit({ type: 'stopped', account: name, reason });
        const failure: AccountFailure = {
          account: name,
          secret: secretOf(runtime.account, options),
          stage: 'canary',
          path: `accounts.${name}`,
          error: { ...(error === undefined ? {} : errorRecord(error)), message: reason },
        };
        failures.push(failure);
        emit({ type: 'failed', failure });
      };
      const creates = entries.filter((entry) => entry.action === 'create');
      const canaryEntry = options.canary ? creates[0] : undefined;

      /** One sender, from its plan entry to its report entry. */
      const carryOut = async (entry: PlanEntry, canary = false): Promise<ReportEntry> => {
        const base: ReportEntry = {
          account: name,
          sender_id: entry.sender_id,
          ...(entry.index !== undefined ? { index: entry.index } : {}),
          action: entry.action,
          result: entry.action === 'extra' || entry.action === 'duplicate' ? entry.action : 'unchanged',
          ...(entry.sid ? { sid: entry.sid } : {}),
          ...(entry.status ? { status: entry.status } : {}),
          ...(entry.changes ? { changes: entry.changes } : {}),
        };
        if (!work(entry)) return base;
        if (stopped[name]) return { ...base, result: 'skipped', note: stopped[name] };
        if (signal?.aborted) return { ...base, result: 'skipped', note: interruptedNote(journal) };
        const wanted = entry.index !== undefined ? byIndex.get(entry.index)?.body : undefined;
        // A failure after the sender exists keeps what is known of it: its sid and its status.
        const failed = (result: { error: unknown; sender?: Sender | undefined }, from = base): ReportEntry => ({
          ...from,
          ...(result.sender ? { sid: result.sender.sid, status: result.sender.status } : {}),
          result: signal?.aborted && result.error === signal.reason ? 'skipped' : 'failed',
          error: errorRecord(result.error),
        });
        let sender: Sender | undefined;
        let done: ReportEntry = base;
        if (entry.action === 'extra' && entry.sid) {
          const result = await deleteSender(context(entry), entry.sid);
          return 'error' in result ? failed(result) : { ...base, result: 'deleted' };
        }
        if (entry.action === 'create' && wanted) {
          const result = await createSender(
            context(entry),
            wanted,
            entry.inDoubt,
            Object.hasOwn(plan.readAt, name) ? plan.readAt[name] : undefined,
          );
          if ('error' in result) {
            // A canary refused stops its account as an OFFLINE one does: the rest would be refused alike.
            if (canary) stop(`its create failed: ${errorRecord(result.error).message}`, result.error);
            return failed(result);
          }
          sender = result.sender;
          done = { ...base, result: 'created', sid: sender.sid, status: sender.status };
          if (result.adopted) {
            done.note =
              result.adopted === 'run'
                ? 'created by an earlier run, whose outcome was not known'
                : 'created by an earlier attempt of this run, whose answer was lost';
            const { changes, patch } = compareSender(wanted, sender);
            if (changes.length > 0) {
              const updated = await updateSender(context(entry), sender.sid, patch, wanted);
              if ('error' in updated) return failed(updated);
              sender = updated.sender;
              done = { ...done, changes, status: sender.status };
            }
          }
          if (canary) {
            const left = await poll(runtime, sender, moved, polling);
            if ('error' in left) return failed(left);
            sender = left.sender;
            done.status = sender.status;
            emit({ type: 'canary', account: name, sender_id: entry.sender_id, status: sender.status });
            const why = canaryVerdict(sender, left.timedOut === true);
            if (why) {
              stop(why);
              return { ...done, result: 'failed', error: { message: why } };
            }
          }
        } else if (entry.action === 'update' && entry.sid && entry.patch && wanted) {
          const result = await updateSender(context(entry), entry.sid, entry.patch, wanted);
          if ('error' in result) return failed(result);
          sender = result.sender;
          done = { ...base, result: 'updated', status: sender.status };
        }
        const code = codeOf(entry);
        if (code !== undefined && (sender ?? entry.sid)) {
          const verified = await verifySender(context(entry), sender ?? stub(entry), code, polling);
          if ('error' in verified) return failed(verified, done);
          done = { ...done, status: verified.sender.status, sid: verified.sender.sid };
          // `verified` only when a code was sent: a sender ready already took none.
          if (verified.verified && done.result === 'unchanged') done.result = 'verified';
          else if (!verified.verified && done.result === 'unchanged')
            done.note = `no code sent: it is ${verified.sender.status}, not waiting for one`;
        }
        return done;
      };

      const finish = (entry: PlanEntry, result: ReportEntry) => {
        report.set(entry, result);
        if (work(entry)) emit({ type: 'done', entry: result });
      };
      const canary = canaryEntry;
      if (canary) finish(canary, await carryOut(canary, true));
      // A pool of workers, not a promise per sender: 10,000 pending senders would each hold a context
      // for the whole run. More workers than the ceiling, so that senders awaiting a window or a code
      // do not hold up the rest; the limiter keeps the requests within the ceiling.
      const queue = entries.filter((entry) => entry !== canary);
      let next = 0;
      const worker = async () => {
        while (next < queue.length) {
          const entry = queue[next++] as PlanEntry;
          finish(entry, await carryOut(entry));
        }
      };
      await Promise.all(Array.from({ length: Math.min(queue.length, workersPerAccount) }, worker));
      await refresh(runtime, entries, report);
      return entries.map((entry) => report.get(entry) as ReportEntry);
    };

    /** Every sender of an account not worked: the run ended before its turn. */
    const notReached = (runtime: AccountRuntime): ReportEntry[] =>
      (sendersByAccount(fleet).get(runtime.account.name) ?? []).map((sender) => ({
        account: runtime.account.name,
        sender_id: sender.body.sender_id,
        index: sender.index,
        action: 'create',
        result: 'skipped',
        note: interruptedNote(journal),
      }));
    // The accounts that failed before any was worked (those that fail while worked report their own).
    const failedFirst = failures.slice();
    const results = new Map<AccountRuntime, ReportEntry[]>();
    /** Waits for every worker, the first to fail halting the rest: none is left running after the run. */
    const settle = async (workers: Promise<void>[]) => {
      for (const worker of workers) worker.catch((error: unknown) => halt.abort(error));
      await Promise.allSettled(workers);
    };
    const accounts = [...runtimes.values()];
    const slots = Math.min(accounts.length, accountsAtOnce ?? (shared ? sharedAccountsAtOnce : accounts.length));
    if (!shared) {
      const queue = accounts.slice();
      const worker = async () => {
        for (let runtime = queue.shift(); runtime; runtime = queue.shift())
          results.set(runtime, await applyAccount(runtime, journal.createsInDoubt));
      };
      await settle(Array.from({ length: slots }, worker));
    } else {
      // Free accounts first; those another run holds are waited for at the end, so that runs sharing
      // the store share the fleet instead of queueing behind each other.
      const hold = journal.tryHoldAccount?.bind(journal) as NonNullable<JournalStore['tryHoldAccount']>;
      const queue = accounts.slice();
      const heldElsewhere: AccountRuntime[] = [];
      const work = async (runtime: AccountRuntime, held: AccountHold) => {
        try {
          results.set(runtime, await applyAccount(runtime, held.createsInDoubt));
        } finally {
          await held.release();
        }
      };
      const worker = async () => {
        for (let runtime = queue.shift(); runtime; runtime = queue.shift()) {
          if (signal?.aborted) break;
          const held = await hold(runtime.account.accountSid);
          if (held) await work(runtime, held);
          else heldElsewhere.push(runtime);
        }
        for (let runtime = heldElsewhere.shift(); runtime; runtime = heldElsewhere.shift()) {
          const held = await waitForHold(hold, runtime.account.accountSid, signal);
          if (held) await work(runtime, held);
        }
      };
      await settle(Array.from({ length: slots }, worker));
    }
    if (journal.lost?.aborted) throw journal.lost.reason;
    if (halt.signal.aborted) throw halt.signal.reason;
    const perAccount = [
      ...failedFirst.map((failure) => failedAccount(failure)),
      ...accounts.map((runtime) => results.get(runtime) ?? notReached(runtime)),
    ];
    const order = (entry: ReportEntry) => entry.index ?? Number.MAX_SAFE_INTEGER;
    const entries = perAccount.flat().sort((a, b) => order(a) - order(b));
    // Only senders of the file: an extra one is not the fleet's to look after, and a deleted one is gone.
    const ours = entries.filter((entry) => entry.index !== undefined && entry.result !== 'deleted');
    const kindOf = (entry: ReportEntry) => statusKind(entry.status);
    return {
      entries,
      awaitingCode: ours.filter((entry) => kindOf(entry) === 'awaiting-code'),
      attention: ours.filter((entry) => kindOf(entry) === 'failed' || kindOf(entry) === 'action-needed'),
      stopped,
      failures: inFileOrder(fleet, failures),
      ok: failures.length === 0 && entries.every((entry) => entry.result !== 'failed' && entry.result !== 'skipped'),
    };
  } finally {
    for (const runtime of runtimes.values()) runtime.close();
    if (journal !== given) await journal.close();
  }
}

/** Why a sender was not tried: the run was interrupted, or its store lost. */
const interruptedNote = (journal: JournalStore) =>
  journal.lost?.aborted ? 'the journal was lost: no write was sent after it' : 'the run was interrupted';

/**
 * Waits until `hold` takes the account (another run is working it), through the one poller on `fleetDefaults.holdWait` (cheap
 * queries; 20 calls for one account took 8.5 s polled up to 2 s, 3.2 s up to 250 ms);
 * undefined when the run ends first.
 */
async function waitForHold(
  hold: NonNullable<JournalStore['tryHoldAccount']>,
  accountSid: string,
  signal: AbortSignal | undefined,
): Promise<AccountHold | undefined> {
  if (signal?.aborted) return undefined;
  const schedule = { ...fleetDefaults.holdWait, maxWaitMs: Number.POSITIVE_INFINITY, signal };
  try {
    return (
      await pollUntil(
        () => hold(accountSid),
        (held) => held !== undefined,
        schedule,
      )
    ).last;
  } catch (error) {
    if (signal?.aborted) return undefined;
    throw error;
  }
}

/**
 * Ends the creates in doubt whose sender the plan found (`found`): the doubt is settled, and a
 * store that keeps one doubt per sender (PostgreSQL) keeps none that is stale.
 */
async function settleFound(
  journal: JournalStore,
  runtime: AccountRuntime,
  entries: readonly PlanEntry[],
  inDoubt: ReadonlyMap<string, CreateInDoubt>,
): Promise<void> {
  if (inDoubt.size === 0) return;
  const { accountSid } = runtime.account;
  for (const entry of entries) {
    if (entry.index === undefined || !entry.sid) continue;
    const doubt = inDoubt.get(senderKey(accountSid, entry.sender_id));
    if (!doubt) continue;
    await journal.write({
      type: 'outcome',
      run: doubt.run,
      seq: doubt.seq,
      op: 'create',
      accountSid,
      sender_id: entry.sender_id,
      result: 'found',
      sid: entry.sid,
      ...(entry.status ? { status: entry.status } : {}),
      at: Date.now(),
    });
  }
}

/** Whether a sender has left the statuses that move on by themselves (kind `working`). */
const moved = (sender: Sender) => statusKind(sender.status) !== 'working';

/** Why a canary that has moved on stops its account, or undefined when the rest may go. */
function canaryVerdict(sender: Sender, timedOut: boolean): string | undefined {
  if (timedOut) return `still ${sender.status} when the wait ended`;
  const kind = statusKind(sender.status);
  if (kind === 'failed') {
    const reasons = (sender.offline_reasons ?? [])
      .flatMap((reason) => (reason ? [`${reason.code}: ${reason.message}`] : []))
      .join('; ');
    return `${sender.status} (${reasons || 'no reason given'})`;
  }
  if (kind === 'action-needed') return `${sender.status}: it will not move on until someone acts`;
  // Meta's review of the display name (shared/senders-api.md, "The Sender as returned").
  const review = (sender as { pending_display_name_status?: unknown }).pending_display_name_status;
  if (review === 'DECLINED') return `its display name ${JSON.stringify(sender.profile?.name ?? '')} was DECLINED`;
  return undefined;
}

/** Waits until the sender awaits its code, submits the code, and waits until it is ready. */
async function verifySender(
  context: WriteContext,
  sender: Sender,
  code: string,
  polling: Parameters<typeof poll>[3],
): Promise<Extract<WriteResult, { error: unknown }> | { sender: Sender; verified: boolean }> {
  const { runtime } = context;
  const ready = await poll(runtime, sender, moved, polling);
  if ('error' in ready) return { sender, ...ready };
  const kind = statusKind(ready.sender.status);
  // Ready already (a code given again), or still working at the deadline: no code is sent, and the
  // report shows its status.
  if (kind !== 'awaiting-code') {
    if (!endsWait(kind)) return { sender: ready.sender, verified: false };
    return { sender: ready.sender, error: new Error(`the sender is ${ready.sender.status}, not awaiting its code`) };
  }
  const body = { configuration: { verification_code: code } };
  const sent = await updateSender(context, ready.sender.sid, body, { sender_id: context.senderId }, 'verify');
  // A code refused leaves the sender as it was: waiting for its code.
  if ('error' in sent) return { sender: ready.sender, ...sent };
  // The update's own answer is not the verdict: the sender is read again before it counts.
  const online = await poll(runtime, sent.sender, (s) => s !== sent.sender && moved(s), polling);
  if ('error' in online) return { sender: sent.sender, ...online };
  if (statusKind(online.sender.status) !== 'ready') {
    const why = online.timedOut ? `still ${online.sender.status} when the wait ended` : online.sender.status;
    return { sender: online.sender, error: new Error(`the code was submitted; the sender is ${why}`) };
  }
  return { sender: online.sender, verified: true };
}

/** A sender known only by its plan entry, for a first read: without a status it counts as `working`. */
const stub = (entry: PlanEntry) => ({ sid: entry.sid, sender_id: entry.sender_id, status: entry.status }) as Sender;

/** Reads the account once more when some sender was left `working`, for the report. */
async function refresh(
  runtime: Pick<AccountRuntime, 'walk'>,
  entries: PlanEntry[],
  report: Map<PlanEntry, ReportEntry>,
): Promise<void> {
  const passing = new Map<string, ReportEntry>();
  for (const entry of entries) {
    const result = report.get(entry);
    const changed = result?.result === 'created' || result?.result === 'updated';
    if (result?.sid && changed && statusKind(result.status) === 'working') passing.set(result.sid, result);
  }
  if (passing.size === 0) return;
  await runtime
    .walk((sender) => {
      const result = passing.get(sender.sid);
      if (result) result.status = sender.status;
    })
    .catch(() => undefined); // the statuses already known stand
}
