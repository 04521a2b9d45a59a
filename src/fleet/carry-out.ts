// One sender of a fleet run, from its plan entry to its report entry: its write (create, update or
// delete), the canary's verdict, and its one-time password.
import { endsWait, statusKind } from '../statuses.js';
import type { Sender, SenderCreate } from '../types.js';
import type { AccountRuntime } from './accounts.js';
import { compareSender } from './compare.js';
import type { FleetPlan, PlanEntry } from './plan.js';
import { poll } from './reads.js';
import { interruptedNote, type ReportEntry } from './report.js';
import type { Run } from './run.js';
import {
  createSender,
  deleteSender,
  errorRecord,
  updateSender,
  type WriteContext,
  type WriteResult,
} from './writes.js';

/** One account of a run, held by it, with its plan. */
export interface AccountScope {
  readonly run: Run;
  readonly runtime: AccountRuntime;
  readonly name: string;
  readonly plan: Omit<FleetPlan, 'failures'>;
  /** The context of a write of `entry`. */
  context(entry: PlanEntry): WriteContext;
  /** Stops the account after its canary: no other sender of it is tried. */
  stop(why: string, error?: unknown): void;
}

/** A step that ends the sender's work (`end`), or hands on the sender and its report so far. */
type Step = { end: ReportEntry } | { sender: Sender | undefined; done: ReportEntry };
type Failure = { error: unknown; sender?: Sender | undefined };

/** One sender, from its plan entry to its report entry; `canary` when it goes first and alone. */
export async function carryOut(scope: AccountScope, entry: PlanEntry, canary = false): Promise<ReportEntry> {
  const { run, name } = scope;
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
  if (!run.work(entry)) return base;
  const stopped = run.stopped[name];
  if (stopped) return { ...base, result: 'skipped', note: stopped };
  if (run.signal.aborted) return { ...base, result: 'skipped', note: interruptedNote(run.journal) };
  const wanted = run.wanted(entry);
  if (entry.action === 'extra' && entry.sid) {
    const result = await deleteSender(scope.context(entry), entry.sid);
    return 'error' in result ? failed(run, result, base) : { ...base, result: 'deleted' };
  }
  let step: Step = { sender: undefined, done: base };
  if (entry.action === 'create' && wanted) step = await create(scope, entry, wanted, base, canary);
  else if (entry.action === 'update' && entry.sid && entry.patch && wanted) {
    const result = await updateSender(scope.context(entry), entry.sid, entry.patch, wanted);
    step =
      'error' in result
        ? { end: failed(run, result, base) }
        : { sender: result.sender, done: { ...base, result: 'updated', status: result.sender.status } };
  }
  if ('end' in step) return step.end;
  const code = run.codeOf(entry);
  if (code === undefined || !(step.sender ?? entry.sid)) return step.done;
  return withCode(scope, entry, step.sender ?? stub(entry), code, step.done);
}

/** A failure's report entry; a failure after the sender exists keeps what is known of it: its sid and its status. */
function failed(run: Run, result: Failure, from: ReportEntry): ReportEntry {
  return {
    ...from,
    ...(result.sender ? { sid: result.sender.sid, status: result.sender.status } : {}),
    result: run.signal.aborted && result.error === run.signal.reason ? 'skipped' : 'failed',
    error: errorRecord(result.error),
  };
}

/** Creates the sender (or adopts the one an earlier attempt made), then the canary's verdict. */
async function create(
  scope: AccountScope,
  entry: PlanEntry,
  wanted: SenderCreate,
  base: ReportEntry,
  canary: boolean,
): Promise<Step> {
  const { run, name, plan } = scope;
  const readAt = Object.hasOwn(plan.readAt, name) ? plan.readAt[name] : undefined;
  const result = await createSender(scope.context(entry), wanted, entry.inDoubt, readAt);
  if ('error' in result) {
    // A canary refused stops its account as an OFFLINE one does: the rest would be refused alike.
    if (canary) scope.stop(`its create failed: ${errorRecord(result.error).message}`, result.error);
    return { end: failed(run, result, base) };
  }
  let sender = result.sender;
  let done: ReportEntry = { ...base, result: 'created', sid: sender.sid, status: sender.status };
  if (result.adopted) {
    done.note =
      result.adopted === 'run'
        ? 'created by an earlier run, whose outcome was not known'
        : 'created by an earlier attempt of this run, whose answer was lost';
    const { changes, patch } = compareSender(wanted, sender);
    if (changes.length > 0) {
      const updated = await updateSender(scope.context(entry), sender.sid, patch, wanted);
      if ('error' in updated) return { end: failed(run, updated, base) };
      sender = updated.sender;
      done = { ...done, changes, status: sender.status };
    }
  }
  if (!canary) return { sender, done };
  const left = await poll(scope.runtime, sender, moved, run.polling);
  if ('error' in left) return { end: failed(run, left, base) };
  sender = left.sender;
  done.status = sender.status;
  run.emit({ type: 'canary', account: name, sender_id: entry.sender_id, status: sender.status });
  const why = canaryVerdict(sender, left.timedOut === true);
  if (!why) return { sender, done };
  scope.stop(why);
  return { end: { ...done, result: 'failed', error: { message: why } } };
}

/** Submits the one-time password given for the sender, once it awaits one. */
async function withCode(
  scope: AccountScope,
  entry: PlanEntry,
  sender: Sender,
  code: string,
  done: ReportEntry,
): Promise<ReportEntry> {
  const verified = await verifySender(scope.run, scope.context(entry), sender, code);
  if ('error' in verified) return failed(scope.run, verified, done);
  const after: ReportEntry = { ...done, status: verified.sender.status, sid: verified.sender.sid };
  // `verified` only when a code was sent: a sender ready already took none.
  if (verified.verified && after.result === 'unchanged') after.result = 'verified';
  else if (!verified.verified && after.result === 'unchanged')
    after.note = `no code sent: it is ${verified.sender.status}, not waiting for one`;
  return after;
}

/** Whether a sender has left the statuses that move on by themselves (kind `working`). */
export const moved = (sender: Sender) => statusKind(sender.status) !== 'working';

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
  // Meta's review of the display name: the spec accepts it at the top of the Sender and in its profile.
  const review = sender.pending_display_name_status ?? sender.profile?.pending_display_name_status;
  if (review === 'DECLINED') return `its display name ${JSON.stringify(sender.profile?.name ?? '')} was DECLINED`;
  return undefined;
}

/** Waits until the sender awaits its code, submits the code, and waits until it is ready. */
async function verifySender(
  run: Run,
  context: WriteContext,
  sender: Sender,
  code: string,
): Promise<Extract<WriteResult, { error: unknown }> | { sender: Sender; verified: boolean }> {
  const { runtime } = context;
  const ready = await poll(runtime, sender, moved, run.polling);
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
  const online = await poll(runtime, sent.sender, (s) => s !== sent.sender && moved(s), run.polling);
  if ('error' in online) return { sender: sent.sender, ...online };
  if (statusKind(online.sender.status) !== 'ready') {
    const why = online.timedOut ? `still ${online.sender.status} when the wait ended` : online.sender.status;
    return { sender: online.sender, error: new Error(`the code was submitted; the sender is ${why}`) };
  }
  return { sender: online.sender, verified: true };
}

/** A sender known only by its plan entry, for a first read: without a status it counts as `working`. */
const stub = (entry: PlanEntry) => ({ sid: entry.sid, sender_id: entry.sender_id, status: entry.status }) as Sender;
