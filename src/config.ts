import { requestRules } from '../generated/request-rules.js';
import { ValidationError, type ValidationIssue } from './errors.js';
import { type ClientOptions, checkClientOptions } from './options.js';

/** The global host of the service: the spec's `servers[0]`. */
export const defaultBaseUrl: string = requestRules.server;

const credentialVariables = {
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

/** Reads the environment where there is one (Node, Deno, Bun); edge workers have none. */
function environment(): Record<string, string | undefined> {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env ?? {};
}

// The prefix of a credential that is a sid: AC or SK, then 32 hex digits.
const sidPrefixes: Partial<Record<keyof typeof credentialVariables, string>> = { accountSid: 'AC', apiKey: 'SK' };

/**
 * Resolves credentials and the base URL, or throws a ValidationError that names
 * what is missing. Never puts a credential's value in a message.
 */
export function resolveConfig(options: ClientOptions): ResolvedConfig {
  const env = environment();
  const given = (key: keyof typeof credentialVariables) => options[key] ?? env[credentialVariables[key]] ?? '';
  // An API key is used when one is given and no Auth Token is.
  const useApiKey = Boolean(given('apiKey') || given('apiSecret')) && !given('authToken');
  const issues: ValidationIssue[] = [];
  const needed: (keyof typeof credentialVariables)[] = [
    'accountSid',
    ...(useApiKey ? (['apiKey', 'apiSecret'] as const) : (['authToken'] as const)),
  ];
  for (const key of needed) {
    const value = given(key);
    const prefix = sidPrefixes[key];
    if (!value) {
      const alternative =
        key === 'authToken' ? ' (or apiKey and apiSecret, or TWILIO_API_KEY and TWILIO_API_SECRET)' : '';
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
    issues.push({ path: '$.baseUrl', message: 'must not carry credentials; pass them as options' });
  } else if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    issues.push({
      path: '$.baseUrl',
      message: 'plain http is allowed only to a loopback host: credentials would cross the network in clear',
    });
  } else if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    issues.push({ path: '$.baseUrl', message: 'must be an http(s) URL' });
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
