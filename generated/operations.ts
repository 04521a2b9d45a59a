// Generated from openapi/senders.yaml by scripts/operation-table.mjs.
// Do not edit by hand: change the spec and run `npm run generate`.

import type { operations, paths } from './senders.js';

/** One operation: how it is sent, and whether it may be sent again after an ambiguous failure. */
export interface OperationEntry {
  /** The HTTP method, upper case. */
  readonly method: 'GET' | 'PUT' | 'POST' | 'DELETE' | 'OPTIONS' | 'HEAD' | 'PATCH' | 'TRACE';
  /** The path template, with `{Name}` for each path parameter. */
  readonly path: keyof paths;
  /**
   * Whether the request may be sent again after a failure that leaves unknown whether it was applied
   * (a timeout, a reset connection, a 5xx), from the spec's `x-retry-after-ambiguous-failure`.
   */
  readonly retrySafe: boolean;
  /**
   * Whether a 404 after an ambiguous failure means the operation was applied (a delete whose first
   * attempt went through), from the spec's `x-gone-means-done`.
   */
  readonly goneMeansDone: boolean;
  /** Whether a success answers without a body (a 204): no 2xx response of the spec has `content`. */
  readonly emptyBody: boolean;
  /** For a list: the key of the page's items and the dotted path of its next link, from `x-pagination`. */
  readonly pagination?: { readonly items: string; readonly next: string };
}

/** Every operation of the spec, by operationId. */
export const operationTable = {
  listSenders: {
    method: "GET",
    path: "/v2/Channels/Senders",
    /** Reading a page changes nothing at the service, so asking again after a lost or unclear answer is harmless. */
    retrySafe: true,
    goneMeansDone: false,
    emptyBody: false,
    pagination: { items: "senders", next: "meta.next_page_url" },
  },
  createSender: {
    method: "POST",
    path: "/v2/Channels/Senders",
    /** Each create that reaches the service registers the number; if the first attempt was applied before its answer was lost, a second may register the number twice. Read the account's senders instead of sending it again. */
    retrySafe: false,
    goneMeansDone: false,
    emptyBody: false,
  },
  fetchSender: {
    method: "GET",
    path: "/v2/Channels/Senders/{Sid}",
    /** Reading a sender changes nothing at the service, so asking again after a lost or unclear answer is harmless. */
    retrySafe: true,
    goneMeansDone: false,
    emptyBody: false,
  },
  updateSender: {
    method: "POST",
    path: "/v2/Channels/Senders/{Sid}",
    /** Update is a POST that changes state, not a PATCH: if the first attempt was applied before its answer was lost, a second submits the one-time password again or starts another change and its review. Fetch the sender to see whether it was applied. */
    retrySafe: false,
    goneMeansDone: false,
    emptyBody: false,
  },
  deleteSender: {
    method: "DELETE",
    path: "/v2/Channels/Senders/{Sid}",
    /** Deleting again after a delete that was applied changes nothing more: the sender is gone, and the repeat answers 404, which means it is done. */
    retrySafe: true,
    goneMeansDone: true,
    emptyBody: true,
  },
} as const satisfies { readonly [Id in keyof operations]: OperationEntry };

/** The operationIds of the spec. */
export type OperationId = keyof typeof operationTable;

/** The method and path template of `Id`, as literal types. */
export type OperationRoute<Id extends OperationId> = (typeof operationTable)[Id];

/**
 * The generated description of `Id` (parameters, request body, responses), reached through its path
 * and method in `paths`: the type a call of `Id` is built from.
 */
export type OperationAt<Id extends OperationId> =
  paths[OperationRoute<Id>['path']][Lowercase<OperationRoute<Id>['method']>];
