// Responses the service gives, by the sources of December 2026, pass `prism proxy --errors` on the
// spec; what the spec still forbids is reported. Each answer comes from a local upstream, as the
// real service would send it, through the proxy and the client.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ApiError } from '../src/index.js';
import { json, startServer } from '../src/test/http-server.js';
import { type Prism, startPrism } from '../src/testing/prism.js';
import { checkedFetch, contractClient, SpecViolation } from './client.js';
import { responseExample } from './spec.js';

const sid = 'XEb07cb801aee974e9caac3222d53282b2';
const online = responseExample<Record<string, unknown>>('fetchSender', '200', 'online');
const profile = online.profile as Record<string, unknown>;

/** Each answer of the upstream, by the sid asked for. */
const answers: Record<string, [number, unknown]> = {
  // Point 2: `profile.vertical` is a plain string in every published schema; the service has answered "".
  'empty-vertical': [200, { ...online, profile: { ...profile, vertical: '' } }],
  'unlisted-vertical': [200, { ...online, profile: { ...profile, vertical: 'Government' } }],
  // Point 3: the page of error 63128 reads `profile.pending_display_name_status`.
  'review-in-profile': [
    200,
    {
      ...online,
      profile: {
        ...profile,
        pending_display_name: 'Example Motors Group',
        pending_display_name_status: 'PENDING_REVIEW',
        pending_display_name_status_date: '2026-11-20T09:30:00Z',
      },
    },
  ],
  // Point 6: the SDK types `use_case` as a plain string, so a value outside the description's enum passes.
  'other-use-case': [200, { ...online, profile: { ...profile, use_case: 'CONVERSATIONAL' } }],
  // Point 10: offline reason items are nullable in the published schema.
  'null-reason': [200, { ...online, status: 'OFFLINE', offline_reasons: [null] }],
  // Still drift: a status outside the enum.
  'unknown-status': [200, { ...online, status: 'SUSPENDED' }],
};

let upstream: Awaited<ReturnType<typeof startServer>>;
let proxy: Prism;
beforeAll(async () => {
  upstream = await startServer((request, response) => {
    const [path, query] = request.url.split('?');
    if (request.method === 'POST' && path?.endsWith(`/${sid}`)) {
      // Point 1: error 63128, a display-name change while one is under review, is a 409.
      return json(response, 409, {
        code: 63128,
        message: 'A display name change is already under review for this sender.',
        more_info: 'https://www.twilio.com/docs/errors/63128',
        status: 409,
      });
    }
    if (path === '/v2/Channels/Senders') {
      // Point 7: the published schema requires no key of `meta`; this one has neither url nor first_page_url.
      return json(response, 200, { senders: [online], meta: { page: 0, page_size: 50, key: 'senders' } });
    }
    const name = new URLSearchParams(query).get('answer') ?? '';
    const [status, body] = answers[name] ?? [404, { code: 20404, message: 'not found', status: 404 }];
    // The published description types the request id as a plain string, under either name.
    const requestId = new URLSearchParams(query).get('request-id');
    json(response, status, body, requestId ? { 'T-Request-Id': requestId, 'Twilio-Request-Id': requestId } : {});
  });
  proxy = await startPrism({ mode: 'proxy', upstream: upstream.url, logFile: inject('prismLog') || undefined });
});
afterAll(async () => {
  await proxy?.close();
  await upstream?.close();
});

/** A fetch that asks the upstream for one scripted answer, failing on what the proxy reports. */
function withQuery(answer: string, requestId?: string): typeof fetch {
  return (input, init) => {
    const url = new URL(String(input));
    url.searchParams.set('answer', answer);
    if (requestId) url.searchParams.set('request-id', requestId);
    return checkedFetch(url.href, init);
  };
}

describe('answers the sources of December 2026 describe pass prism proxy --errors', () => {
  it.each(['empty-vertical', 'unlisted-vertical', 'review-in-profile', 'other-use-case', 'null-reason'])(
    '%s',
    async (answer) => {
      const sender = await contractClient(proxy.url, { maxRetries: 0, fetch: withQuery(answer) }).get(sid);
      expect(sender).toStrictEqual((answers[answer] as [number, unknown])[1]);
    },
  );

  it('a 409 of error 63128 on update is an ApiError that Prism has nothing to say about', async () => {
    // An undocumented status is only a warning to Prism ("Unable to match the returned status
    // code"), which checkedFetch lets by: every violation, warnings included, is read here.
    const violations: string[] = [];
    const recording: typeof fetch = async (input, init) => {
      const response = await checkedFetch(input, init);
      violations.push(response.headers.get('sl-violations') ?? '');
      return response;
    };
    const error = await contractClient(proxy.url, { maxRetries: 0, fetch: recording })
      .update(sid, { profile: { name: 'Example Motors Group' } })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, code: 63128 });
    expect(violations).toEqual(['']);
  });

  it.each(['abc-123', `rq${'0'.repeat(32)}`])('a request id of another form (%s), under either name', async (id) => {
    const { data, requestId } = await contractClient(proxy.url, {
      maxRetries: 0,
      fetch: withQuery('empty-vertical', id),
    })
      .get(sid)
      .withResponse();
    expect(data.sid).toBe(sid);
    expect(requestId).toBe(id);
  });

  it('a page whose meta has only some of its keys', async () => {
    const page = await contractClient(proxy.url, { maxRetries: 0 }).list();
    expect(page.meta).toStrictEqual({ page: 0, page_size: 50, key: 'senders' });
    expect(page.senders).toHaveLength(1);
  });

  it('while a status outside the enum is still drift, named', async () => {
    const error = await contractClient(proxy.url, { maxRetries: 0, fetch: withQuery('unknown-status') })
      .get(sid)
      .catch((caught: unknown) => caught);
    expect((error as Error).cause).toBeInstanceOf(SpecViolation);
    expect((error as Error).message).toContain('status');
  });
});
