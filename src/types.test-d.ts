// Type-level tests: a wrong field name or status literal must not compile; each call's result is its
// operation's success body, and `.withResponse()` carries the same type with the response.
import { assertType, describe, expectTypeOf, it } from 'vitest';
import {
  createSendersClient,
  type OperationResult,
  type RequestOptions,
  type Sender,
  type SenderCreate,
  type SenderStatus,
  type SendersPage,
  type WaitOptions,
  type WithResponse,
} from './index.js';

const senders = createSendersClient({ accountSid: `AC${'0'.repeat(32)}`, authToken: 'token' });

describe('the generated types', () => {
  it('take snake_case keys and refuse the camelCase the official SDK invites', () => {
    assertType<SenderCreate>({
      sender_id: 'whatsapp:+15017122661',
      profile: { name: 'Example Motors' },
      configuration: { waba_id: '1234567890' },
    });
    // @ts-expect-error senderId is not a field of the create body
    assertType<SenderCreate>({ senderId: 'whatsapp:+15017122661' });
    // @ts-expect-error wabaId is not a field of the configuration
    assertType<SenderCreate>({ sender_id: 'whatsapp:+15017122661', configuration: { wabaId: '1' } });
  });

  it('accept the short forms of emails and websites as well as the object lists', () => {
    assertType<SenderCreate>({
      sender_id: 'whatsapp:+1',
      profile: { name: 'Example', emails: 'a@example.com', websites: ['https://example.com'] },
    });
    assertType<SenderCreate>({
      sender_id: 'whatsapp:+1',
      profile: {
        name: 'Example',
        emails: [{ email: 'a@example.com', label: 'Support' }],
        websites: [{ website: 'https://example.com' }],
      },
    });
  });

  it('know the statuses', () => {
    assertType<SenderStatus>('ONLINE:UPDATING');
    // @ts-expect-error not a status of the spec
    assertType<SenderStatus>('ONLINE_UPDATING');
  });

  it('type what the client returns', () => {
    expectTypeOf(senders.get).returns.resolves.toEqualTypeOf<Sender>();
    expectTypeOf(senders.delete).returns.resolves.toBeVoid();
    // @ts-expect-error update needs a body
    senders.update('XE0');
  });
});

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
