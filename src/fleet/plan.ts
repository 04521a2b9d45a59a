// The plan: each account read with iterate(), and each sender of the file matched to it by
// sender_id. The journal, when there is one, only marks the creates an earlier run left in doubt:
// the account's actual state is always what decides.
import type { SenderStatus, SenderUpdate } from '../types.js';
import { type AccountRuntime, type ConnectOptions, connectAccounts } from './accounts.js';
import { compareSender } from './compare.js';
import type { Fleet } from './file.js';
import { type CreateInDoubt, readCreatesInDoubt, senderKey } from './journal.js';

/** What a sender needs. */
export type PlanAction = 'create' | 'update' | 'unchanged' | 'extra';

/** One sender of the plan. */
export interface PlanEntry {
  action: PlanAction;
  account: string;
  sender_id: string;
  /** Its index in the file's `senders`; none for an `extra`. */
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
}

/** The plan of a fleet. */
export interface FleetPlan {
  entries: PlanEntry[];
  /** When each account's senders were read, in ms since the epoch. */
  readAt: Record<string, number>;
}

/** Options of planFleet. */
export interface PlanOptions extends ConnectOptions {
  /** A journal to read for creates in doubt (history only). */
  journal?: string;
  /** Accounts already connected (applyFleet passes its own). */
  runtimes?: Map<string, AccountRuntime>;
}

/** Reads every account of the fleet, at once, and matches it to the file. */
export async function planFleet(fleet: Fleet, options: PlanOptions = {}): Promise<FleetPlan> {
  const runtimes = options.runtimes ?? connectAccounts(fleet, options);
  const inDoubt = options.journal ? await readCreatesInDoubt(options.journal) : new Map<string, CreateInDoubt>();
  try {
    const plans = await Promise.all([...runtimes.values()].map((runtime) => planAccount(fleet, runtime, inDoubt)));
    const entries = plans.flatMap((plan) => plan.entries);
    // File order, then the extras.
    const order = (entry: PlanEntry) => entry.index ?? Number.MAX_SAFE_INTEGER;
    entries.sort((a, b) => order(a) - order(b));
    // Own properties, whatever the account's name (`__proto__` included): no Object.assign.
    return { entries, readAt: Object.fromEntries(plans.flatMap((plan) => Object.entries(plan.readAt))) };
  } finally {
    if (!options.runtimes) for (const runtime of runtimes.values()) runtime.close();
  }
}

/** The plan of one account: its senders read with iterate(), matched to the file's by sender_id. */
export async function planAccount(
  fleet: Fleet,
  runtime: AccountRuntime,
  inDoubt: ReadonlyMap<string, CreateInDoubt>,
): Promise<FleetPlan> {
  const name = runtime.account.name;
  const wanted = new Map(fleet.senders.filter((s) => s.account === name).map((s) => [s.body.sender_id, s]));
  const entries: PlanEntry[] = [];
  const seen = new Set<string>();
  const readAt = Date.now();
  await runtime.walk((sender) => {
    const want = wanted.get(sender.sender_id);
    const base = { account: name, sender_id: sender.sender_id, sid: sender.sid, status: sender.status };
    // A second sender with the same sender_id (a duplicate made elsewhere) is an extra.
    if (!want || seen.has(sender.sender_id)) return void entries.push({ action: 'extra', ...base });
    seen.add(sender.sender_id);
    const { changes, patch } = compareSender(want.body, sender);
    entries.push(
      changes.length > 0
        ? { action: 'update', index: want.index, ...base, changes, patch }
        : { action: 'unchanged', index: want.index, ...base },
    );
  });
  for (const [senderId, want] of wanted) {
    if (seen.has(senderId)) continue;
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
