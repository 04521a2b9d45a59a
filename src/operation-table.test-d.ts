// The generated operation table agrees with openapi-typescript's own output: each operationId's
// method and path lead, through `paths`, to that operation's generated description.
import { describe, expectTypeOf, it } from 'vitest';
import { type OperationAt, type OperationId, operationTable } from '../generated/operations.js';
import type { operations } from '../generated/senders.js';

describe('the generated operation table', () => {
  it('has one entry for each operation of the spec', () => {
    expectTypeOf<OperationId>().toEqualTypeOf<keyof operations>();
  });

  it('leads from each operationId, through its method and path, to that operation', () => {
    expectTypeOf<OperationAt<'listSenders'>>().toEqualTypeOf<operations['listSenders']>();
    expectTypeOf<OperationAt<'createSender'>>().toEqualTypeOf<operations['createSender']>();
    expectTypeOf<OperationAt<'fetchSender'>>().toEqualTypeOf<operations['fetchSender']>();
    expectTypeOf<OperationAt<'updateSender'>>().toEqualTypeOf<operations['updateSender']>();
    expectTypeOf<OperationAt<'deleteSender'>>().toEqualTypeOf<operations['deleteSender']>();
    // A wrong pairing is told apart.
    expectTypeOf<OperationAt<'fetchSender'>>().not.toEqualTypeOf<operations['deleteSender']>();
  });

  it('keeps each method, path and flag as a literal type, for typing a call per operation', () => {
    expectTypeOf(operationTable.updateSender.method).toEqualTypeOf<'POST'>();
    expectTypeOf(operationTable.deleteSender.path).toEqualTypeOf<'/v2/Channels/Senders/{Sid}'>();
    expectTypeOf(operationTable.createSender.retrySafe).toEqualTypeOf<false>();
  });
});
