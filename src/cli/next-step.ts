// The command that goes on from where a sender was left, by its status's kind (the spec's
// `x-status-kinds`): the last line of an error that the user can act on.
import { SenderStatusError, TimeoutError } from '../errors.js';
import { statusesOf, statusKind } from '../statuses.js';
import { GoOn } from './format.js';

/** What `register` waits for: the code on its way, or a sender ready already. */
export const codeOrReady = statusesOf('awaiting-code', 'ready');

/** What `verify` waits for, and what `wait` and `register` name in their help. */
export const readyStatuses = statusesOf('ready');

/** How to go on with sender `sid`, now in `status`. */
export function goOnFrom(sid: string, status: string): string {
  const kind = statusKind(status);
  if (kind === 'awaiting-code') return `whatsapp-senders verify ${sid} <code>`;
  if (kind === 'ready') return `whatsapp-senders get ${sid} (it is ${status} already)`;
  if (kind === 'failed') return `whatsapp-senders get ${sid} (it is ${status}; see its reasons)`;
  if (kind === 'action-needed')
    return `whatsapp-senders get ${sid} (it is ${status}: it will not move on until someone acts, in the Twilio Console)`;
  return `whatsapp-senders wait ${sid} --until ${codeOrReady.join(' ')}`;
}

/** How to go on after a verify of `sid` failed with `error`. */
export function afterVerify(sid: string, error: unknown): string {
  if (error instanceof SenderStatusError) return goOnFrom(sid, error.senderStatus);
  if (error instanceof TimeoutError) return `whatsapp-senders wait ${sid} --until ${readyStatuses.join(' ')}`;
  return `whatsapp-senders verify ${sid} <code>`;
}

/** A wait of `sid` that met a status it was not waiting for ends with the command that goes on. */
export async function withNextStep<T>(sid: string, wait: () => Promise<T>): Promise<T> {
  try {
    return await wait();
  } catch (error) {
    throw error instanceof SenderStatusError ? new GoOn(error, goOnFrom(sid, error.senderStatus)) : error;
  }
}
