// One account of a fleet run, held by it: planned (again, unless the plan was made under this
// hold), its creates in doubt settled, its canary first, then its senders by a pool of workers.
import { fleetDefaults } from '../defaults.js';
import { statusKind } from '../statuses.js';
import { type AccountFailure, type AccountRuntime, accountFailure, secretOf } from './accounts.js';
import { type AccountScope, carryOut } from './carry-out.js';
import { type CreateInDoubt, type JournalStore, senderKey } from './journal.js';
import { type FleetPlan, type PlanEntry, planAccount } from './plan.js';
import { failedAccount, type ReportEntry } from './report.js';
import type { Run } from './run.js';
import { errorRecord, longWaitMs } from './writes.js';

/** One account, held by this run, from its plan to its report entries. */
export async function applyAccount(
  run: Run,
  runtime: AccountRuntime,
  inDoubt: ReadonlyMap<string, CreateInDoubt>,
): Promise<ReportEntry[]> {
  const name = runtime.account.name;
  const waiting = tellWaits(run, name);
  runtime.limiter.onPause = (untilMs) => {
    if (untilMs - Date.now() >= longWaitMs) waiting(untilMs, 'rate limited (429): Retry-After');
  };
  const plan = await planOf(run, runtime, inDoubt);
  if ('failed' in plan) return plan.failed;
  const entries = plan.entries.filter((entry) => entry.account === name);
  await settleFound(run.journal, runtime, entries, inDoubt);
  run.emit({ type: 'planned', account: name, total: entries.filter(run.work).length });
  const canary = run.options.canary ? entries.find((entry) => entry.action === 'create') : undefined;
  const scope: AccountScope = {
    run,
    runtime,
    name,
    plan,
    context: (entry) => ({
      journal: run.journal,
      runtime,
      senderId: entry.sender_id,
      signal: run.signal,
      onDeferred: (untilMs) => run.emit({ type: 'deferred', account: name, sender_id: entry.sender_id, untilMs }),
      onWaiting: waiting,
    }),
    stop: stopper(run, runtime, canary),
  };
  const report = new Map<PlanEntry, ReportEntry>();
  const finish = (entry: PlanEntry, result: ReportEntry) => {
    report.set(entry, result);
    if (run.work(entry)) run.emit({ type: 'done', entry: result });
  };
  if (canary) finish(canary, await carryOut(scope, canary, true));
  // More workers than the ceiling, so that senders awaiting a window or a code do not hold up the
  // rest; the limiter keeps the requests within the ceiling.
  const rest = entries.filter((entry) => entry !== canary);
  await eachAtOnce(rest, fleetDefaults.sendersAtOnce, async (entry) => finish(entry, await carryOut(scope, entry)));
  await refresh(runtime, entries, report);
  return entries.map((entry) => report.get(entry) as ReportEntry);
}

/**
 * Calls `work` on each item, `atOnce` at a time. A pool of workers, not a promise per item: 10,000
 * pending senders would each hold a context for the whole run.
 */
export async function eachAtOnce<T>(items: readonly T[], atOnce: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(items.length, atOnce) }, worker));
}

/** Tells a wait of the account once: the limiter's pause and the write's own wait end together. */
function tellWaits(run: Run, account: string) {
  let toldUntil = 0;
  return (untilMs: number, why: string) => {
    if (untilMs <= toldUntil + fleetDefaults.sameWaitMs) return;
    toldUntil = untilMs;
    run.emit({ type: 'waiting', account, untilMs, why });
  };
}

/**
 * The account's plan: the held one, or a new read. Each account is read on its own: one account's
 * rate limit never holds up another's plan. An account that cannot be planned is `failed`.
 */
async function planOf(
  run: Run,
  runtime: AccountRuntime,
  inDoubt: ReadonlyMap<string, CreateInDoubt>,
): Promise<Omit<FleetPlan, 'failures'> | { failed: ReportEntry[] }> {
  const { name } = runtime.account;
  // An account the held plan could not read was shown as failed: it stays failed, never planned
  // and written behind the plan the caller saw (and agreed to).
  const failedInPlan = run.options.plan?.failures.find((failure) => failure.account === name);
  if (failedInPlan) {
    if (!run.failures.includes(failedInPlan)) run.failures.push(failedInPlan);
    return { failed: failedAccount(run.fleet, failedInPlan) };
  }
  if (run.held) return run.held;
  try {
    return await planAccount(run.fleet, runtime, inDoubt);
  } catch (error) {
    const failure = accountFailure(runtime.account, 'read', error, run.options);
    run.failures.push(failure);
    run.emit({ type: 'failed', failure });
    return { failed: failedAccount(run.fleet, failure) };
  }
}

/** What stops the account after its canary: no other sender of it is tried. */
function stopper(run: Run, runtime: AccountRuntime, canary: PlanEntry | undefined) {
  const { name } = runtime.account;
  return (why: string, error?: unknown) => {
    const reason = `stopped by the canary ${canary?.sender_id}: ${why}`;
    run.stopped[name] = reason;
    run.emit({ type: 'stopped', account: name, reason });
    const failure: AccountFailure = {
      account: name,
      secret: secretOf(runtime.account, run.options),
      stage: 'canary',
      path: `accounts.${name}`,
      error: { ...(error === undefined ? {} : errorRecord(error)), message: reason },
    };
    run.failures.push(failure);
    run.emit({ type: 'failed', failure });
  };
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
