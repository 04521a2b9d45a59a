// The report of a fleet run: what became of each sender, and of each account, in the file's order.

import { statusKind } from '../statuses.js';
import type { SenderStatus } from '../types.js';
import type { AccountFailure } from './accounts.js';
import { type Fleet, sendersByAccount } from './file.js';
import type { JournalStore } from './journal.js';
import { inFileOrder, type PlanAction } from './plan.js';
import type { ErrorRecord } from './records.js';

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

/** Why a sender was not tried: the run was interrupted, or its store lost. */
export const interruptedNote = (journal: JournalStore) =>
  journal.lost?.aborted ? 'the journal was lost: no write was sent after it' : 'the run was interrupted';

/** Every sender of the file in `account`, as one `result`, for an account that was never worked. */
export function wholeAccount(
  fleet: Fleet,
  account: string,
  result: Pick<ReportEntry, 'result' | 'error' | 'note'>,
): ReportEntry[] {
  return (sendersByAccount(fleet).get(account) ?? []).map((sender) => ({
    account,
    sender_id: sender.body.sender_id,
    index: sender.index,
    action: 'create',
    ...result,
  }));
}

/** Every sender of an account that failed before its plan, `failed` with its account's error. */
export const failedAccount = (fleet: Fleet, failure: AccountFailure): ReportEntry[] =>
  wholeAccount(fleet, failure.account, {
    result: 'failed',
    error: failure.error,
    note: `the account failed (${failure.stage}, ${failure.secret})`,
  });

/** The report of a run, from each account's entries. */
export function summarize(
  fleet: Fleet,
  perAccount: ReportEntry[][],
  stopped: Record<string, string>,
  failures: AccountFailure[],
): FleetReport {
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
}
