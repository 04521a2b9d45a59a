import { requestRules } from '../generated/request-rules.js';
import { ValidationError, type ValidationIssue } from './errors.js';
import { type ClientOptions, checkClientOptions } from './options.js';

/** The global host of the service: the spec's `servers[0]`. */
export const defaultBaseUrl: string = requestRules.server;

/** The environment variable each credential option is read from when it is not passed: one table for the client and the CLI. */
export const credentialVariables = {
  accountSid: 'TWILIO_ACCOUNT_SID',
  authToken: 'TWILIO_AUTH_TOKEN',
  apiKey: 'TWILIO_API_KEY',
  apiSecret: 'TWILIO_API_SECRET',
} as const;

/** What a client needs, resolved once at construction. */
export interface ResolvedConfig {
  baseUrl: string;
  /** The value of the Authorization header; kept out of every error and log. */
  authorization: string;
  /** What must never be shown: the token or secret, and the Basic credentials made of it. */
  secrets: string[];
}

/**
 * One variable of the environment where there is one (Node, Deno, Bun; edge workers have none).
 * A read the runtime denies (Deno's NotCapable without --allow-env, a throwing getter) is "not set".
 */
function environmentVariable(name: string): string | undefined {
  try {
    const env = (globalThis as { process?: { env?: Record<string, unknown> } }).process?.env;
    const value = env?.[name];
    return typeof value === 'string' && value !== '' ? value : undefined;
  } catch {
    return undefined;
  }
}

type CredentialKey = keyof typeof credentialVariables;

// The prefix of a credential that is a sid: AC or SK, then 32 hex digits.
const sidPrefixes: Partial<Record<CredentialKey, string>> = { accountSid: 'AC', apiKey: 'SK' };

/**
 * Resolves credentials and the base URL, or throws a ValidationError that names what is missing.
 * Never puts a credential's value in a message.
 *
 * Credentials passed as options win as a set: passing `authToken` chooses the Auth Token, passing
 * `apiKey` or `apiSecret` chooses the API key, and the environment only fills in the members of
 * that set that were not passed. It is read only for those, so that a runtime without environment
 * access (Deno without --allow-env) needs none when every credential is passed.
 */
export function resolveConfig(options: ClientOptions): ResolvedConfig {
  const issues: ValidationIssue[] = [];
  const passed = (key: CredentialKey): string | undefined => {
    const value = Object.hasOwn(options, key) ? options[key] : undefined;
    if (value !== undefined && typeof value !== 'string')
      issues.push({ path: `$.${key}`, message: 'must be a string' });
    return typeof value === 'string' ? value : undefined;
  };
  const explicit = {
    accountSid: passed('accountSid'),
    authToken: passed('authToken'),
    apiKey: passed('apiKey'),
    apiSecret: passed('apiSecret'),
  };
  const given = (key: CredentialKey) => explicit[key] ?? environmentVariable(credentialVariables[key]) ?? '';
  if (explicit.authToken !== undefined && (explicit.apiKey !== undefined || explicit.apiSecret !== undefined)) {
    issues.push({ path: '$.authToken', message: 'pass authToken, or apiKey and apiSecret, not both' });
  }
  const useApiKey =
    explicit.authToken !== undefined
      ? false
      : explicit.apiKey !== undefined || explicit.apiSecret !== undefined
        ? true
        : // Nothing passed: the environment chooses; an API key when one is set and no Auth Token is.
          !given('authToken') && Boolean(given('apiKey') || given('apiSecret'));
  const needed: CredentialKey[] = [
    'accountSid',
    ...(useApiKey ? (['apiKey', 'apiSecret'] as const) : (['authToken'] as const)),
  ];
  for (const key of needed) {
    const value = given(key);
    const prefix = sidPrefixes[key];
    if (!value) {
      const alternative =
        key === 'authToken'
          ? ` (or apiKey and apiSecret, or ${credentialVariables.apiKey} and ${credentialVariables.apiSecret})`
          : '';
      issues.push({
        path: `$.${key}`,
        message: `missing: pass ${key} or set ${credentialVariables[key]}${alternative}`,
      });
    } else if (prefix && !new RegExp(`^${prefix}[0-9a-fA-F]{32}$`).test(value)) {
      issues.push({ path: `$.${key}`, message: `must be ${prefix} followed by 32 hex digits` });
    }
  }
  const baseUrl = resolveBaseUrl(options, issues);
  issues.push(...checkClientOptions(options));
  if (issues.length > 0) throw new ValidationError(issues);
  const password = given(useApiKey ? 'apiSecret' : 'authToken');
  const basic = base64(`${given(useApiKey ? 'apiKey' : 'accountSid')}:${password}`);
  return { baseUrl, authorization: `Basic ${basic}`, secrets: [password, basic] };
}

function resolveBaseUrl(options: ClientOptions, issues: ValidationIssue[]): string {
  if (options.baseUrl === undefined) {
    if (options.edge === undefined && options.region === undefined) return defaultBaseUrl;
    const label = /^[a-z0-9-]+$/;
    if (!options.edge || !label.test(options.edge))
      issues.push({ path: '$.edge', message: 'must be a host label, such as sydney, and comes with region' });
    if (!options.region || !label.test(options.region))
      issues.push({ path: '$.region', message: 'must be a host label, such as au1, and comes with edge' });
    return requestRules.regionalServer.replace('{edge}', options.edge ?? '').replace('{region}', options.region ?? '');
  }
  let url: URL;
  try {
    url = new URL(options.baseUrl);
  } catch {
    issues.push({ path: '$.baseUrl', message: 'must be an absolute http(s) URL' });
    return '';
  }
  if (url.username || url.password) {
    issues.push({
      path: '$.baseUrl',
      message: 'must not carry credentials (user:password@); give them apart from the URL',
    });
  } else if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    issues.push({
      path: '$.baseUrl',
      message: 'plain http is allowed only to a loopback host: credentials would cross the network in clear',
    });
  } else if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    issues.push({ path: '$.baseUrl', message: 'must be an http(s) URL' });
  } else if (/[?#]/.test(options.baseUrl)) {
    issues.push({ path: '$.baseUrl', message: 'must not have a query or a fragment' });
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** Base64 of a UTF-8 string, with what every runtime has (no Buffer). */
function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
