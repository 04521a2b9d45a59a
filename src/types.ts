// The public names of the generated types: a spec change flows into them.
import type { components, operations } from '../generated/senders.js';

type Schemas = components['schemas'];

/** A sender as the service returns it. */
export type Sender = Schemas['Sender'];
/** The body of a create request. */
export type SenderCreate = Schemas['SenderCreate'];
/** The body of an update request. */
export type SenderUpdate = Schemas['SenderUpdate'];
/** Where a sender is in its life. */
export type SenderStatus = Schemas['SenderStatus'];
/** One page of a list, with its `meta`. */
export type SendersPage = Schemas['SendersPage'];
/** The body of every error response. */
export type TwilioError = Schemas['TwilioError'];
/** The operationIds of the spec. */
export type OperationId = keyof operations;
