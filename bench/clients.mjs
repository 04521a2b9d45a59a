// The four clients the bench compares, each pointed at the local server: raw fetch, bare
// openapi-fetch, this package (validation and retries on, as shipped) and the official SDK, whose
// own HTTP client is kept and only sent to the local server instead of messaging.twilio.com.
import createClient from 'openapi-fetch';
import twilio from 'twilio';
import { createSendersClient } from 'whatsapp-senders';

export const accountSid = `AC${'a1'.repeat(16)}`;
export const authToken = 'bench-auth-token';
export const sid = 'XEb07cb801aee974e9caac3222d53282b2';
const authorization = `Basic ${btoa(`${accountSid}:${authToken}`)}`;
/** A create body, in snake_case: the keys the service reads (the SDK sends what it is given). */
export const body = {
  sender_id: 'whatsapp:+15017122661',
  configuration: { waba_id: '1234567890', verification_method: 'sms' },
  profile: { name: 'Example Motors', vertical: 'Automotive', emails: 'support@example.com' },
};

/** The official SDK, its requests sent to `base`. */
export function officialSdk(base) {
  class Local extends twilio.RequestClient {
    request(options) {
      return super.request({ ...options, uri: options.uri.replace('https://messaging.twilio.com', base) });
    }
  }
  return twilio(accountSid, authToken, { httpClient: new Local({ keepAlive: true }) });
}

/** For each client, one get, one create and one list of 20, each resolving to parsed data. */
export function clients(base) {
  const json = { 'Content-Type': 'application/json', Authorization: authorization };
  const bare = createClient({ baseUrl: base, headers: { Authorization: authorization } });
  const ours = createSendersClient({ accountSid, authToken, baseUrl: base });
  const sdk = officialSdk(base).messaging.v2.channelsSenders;
  return {
    'raw fetch': {
      get: () => fetch(`${base}/v2/Channels/Senders/${sid}`, { headers: json }).then((r) => r.json()),
      create: () =>
        fetch(`${base}/v2/Channels/Senders`, { method: 'POST', headers: json, body: JSON.stringify(body) }).then((r) =>
          r.json(),
        ),
      list: () =>
        fetch(`${base}/v2/Channels/Senders?Channel=whatsapp&PageSize=20`, { headers: json }).then((r) => r.json()),
    },
    // Raw fetch with what any client with a timeout must add: an AbortSignal per call.
    'fetch + timeout': {
      get: () =>
        fetch(`${base}/v2/Channels/Senders/${sid}`, { headers: json, signal: AbortSignal.timeout(30_000) }).then((r) =>
          r.json(),
        ),
      create: () =>
        fetch(`${base}/v2/Channels/Senders`, {
          method: 'POST',
          headers: json,
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(30_000),
        }).then((r) => r.json()),
      list: () =>
        fetch(`${base}/v2/Channels/Senders?Channel=whatsapp&PageSize=20`, {
          headers: json,
          signal: AbortSignal.timeout(30_000),
        }).then((r) => r.json()),
    },
    'openapi-fetch': {
      get: () => bare.GET('/v2/Channels/Senders/{Sid}', { params: { path: { Sid: sid } } }).then((r) => r.data),
      create: () => bare.POST('/v2/Channels/Senders', { body }).then((r) => r.data),
      list: () =>
        bare
          .GET('/v2/Channels/Senders', { params: { query: { Channel: 'whatsapp', PageSize: 20 } } })
          .then((r) => r.data),
    },
    'whatsapp-senders': {
      get: () => ours.get(sid),
      create: () => ours.create(body),
      list: () => ours.list({ pageSize: 20 }),
    },
    'official SDK': {
      get: () => sdk(sid).fetch(),
      create: () => sdk.create(body),
      list: () => sdk.page({ channel: 'whatsapp', pageSize: 20 }),
    },
  };
}
