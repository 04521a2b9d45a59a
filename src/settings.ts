// A client's options, read once and resolved into what each of its calls uses: where and as whom
// requests go, the defaulted policy, the redactor and the logger.
import { resolveConfig } from './config.js';
import { type DefaultedOptions, defaultedOptions, defaults } from './defaults.js';
import { checkObject } from './list-params.js';
import type { ClientOptions } from './options.js';
import { readingInput } from './prepare.js';
import { type Redact, redactor } from './redact.js';
import type { RetryPolicy } from './retry.js';
import { userAgent } from './user-agent.js';

/** What a client resolves from its options at construction, for every call. */
export interface Settings
  extends Pick<DefaultedOptions, 'validate' | 'extraFields' | 'timeoutMs' | 'maxResponseBytes'> {
  baseUrl: string;
  /** The headers the client owns on every request: Authorization and User-Agent. */
  sent: Record<string, string>;
  fetch: typeof globalThis.fetch;
  redact: Redact;
  /** The logger's `debug`, never throwing; undefined without a logger. */
  log: ((line: string) => void) | undefined;
  /** The retry options, defaulted, and nothing else: no credential is kept beside the policy. */
  policy: RetryPolicy;
}

/**
 * Reads each option once, own fields only (a getter or a Proxy cannot answer differently later),
 * checks them, and gives each option left undefined its value in `defaults`.
 */
export function resolveSettings(given: ClientOptions): Settings {
  const options = readingInput(() => ({ ...checkObject(given, 'options') }), 'options') as ClientOptions;
  const { baseUrl, authorization, secrets } = resolveConfig(options);
  const defaulted = {} as Record<string, unknown>;
  for (const key of defaultedOptions) defaulted[key] = options[key] === undefined ? defaults[key] : options[key];
  const { validate, extraFields, timeoutMs, maxResponseBytes, ...policy } = defaulted as DefaultedOptions;
  const { logger } = options;
  return {
    baseUrl,
    sent: { Authorization: authorization, 'User-Agent': userAgent(options.userAgentExtension) },
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    redact: redactor(secrets),
    // A logger that throws loses its line, never the call: the request may have been applied by then.
    log:
      logger &&
      ((line: string) => {
        try {
          logger.debug(line);
        } catch {}
      }),
    validate,
    extraFields,
    timeoutMs,
    maxResponseBytes,
    policy,
  };
}
