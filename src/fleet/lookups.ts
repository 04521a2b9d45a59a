// The lookups of one account's senders by sender_id, after a create whose answer was lost.
import type { Sender } from '../types.js';
import type { AccountRuntime } from './accounts.js';

/** Lookups of senders by sender_id, batched: one walk of the account answers every lookup that is due. */
export function batchedLookups(walk: AccountRuntime['walk']): Pick<AccountRuntime, 'lookup' | 'close'> {
  const waiting = new Map<
    string,
    { notBefore: number; settle: ((found: Sender | undefined) => void)[]; fail: ((error: unknown) => void)[] }
  >();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let walking = false;
  const schedule = () => {
    if (walking || waiting.size === 0) return;
    const due = Math.min(...[...waiting.values()].map((entry) => entry.notBefore));
    clearTimeout(timer);
    timer = setTimeout(lookupDue, Math.max(0, due - Date.now()));
  };
  const lookupDue = async () => {
    walking = true;
    const startedAt = Date.now();
    const due = [...waiting.entries()].filter(([, entry]) => entry.notBefore <= startedAt);
    for (const [senderId] of due) waiting.delete(senderId);
    const found = new Map<string, Sender>();
    const wanted = new Set(due.map(([senderId]) => senderId));
    try {
      await walk((sender) => {
        if (wanted.has(sender.sender_id)) found.set(sender.sender_id, sender);
      });
      for (const [senderId, entry] of due) for (const settle of entry.settle) settle(found.get(senderId));
    } catch (error) {
      for (const [, entry] of due) for (const fail of entry.fail) fail(error);
    } finally {
      walking = false;
      schedule();
    }
  };

  return {
    lookup: (senderId, notBefore) =>
      new Promise((resolve, reject) => {
        const entry = waiting.get(senderId) ?? { notBefore, settle: [], fail: [] };
        entry.notBefore = Math.max(entry.notBefore, notBefore);
        entry.settle.push(resolve);
        entry.fail.push(reject);
        waiting.set(senderId, entry);
        schedule();
      }),
    close: () => clearTimeout(timer),
  };
}
