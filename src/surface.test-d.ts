// Types of issue 15's surface: each call's result is its operation's success body, and
// `.withResponse()` carries the same type with the response.
import { describe, expectTypeOf, it } from 'vitest';
import {
  createSendersClient,
  type OperationResult,
  type RequestOptions,
  type Sender,
  type SendersPage,
  type WaitOptions,
  type WithResponse,
} from './index.js';

const senders = createSendersClient({ accountSid: `AC${'0'.repeat(32)}`, authToken: 'token' });

describe('results typed per operation', () => {
  it('derives each result from the generated success response', () => {
    expectTypeOf<OperationResult<'fetchSender'>>().toEqualTypeOf<Sender>();
    expectTypeOf<OperationResult<'createSender'>>().toEqualTypeOf<Sender>();
    expectTypeOf<OperationResult<'listSenders'>>().toEqualTypeOf<SendersPage>();
    expectTypeOf<OperationResult<'deleteSender'>>().toEqualTypeOf<undefined>();
  });

  it('gives withResponse() the data type of the plain call', () => {
    expectTypeOf(senders.get('XE…')).resolves.toEqualTypeOf<Sender>();
    expectTypeOf(senders.get('XE…').withResponse()).resolves.toEqualTypeOf<WithResponse<Sender>>();
    expectTypeOf(senders.list().withResponse()).resolves.toEqualTypeOf<WithResponse<SendersPage>>();
    expectTypeOf<WithResponse<Sender>['response']>().toEqualTypeOf<Response>();
    expectTypeOf<WithResponse<Sender>['requestId']>().toEqualTypeOf<string | undefined>();
  });
});

describe('one meaning per option name', () => {
  it('has maxRetries per call, and waits that take every request option', () => {
    expectTypeOf<RequestOptions['maxRetries']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<WaitOptions>().toMatchTypeOf<RequestOptions>();
    expectTypeOf<WaitOptions['maxWaitMs']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<WaitOptions['timeoutMs']>().toEqualTypeOf<RequestOptions['timeoutMs']>();
  });
});
