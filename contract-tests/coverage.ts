// What the contract suite covers, declared once. The tests iterate over it, and
// coverage.test.ts fails when the spec has an (operation, status) pair or a named
// example that is not declared here, or the other way round.
import type { RequestOptions, SendersClient } from '../src/index.js';
import type { OperationId, Sender, SenderCreate, SenderUpdate } from '../src/types.js';
import { requestExample, responseExample } from './spec.js';

/** What the suite exercises of one operation. */
export interface Coverage {
  /** Named request examples, each sent through the client. */
  requestExamples: readonly string[];
  /** Each documented status, with the named examples served under it. */
  responses: Readonly<Record<number, readonly string[]>>;
}

const errors = {
  400: ['bad-request'],
  401: ['unauthorized'],
  403: ['forbidden'],
  429: ['rate-limited'],
  500: ['internal-error'],
  503: ['unavailable'],
} as const;
const errorsWithSid = { ...errors, 404: ['not-found', 'problem-details'] } as const;
/** A create or an update may also be refused for its display name (63124). */
const displayName = { 400: ['bad-request', 'display-name-declined'] } as const;

export const covered = {
  listSenders: { requestExamples: [], responses: { 200: ['first-page', 'last-page'], ...errors } },
  createSender: {
    requestExamples: ['seed', 'for-subaccount'],
    responses: { 202: ['created'], ...errors, ...displayName },
  },
  fetchSender: {
    requestExamples: [],
    responses: { 200: ['online', 'offline', 'pending-verification', 'display-name-under-review'], ...errorsWithSid },
  },
  updateSender: {
    requestExamples: ['verification-code', 'profile-change', 'clear-account-type'],
    responses: {
      202: ['verifying', 'updating', 'code-echoed', 'name-submitted'],
      ...errorsWithSid,
      ...displayName,
      409: ['display-name-under-review'],
    },
  },
  deleteSender: { requestExamples: [], responses: { 204: [], ...errorsWithSid } },
} satisfies Record<OperationId, Coverage>;

/** A SID the spec's own examples use. */
export const exampleSid = responseExample<Sender>('fetchSender', '200', 'online').sid;

/** How the suite calls each operation through the client, with valid input. */
export const calls: Record<
  OperationId,
  (senders: SendersClient, options: RequestOptions, requestExampleName?: string) => Promise<unknown>
> = {
  listSenders: (senders, options) => senders.list({ pageSize: 2 }, options),
  createSender: (senders, options, name = 'seed') =>
    senders.create(requestExample<SenderCreate>('createSender', name), options),
  fetchSender: (senders, options) => senders.get(exampleSid, options),
  updateSender: (senders, options, name = 'verification-code') =>
    senders.update(exampleSid, requestExample<SenderUpdate>('updateSender', name), options),
  deleteSender: (senders, options) => senders.delete(exampleSid, options),
};
