// One sender with the fleet's guarantees, for a service that registers one customer at a time:
// found by sender_id, created only if absent, updated where it differs, and never created twice
// across a crash, through the same journal rule as apply. It is a fleet of one: one rule, one place.
import { SendersError, ValidationError } from '../errors.js';
import type { SenderCreate, SenderStatus } from '../types.js';
import { validateRequest } from '../validate.js';
import type { AccountCredentials, AccountFailure, ConnectOptions } from './accounts.js';
import { type ApplyOptions, applyFleet } from './apply.js';
import type { Fleet, FleetAccount } from './file.js';
import type { JournalStore } from './journal.js';
import type { ErrorRecord } from './records.js';

/** Options of ensureSender. */
export interface EnsureSenderOptions extends Omit<ConnectOptions, 'env' | 'credentials' | 'concurrency'> {
  /** The sender wanted: the create body, matched to the account's senders by its `sender_id`. */
  sender: SenderCreate;
  /** The account it belongs in, `AC` and 32 hex digits. */
  accountSid: string;
  /** The account's secret: its Auth Token, or an API key of it with its secret; never logged nor reported. */
  credentials: AccountCredentials;
  /**
   * The journal: a file's path, or a store (`openJournal`, `openPostgresJournal`, or one of your
   * own). A file is held for the call: another call on it meanwhile is refused with a
   * JournalBusyError. A shared store (PostgreSQL) holds the account for the call: another call for
   * the same account, in this process or another, waits for it, then finds the sender.
   */
  journal: string | JournalStore;
  /** Ends the call: a create in flight is journalled, and the next call looks it up. */
  signal?: AbortSignal;
  /** The first wait between reads of a sender awaited. @default defaults.poll.intervalMs */
  pollIntervalMs?: number;
}

/** What ensureSender did. */
export interface EnsureSenderResult {
  /** `created` (an earlier call's create that landed counts, with a `note`), `updated` with its `changes`, or `unchanged`. */
  result: 'created' | 'updated' | 'unchanged';
  sid: string;
  status: SenderStatus;
  changes?: string[];
  note?: string;
}

/** ensureSender failed: `error` is what the service (or the credentials) said, `stage` where. */
export class EnsureSenderError extends SendersError {
  static override readonly kind: string = 'EnsureSenderError';
  constructor(
    message: string,
    readonly error: ErrorRecord,
    readonly stage: AccountFailure['stage'] | 'write',
  ) {
    super(message);
  }
}

const accountSidPattern = /^AC[0-9a-fA-F]{32}$/;

/**
 * Makes the account hold `sender`: finds it by `sender_id`, creates it only if absent, updates
 * the fields that differ, and never creates it twice, even across a crash: a create whose outcome
 * was not learned is looked up (once its per-attempt timeout has passed) before it is sent again.
 * Rejects with a ValidationError before any request for a bad body, an EnsureSenderError when the
 * account or the write failed, a JournalBusyError when another call holds the journal.
 * @example
 * const { sid, status } = await ensureSender({
 *   sender: { sender_id: 'whatsapp:+15017122661', profile: { name: 'Acme' } },
 *   accountSid: customer.accountSid,
 *   credentials: { authToken: await secrets.get(customer.accountSid) },
 *   journal: '/var/lib/onboarding/senders.journal.jsonl',
 * });
 */
export async function ensureSender(options: EnsureSenderOptions): Promise<EnsureSenderResult> {
  const { sender, accountSid, credentials, journal, ...rest } = options;
  if (typeof accountSid !== 'string' || !accountSidPattern.test(accountSid))
    throw new ValidationError([{ path: '$.accountSid', message: 'must be an Account SID: AC and 32 hex digits' }]);
  validateRequest('createSender', { body: sender });
  const apiKey = 'apiKey' in credentials ? credentials.apiKey : undefined;
  const account: FleetAccount = { name: accountSid, accountSid, ...(apiKey ? { apiKey } : {}) };
  const fleet: Fleet = {
    accounts: new Map([[accountSid, account]]),
    senders: [{ index: 0, account: accountSid, body: sender }],
  };
  const settings: ApplyOptions = { ...rest, journal, credentials: () => credentials };
  const report = await applyFleet(fleet, settings);
  const [failure] = report.failures;
  if (failure)
    throw new EnsureSenderError(`${sender.sender_id}: ${failure.error.message}`, failure.error, failure.stage);
  const entry = report.entries.find((e) => e.index === 0);
  if (!entry || entry.result === 'failed' || entry.result === 'skipped' || !entry.sid || !entry.status) {
    const error = entry?.error ?? { message: entry?.note ?? 'not carried out' };
    throw new EnsureSenderError(`${sender.sender_id}: ${error.message}`, error, 'write');
  }
  const result = entry.result === 'created' || entry.result === 'updated' ? entry.result : 'unchanged';
  return {
    result,
    sid: entry.sid,
    status: entry.status,
    ...(entry.changes ? { changes: entry.changes } : {}),
    ...(entry.note ? { note: entry.note } : {}),
  };
}
