// applyFleet: carries a plan out, every account at once, each within its own concurrency, with
// the canary, the one-time passwords, the journal, and a report of every sender.
import { dirname, join } from 'node:path';
import { fleetDefaults } from '../defaults.js';
import { poll as pollUntil } from '../poller.js';
import { type AccountRuntime, type ConnectOptions, connectAccounts } from './accounts.js';
import { applyAccount } from './apply-account.js';
import type { Fleet } from './file.js';
import { type AccountHold, type JournalStore, openJournal } from './journal.js';
import type { FleetPlan } from './plan.js';
import { refuseUrl } from './postgres-url.js';
import {
  type FleetEvent,
  type FleetReport,
  failedAccount,
  interruptedNote,
  type ReportEntry,
  summarize,
  wholeAccount,
} from './report.js';
import { type Run, startRun } from './run.js';

export type { FleetEvent, FleetReport, ReportEntry } from './report.js';

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
  /** The first wait between reads of a sender awaited. @default defaults.poll.intervalMs */
  pollIntervalMs?: number;
  /** How long a canary, or a sender given a code, is awaited. @default defaults.poll.maxWaitMs */
  maxWaitMs?: number;
  /**
   * How many accounts are worked at once. With a shared store (PostgreSQL), each holds a connection
   * and its account's lock while it is worked; the accounts another run holds are worked last.
   * @default every account for a file journal; `fleetDefaults.sharedAccountsAtOnce` for a shared store
   */
  accountsAtOnce?: number;
}

/** How many accounts a run works at once on a shared store, unless told (`accountsAtOnce`). */
export const sharedAccountsAtOnce: number = fleetDefaults.sharedAccountsAtOnce;

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
  const path = journalOf(fleet, options);
  // The journal first: the creates in doubt are read once it is held, and the plan made after.
  const journal: JournalStore = typeof given === 'object' ? given : await openJournal(path as string);
  const { runtimes, failures } = await connectAccounts(fleet, options).catch(async (error: unknown) => {
    if (journal !== given) await journal.close();
    throw error;
  });
  try {
    // An account that fails outright (its journal cannot be written) halts the others.
    const halt = new AbortController();
    const run = startRun(fleet, options, journal, failures, halt.signal);
    for (const failure of failures) run.emit({ type: 'failed', failure });
    // The accounts that failed before any was worked (those that fail while worked report their own).
    const failedFirst = failures.slice();
    const accounts = [...runtimes.values()];
    const slots = Math.min(
      accounts.length,
      options.accountsAtOnce ?? (run.shared ? sharedAccountsAtOnce : accounts.length),
    );
    const results = new Map<AccountRuntime, ReportEntry[]>();
    const work = (run.shared ? sharedWorker : worker)(run, accounts.slice(), results);
    // The first worker to fail halts the rest; the run waits for every one: none is left running after it.
    const workers = Array.from({ length: slots }, work);
    for (const running of workers) running.catch((error: unknown) => halt.abort(error));
    await Promise.allSettled(workers);
    if (journal.lost?.aborted) throw journal.lost.reason;
    if (halt.signal.aborted) throw halt.signal.reason;
    const notReached = (runtime: AccountRuntime) =>
      wholeAccount(fleet, runtime.account.name, { result: 'skipped', note: interruptedNote(journal) });
    const perAccount = [
      ...failedFirst.map((failure) => failedAccount(fleet, failure)),
      ...accounts.map((runtime) => results.get(runtime) ?? notReached(runtime)),
    ];
    return summarize(fleet, perAccount, run.stopped, failures);
  } finally {
    for (const runtime of runtimes.values()) runtime.close();
    if (journal !== given) await journal.close();
  }
}

/** The journal's path (undefined for a store given), or a TypeError for options that cannot run. */
function journalOf(fleet: Fleet, options: ApplyOptions): string | undefined {
  const given = options.journal;
  refuseUrl(given);
  const path = typeof given === 'string' ? given : fleet.path ? journalPathOf(fleet.path) : undefined;
  if (given === undefined && !path)
    throw new TypeError('applyFleet needs options.journal for a fleet that has no path');
  const { accountsAtOnce } = options;
  if (accountsAtOnce !== undefined && !(Number.isInteger(accountsAtOnce) && accountsAtOnce >= 1))
    throw new TypeError('accountsAtOnce must be a whole number of 1 or more');
  return path;
}

/** A worker of a file journal's accounts, which the run holds all of: it takes the next one in `queue`. */
function worker(run: Run, queue: AccountRuntime[], results: Map<AccountRuntime, ReportEntry[]>) {
  return async () => {
    for (let runtime = queue.shift(); runtime; runtime = queue.shift())
      results.set(runtime, await applyAccount(run, runtime, run.journal.createsInDoubt));
  };
}

/**
 * A worker of a shared store's accounts, each held while it is worked. Free accounts first; those
 * another run holds are waited for at the end, so that runs sharing the store share the fleet
 * instead of queueing behind each other.
 */
function sharedWorker(run: Run, queue: AccountRuntime[], results: Map<AccountRuntime, ReportEntry[]>) {
  const hold = run.journal.tryHoldAccount?.bind(run.journal) as NonNullable<JournalStore['tryHoldAccount']>;
  const work = async (runtime: AccountRuntime, held: AccountHold) => {
    try {
      results.set(runtime, await applyAccount(run, runtime, held.createsInDoubt));
    } finally {
      await held.release();
    }
  };
  const heldElsewhere: AccountRuntime[] = [];
  return async () => {
    for (let runtime = queue.shift(); runtime; runtime = queue.shift()) {
      if (run.signal.aborted) break;
      const held = await hold(runtime.account.accountSid);
      if (held) await work(runtime, held);
      else heldElsewhere.push(runtime);
    }
    for (let runtime = heldElsewhere.shift(); runtime; runtime = heldElsewhere.shift()) {
      const held = await waitForHold(hold, runtime.account.accountSid, run.signal);
      if (held) await work(runtime, held);
    }
  };
}

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
