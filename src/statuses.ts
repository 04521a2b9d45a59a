// What a status means to a caller, read from the spec's `x-status-kinds` (generated/statuses.ts).
// The waits, the fleet, the CLI and the sandbox ask here; none of them names a status's meaning itself.
import { type StatusKind, senderStatuses, statusKinds } from '../generated/statuses.js';
import type { SenderStatus } from './types.js';

export type { StatusKind };
export { senderStatuses };

/**
 * The kind of a status, as the spec's `x-status-kinds` gives it. A status the spec does not know
 * yet is `working`: Twilio adds statuses over time (shared/senders-api.md, "The Sender as returned").
 * @example if (statusKind(sender.status) === 'awaiting-code') await senders.verify(sender.sid, code);
 */
export function statusKind(status: unknown): StatusKind {
  return typeof status === 'string' && Object.hasOwn(statusKinds, status)
    ? statusKinds[status as SenderStatus]
    : 'working';
}

/** The spec's statuses of these kinds, in the spec's order. */
export const statusesOf = (...kinds: readonly StatusKind[]): SenderStatus[] =>
  senderStatuses.filter((status) => kinds.includes(statusKinds[status]));

/**
 * Whether waiting alone will not move a sender on from a status of this kind: it needs its code or
 * someone's action, or it failed. A wait for another status ends there.
 */
export const endsWait = (kind: StatusKind): kind is StoppingKind =>
  kind === 'awaiting-code' || kind === 'failed' || kind === 'action-needed';

/** The kinds that end a wait for another status. */
export type StoppingKind = Exclude<StatusKind, 'working' | 'ready'>;
