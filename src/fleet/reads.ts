// The reads of a fleet's senders, each in a slot of its account: one read, and a poll through the one poller.
import { type PollSchedule, poll as pollSender } from '../poller.js';
import type { Sender } from '../types.js';
import type { AccountRuntime } from './accounts.js';
import type { WriteResult } from './writes.js';

/** Reads one sender in a slot of the account. */
export async function read(runtime: AccountRuntime, sid: string): Promise<WriteResult> {
  try {
    return { sender: await runtime.limiter.run(() => runtime.reader.get(sid)) };
  } catch (error) {
    return { error };
  }
}

/**
 * Reads the sender through the one poller until `done` says so; the last read on timeout or abort,
 * the read's error when a read fails.
 */
export async function poll(
  runtime: AccountRuntime,
  sender: Sender,
  done: (sender: Sender) => boolean,
  schedule: PollSchedule,
): Promise<WriteResult & { timedOut?: boolean }> {
  let current = sender;
  const readOnce = async () => {
    const fresh = await read(runtime, current.sid);
    if ('error' in fresh) throw fresh.error;
    current = fresh.sender;
    return current;
  };
  try {
    const { timedOut } = await pollSender(readOnce, done, schedule, sender);
    return timedOut ? { sender: current, timedOut } : { sender: current };
  } catch (error) {
    return schedule.signal?.aborted ? { sender: current, timedOut: true } : { error };
  }
}
