export type {
  IterateParams,
  ListParams,
  OperationResult,
  SendersClient,
  SendersPromise,
  WithResponse,
} from './client.js';
export { createSendersClient } from './client.js';
export { defaults } from './defaults.js';
export type { ValidationIssue } from './errors.js';
export {
  ApiError,
  ConnectionError,
  NetworkError,
  NextPageError,
  SenderOfflineError,
  SenderStatusError,
  SendersError,
  TimeoutError,
  ValidationError,
} from './errors.js';
export type { WaitOptions } from './lifecycle.js';
export type { ClientOptions, RequestOptions } from './options.js';
export { type StatusKind, statusKind } from './statuses.js';
export type {
  OperationId,
  Sender,
  SenderCreate,
  SenderStatus,
  SendersPage,
  SenderUpdate,
  TwilioError,
} from './types.js';
