// What one fleet run shares between its accounts: the journal, the signal that ends it, the
// options, and what it has found so far (the failures, the accounts a canary stopped).

import type { PollSchedule } from '../poller.js';
import type { SenderCreate } from '../types.js';
import type { AccountFailure } from './accounts.js';
import type { ApplyOptions } from './apply.js';
import type { Fleet, FleetSender } from './file.js';
import type { JournalStore } from './journal.js';
import { type FleetPlan, heldWhenMade, type PlanEntry } from './plan.js';
import type { FleetEvent } from './report.js';

export interface Run {
  readonly fleet: Fleet;
  readonly journal: JournalStore;
  readonly options: ApplyOptions;
  readonly emit: (event: FleetEvent) => void;
  /** Ends the run: the caller's signal, the store lost, or an account that failed outright (`halt`). */
  readonly signal: AbortSignal;
  /** Whether the store is shared between runs (PostgreSQL): each account is held while it is worked. */
  readonly shared: boolean;
  /** The failures so far: an account that fails while it is worked adds its own. */
  readonly failures: AccountFailure[];
  /** The accounts a canary stopped, and why. */
  readonly stopped: Record<string, string>;
  /** The plan carried out as it is (made under this hold of the store), or undefined: each account is planned again. */
  readonly held: FleetPlan | undefined;
  /** How a sender is awaited. */
  readonly polling: PollSchedule;
  /** The sender the file wants for an entry (none for an extra one). */
  wanted(entry: PlanEntry): SenderCreate | undefined;
  /** The one-time password given for an entry. */
  codeOf(entry: PlanEntry): string | undefined;
  /** Whether an entry needs any request. */
  work(entry: PlanEntry): boolean;
}

/** The state of a run on `journal`, held; `halt` ends it when an account fails outright. */
export function startRun(
  fleet: Fleet,
  options: ApplyOptions,
  journal: JournalStore,
  failures: AccountFailure[],
  halt: AbortSignal,
): Run {
  // A shared store that loses its connection ends the run as an interrupt does: no write starts after it.
  const signals = [options.signal, journal.lost, halt].filter((s): s is AbortSignal => s !== undefined);
  const signal = AbortSignal.any(signals);
  const shared = typeof journal.tryHoldAccount === 'function';
  const byIndex = new Map<number, FleetSender>(fleet.senders.map((sender) => [sender.index, sender]));
  const codeOf = (entry: PlanEntry) =>
    options.codes?.get(`${entry.account}/${entry.sender_id}`) ?? options.codes?.get(entry.sender_id);
  // A plan made before this hold is planned again; of its extras, only those it showed are deleted.
  // A shared store is held account by account, after any plan: each is planned again.
  const held = options.plan && !shared && heldWhenMade(options.plan) === journal ? options.plan : undefined;
  const shown =
    options.plan && !held
      ? new Set(options.plan.entries.flatMap((entry) => (entry.action === 'extra' && entry.sid ? [entry.sid] : [])))
      : undefined;
  return {
    fleet,
    journal,
    options,
    emit: options.onEvent ?? (() => {}),
    signal,
    shared,
    failures,
    // No prototype: an account named `toString` has not been stopped.
    stopped: Object.create(null),
    held,
    polling: { intervalMs: options.pollIntervalMs, maxWaitMs: options.maxWaitMs, signal },
    wanted: (entry) => (entry.index !== undefined ? byIndex.get(entry.index)?.body : undefined),
    codeOf,
    work: (entry) =>
      entry.action === 'create' ||
      entry.action === 'update' ||
      (entry.action === 'extra' && options.prune === true && (!shown || shown.has(entry.sid ?? ''))) ||
      (entry.action === 'unchanged' && codeOf(entry) !== undefined),
  };
}
