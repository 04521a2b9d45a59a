// The client: its settings resolved once, its plain methods built from the generated operation
// table and their friendly names (src/operation-methods.ts), its lists and its waits.
import { caller, type SendersPromise } from './call.js';
import type { WaitOptions } from './lifecycle.js';
import { listMethods } from './list-methods.js';
import type { ListParams } from './list-params.js';
import {
  type OperationMethod,
  type OperationResult,
  operationMethods,
  type operationNames,
} from './operation-methods.js';
import type { ClientOptions, RequestOptions } from './options.js';
import type { IterateParams } from './pagination.js';
import { resolveSettings } from './settings.js';
import type { Sender, SenderCreate, SenderStatus, SendersPage } from './types.js';
import { waitMethods } from './wait-methods.js';

export type { SendersPromise, WithResponse } from './call.js';
export type { IterateParams, ListParams, OperationResult };

/** The plain methods, one for each operation of `operationNames`, typed by the spec. */
type OperationMethods = {
  [Name in keyof typeof operationNames]: OperationMethod<
    (typeof operationNames)[Name],
    SendersPromise<Void<OperationResult<(typeof operationNames)[Name]>>>
  >;
};
/** A result of nothing (204) is `void` to callers. */
// biome-ignore lint/suspicious/noConfusingVoidType: the type of a promise that resolves to nothing, as `fetch` users expect.
type Void<T> = [T] extends [undefined] ? void : T;

/** The client `createSendersClient` returns. */
export interface SendersClient extends OperationMethods {
  /** Reads one page of the account's WhatsApp senders. */
  list(params?: ListParams, options?: RequestOptions): SendersPromise<SendersPage>;
  /**
   * Every WhatsApp sender of the account, page by page, one page in memory at a time. The request
   * options apply to each page's request. For each page's response, use `list().withResponse()`.
   */
  iterate(params?: IterateParams, options?: RequestOptions): AsyncGenerator<Sender, void, undefined>;
  /**
   * Reads the sender until its status is one of `statuses`, polling with backoff from `intervalMs`,
   * for at most `maxWaitMs`. A status that waiting will not change rejects at once, unless awaited:
   * `failed` with a SenderOfflineError, `awaiting-code` and `action-needed` with a
   * SenderStatusError. The TimeoutError names the last status. The request options apply to each read.
   */
  waitForStatus(sid: string, statuses: readonly SenderStatus[], options?: WaitOptions): Promise<Sender>;
  /**
   * Creates a sender, then waits until it awaits its one-time password (`awaiting-code`: the code is
   * on its way) or is `ready`.
   * The request options apply to the create and to each read; `maxWaitMs` bounds the wait.
   */
  register(body: SenderCreate, options?: WaitOptions): Promise<Sender>;
  /**
   * Submits the one-time password (`configuration.verification_code`), then waits until it is `ready`.
   * The request options apply to the update and to each read; `maxWaitMs` bounds the wait.
   */
  verify(sid: string, code: string, options?: WaitOptions): Promise<Sender>;
}

/**
 * Creates a client of the WhatsApp Senders API.
 * @example
 * const senders = createSendersClient({ accountSid, authToken });
 * const sender = await senders.get('XE…');
 */
export function createSendersClient(given: ClientOptions = {}): SendersClient {
  const settings = resolveSettings(given);
  const run = caller(settings);
  const plain = operationMethods(run) as OperationMethods;
  return {
    ...waitMethods(settings, run, plain.get),
    ...plain,
    ...listMethods(settings, run),
  };
}
