// The credentials every test uses, so that one suite-wide check (src/test/leak-check.ts) knows
// what must never show up in an error or a log line.

export const accountSid = `AC${'a1'.repeat(16)}`;
export const authToken = 'test-auth-token-7f3a9c5e';
export const apiKey = `SK${'b2'.repeat(16)}`;
export const apiSecret = 'test-api-secret-41d2e8b0';

/** Account SID and Auth Token. */
export const credentials = { accountSid, authToken };
/** Account SID, API key and secret. */
export const apiKeyCredentials = { accountSid, apiKey, apiSecret };

/** The value of an HTTP Basic Authorization header. */
export const basic = (user: string, password: string) => `Basic ${btoa(`${user}:${password}`)}`;

/** What must never appear: the token, the secret, and the base64 of `sid:token` and `key:secret`. */
export const secrets: readonly string[] = [
  authToken,
  apiSecret,
  btoa(`${accountSid}:${authToken}`),
  btoa(`${apiKey}:${apiSecret}`),
];
