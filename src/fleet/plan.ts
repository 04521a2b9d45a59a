// The plan: each account read with iterate(), and each sender of the file matched to it by
// sender_id. The journal, when there is one, only marks the creates an earlier run left in doubt:
// the account's actual state is always what decides. An account that cannot be read is a failure
// of its own; the others are planned in full.
import type { SenderStatus, SenderUpdate } from '../types.js';
import {
  type AccountFailure,
  type AccountRuntime,
  accountFailure,
  type ConnectOptions,
  connectAccounts,
} from './accounts.js';
import { compareSender } from './compare.js';
import { type Fleet, sendersByAccount } from './file.js';
import { type CreateInDoubt, type JournalStore, readCreatesInDoubt, senderKey } from './journal.js';
import { refuseUrl } from './postgres-url.js';

/**
 * What a sender needs. `duplicate`: a second sender of the account with a `sender_id` the file
 * wants (made elsewhere); it is reported, never deleted nor changed.
 */
export type PlanAction = 'create' | 'update' | 'unchanged' | 'extra' | 'duplicate';

/** One sender of the plan. */
export interface PlanEntry {
  action: PlanAction;
  account: string;
  sender_id: string;
  /** Its index in the file's `senders`; none for an `extra` or a `duplicate`. */
  index?: number;
  /** The sender's sid and status, when it exists. */
  sid?: string;
  status?: SenderStatus;
  /** With `update`: the fields that differ, as `profile.name`, `webhook.callback_url`, `friendly_name`. */
  changes?: string[];
  /** With `update`: the body that makes them agree. */
  patch?: SenderUpdate;
  /** With `create`: an earlier run sent this create without learning its outcome; it is looked up first. */
  inDoubt?: CreateInDoubt;
  /** With `duplicate`: the sid of the account's first sender with this sender_id, the one matched to the file. */
  duplicateOf?: string;
}

/**
 * The plan of a fleet.
 * @example
 * const plan = await planFleet(fleet, connect);
 * for (const failure of plan.failures) console.error(failure.account, failure.secret, failure.error.message);
 */
export interface FleetPlan {
  /** Every sender of the accounts planned: file order, then the extras and duplicates. */
  entries: PlanEntry[];
  /** When each account's senders were read, in ms since the epoch. */
  readAt: Record<string, number>;
  /** The accounts that could not be planned (credentials not set or refused, reads failed), each with why; their senders have no entry. */
  failures: AccountFailure[];
}

/** Options of planFleet. */
export interface PlanOptions extends ConnectOptions {
  /**
   * The journal whose creates in doubt are marked: a path, read without its lock (a plan to show),
   * or a store held (`openJournal`), so that applyFleet given the same store carries out this plan.
   */
  journal?: string | JournalStore;
}

/** The store each plan was made under; applyFleet carries out a plan only under the store it was made under. */
const madeUnder = new WeakMap<FleetPlan, JournalStore>();

/** The journal store that was held when `plan` was made, if one was. */
export const heldWhenMade = (plan: FleetPlan): JournalStore | undefined => madeUnder.get(plan);

/**
 * Reads every account of the fleet, at once, and matches it to the file. Resolves even when
 * accounts fail: each is in `failures`, with the variable or key of its secret and the error.
 */
export async function planFleet(fleet: Fleet, options: PlanOptions = {}): Promise<FleetPlan> {
  const { journal } = options;
  refuseUrl(journal);
  const inDoubt =
    typeof journal === 'string'
      ? await readCreatesInDoubt(journal)
      : (journal?.createsInDoubt ?? new Map<string, CreateInDoubt>());
  const { runtimes, failures } = await connectAccounts(fleet, options);
  try {
    const plans = await Promise.all(
      [...runtimes.values()].map((runtime) =>
        planAccount(fleet, runtime, inDoubt).catch((error: unknown) => {
          failures.push(accountFailure(runtime.account, 'read', error, options));
          return undefined;
        }),
      ),
    );
    const done = plans.filter((plan) => plan !== undefined);
    const entries = done.flatMap((plan) => plan.entries);
    // File order, then the extras.
    const order = (entry: PlanEntry) => entry.index ?? Number.MAX_SAFE_INTEGER;
    entries.sort((a, b) => order(a) - order(b));
    // Own properties, whatever the account's name (`__proto__` included): no Object.assign.
    const readAt = Object.fromEntries(done.flatMap((plan) => Object.entries(plan.readAt)));
    const plan: FleetPlan = { entries, readAt, failures: inFileOrder(fleet, failures) };
    if (typeof journal === 'object') madeUnder.set(plan, journal);
    return plan;
  } finally {
    for (const runtime of runtimes.values()) runtime.close();
  }
}

/** Failures in the order of the file's accounts, whatever order they happened in. */
export function inFileOrder(fleet: Fleet, failures: AccountFailure[]): AccountFailure[] {
  const names = [...fleet.accounts.keys()];
  return failures.sort((a, b) => names.indexOf(a.account) - names.indexOf(b.account));
}

/** The plan of one account: its senders read with iterate(), matched to the file's by sender_id. */
export async function planAccount(
  fleet: Fleet,
  runtime: AccountRuntime,
  inDoubt: ReadonlyMap<string, CreateInDoubt>,
): Promise<Omit<FleetPlan, 'failures'>> {
  const name = runtime.account.name;
  const wanted = new Map((sendersByAccount(fleet).get(name) ?? []).map((s) => [s.body.sender_id, s]));
  const entries: PlanEntry[] = [];
  // sender_id → the sid matched to the file; every sid seen, since offset paging repeats an entry
  // when senders are added meanwhile: a sid seen twice is one sender.
  const matched = new Map<string, string>();
  const seen = new Set<string>();
  const readAt = Date.now();
  await runtime.walk((sender) => {
    if (seen.has(sender.sid)) return;
    seen.add(sender.sid);
    const want = wanted.get(sender.sender_id);
    const base = { account: name, sender_id: sender.sender_id, sid: sender.sid, status: sender.status };
    if (!want) return void entries.push({ action: 'extra', ...base });
    // A second sender with a sender_id the file wants: which is the one meant is not ours to say.
    const first = matched.get(sender.sender_id);
    if (first !== undefined) return void entries.push({ action: 'duplicate', ...base, duplicateOf: first });
    matched.set(sender.sender_id, sender.sid);
    const { changes, patch } = compareSender(want.body, sender);
    entries.push(
      changes.length > 0
        ? { action: 'update', index: want.index, ...base, changes, patch }
        : { action: 'unchanged', index: want.index, ...base },
    );
  });
  for (const [senderId, want] of wanted) {
    if (matched.has(senderId)) continue;
    const doubt = inDoubt.get(senderKey(runtime.account.accountSid, senderId));
    entries.push({
      action: 'create',
      account: name,
      sender_id: senderId,
      index: want.index,
      ...(doubt ? { inDoubt: doubt } : {}),
    });
  }
  const order = (entry: PlanEntry) => entry.index ?? Number.MAX_SAFE_INTEGER;
  entries.sort((a, b) => order(a) - order(b));
  return { entries, readAt: Object.fromEntries([[name, readAt]]) };
}
