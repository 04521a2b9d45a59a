// The client's waits: waitForStatus, and register and verify, each a write then a wait. What they
// wait for comes from the spec's `x-status-kinds`.
import { operationTable } from '../generated/operations.js';
import type { Run } from './call.js';
import type { SendersClient } from './client.js';
import { checkWait, type WaitOptions, waitForStatus, waitOnlyKeys } from './lifecycle.js';
import { checkObject } from './list-params.js';
import { readRequestOptions } from './options.js';
import { readingInput } from './prepare.js';
import type { Settings } from './settings.js';
import { statusesOf } from './statuses.js';
import type { Sender, SenderStatus } from './types.js';
import { own, validateRequest } from './validate.js';

// What register and verify wait for, by the spec's `x-status-kinds`.
const codeOrReady = statusesOf('awaiting-code', 'ready');
const ready = statusesOf('ready');

/** The waits of a client, reading the sender with its `get`. */
export function waitMethods(
  settings: Settings,
  run: Run,
  get: SendersClient['get'],
): Pick<SendersClient, 'waitForStatus' | 'register' | 'verify'> {
  const wait = (sid: string, statuses: readonly SenderStatus[], parts: WaitParts, seen?: Sender) =>
    waitForStatus(
      get,
      settings.baseUrl + operationTable.fetchSender.path,
      sid,
      statuses,
      parts.wait,
      parts.request,
      seen,
      settings.timeoutMs,
      settings.redact,
    );
  return {
    waitForStatus: async (sid, statuses, options = {}) => wait(sid, statuses, splitWait(options)),
    register: async (body, options = {}) => {
      const parts = splitWait(options);
      checkWait(codeOrReady, parts.wait);
      // The wait reads the 202's sid; a 202 without one is an ApiError that says the create was applied.
      const created = await run('createSender', () => ({ body }), parts.request, { check: sidProblem });
      parts.wait.onStatus?.(created);
      return wait(created.sid, codeOrReady, parts, created);
    },
    verify: async (sid, code, options = {}) => {
      const parts = splitWait(options);
      checkWait(ready, parts.wait);
      const body = { configuration: { verification_code: code } };
      const verifying = await run('updateSender', () => ({ path: { Sid: sid }, body }), parts.request);
      parts.wait.onStatus?.(verifying);
      return wait(sid, ready, parts, verifying);
    },
  };
}

type WaitParts = ReturnType<typeof splitWait>;

/** A wait's own options and its request options, each read once; an unknown key is refused. */
const splitWait = (options: unknown) =>
  readingInput(() => {
    const all = { ...checkObject(options, 'options') } as Record<string, unknown>;
    const wait: Record<string, unknown> = {};
    for (const key of waitOnlyKeys) {
      wait[key] = all[key];
      delete all[key];
    }
    return { wait: wait as Pick<WaitOptions, (typeof waitOnlyKeys)[number]>, request: readRequestOptions(all) };
  }, 'options');

/** What is wrong with a created sender for waiting on it, or undefined: its sid must be one. */
function sidProblem(body: unknown): string | undefined {
  const sid = own(body as Record<string, unknown>, 'sid');
  try {
    validateRequest('fetchSender', { path: { Sid: sid } });
    return undefined;
  } catch {
    return `carries ${sid === undefined ? 'no sid' : 'no valid sid'}, so the new sender cannot be awaited; list the senders to find it before creating it again`;
  }
}
