// Where a response carries Twilio's request id. The spec documents both names on every response
// (components.headers.RequestId): the published description's `T-Request-Id` and the
// `Twilio-Request-Id` of Twilio's older APIs. Every reader of the id goes through here.
import type { components } from '../generated/senders.js';

type ResponseHeader = keyof components['responses']['NotFound']['headers'];

/** The header names, checked by the compiler against the spec; the first present wins. */
export const requestIdHeaders = ['Twilio-Request-Id', 'T-Request-Id'] as const satisfies readonly ResponseHeader[];

/** The request id of a response, from whichever header carries it; null when none does. */
export function requestIdOf(headers: Headers | undefined): string | null {
  for (const name of requestIdHeaders) {
    const value = headers?.get(name);
    if (value) return value;
  }
  return null;
}
