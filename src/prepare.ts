// Building a request in one pass: each input of the caller is read once, the body is serialized
// once, what that text parses to is validated, and exactly that text is sent. A getter that
// answers differently on its second read, a toJSON that adds a key, a Date or a wrapper object
// where an object belongs, a key named `constructor`: what is checked is what leaves.
import { SendersError, ValidationError } from './errors.js';

/** The body as it will be sent, and the value that text parses to, which is what gets validated. */
export interface SerializedBody {
  text: string;
  value: unknown;
}

/**
 * Serializes a body once. A body JSON cannot hold (a cycle, a BigInt, a function, a throwing
 * getter or Proxy trap) is a ValidationError even with `validate: false`, never a half-sent request.
 * `undefined` stays undefined: no body.
 */
export function serializeBody(body: unknown): SerializedBody | undefined {
  if (body === undefined) return undefined;
  let text: string | undefined;
  try {
    text = JSON.stringify(body);
  } catch (error) {
    if (error instanceof SendersError) throw error;
    // Only on failure: find the field, reading the input a second time to name it.
    const path = readingInput(() => culprit(body, '$', []), '$') ?? '$';
    throw new ValidationError([{ path, message: `cannot be sent as JSON: ${describe(error)}` }]);
  }
  if (text === undefined) {
    throw new ValidationError([{ path: '$', message: `cannot be sent as JSON: a ${typeof body} has no JSON form` }]);
  }
  return { text, value: JSON.parse(text) };
}

/** The path of the first field JSON.stringify fails on: a cycle, a BigInt, a throwing getter or toJSON. */
function culprit(value: unknown, path: string, ancestors: unknown[]): string | undefined {
  if (ancestors.length > 256) return path;
  let current = value;
  try {
    const toJSON = (current as { toJSON?: unknown } | null)?.toJSON;
    if (typeof toJSON === 'function') current = toJSON.call(current);
  } catch {
    return path;
  }
  if (typeof current === 'bigint') return path;
  if (typeof current !== 'object' || current === null) return undefined;
  if (ancestors.includes(current)) return path;
  let keys: string[];
  try {
    keys = Object.keys(current);
  } catch {
    return path;
  }
  for (const key of keys) {
    const at = Array.isArray(current)
      ? `${path}[${key}]`
      : /^[A-Za-z_$][\w$]*$/.test(key)
        ? `${path}.${key}`
        : `${path}[${JSON.stringify(key)}]`;
    let item: unknown;
    try {
      item = (current as Record<string, unknown>)[key];
    } catch {
      return at;
    }
    const found = culprit(item, at, [...ancestors, current]);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Runs `read`, which reads what a caller passed, and turns anything it throws that is not one of
 * this package's errors (a throwing getter, a Proxy trap, a revoked Proxy, a stack overflow) into
 * a ValidationError at `path`: nothing has been sent.
 */
export function readingInput<T>(read: () => T, path = '$', what = 'cannot be read'): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof SendersError) throw error;
    throw new ValidationError([{ path, message: `${what}: ${describe(error)}` }]);
  }
}

// Redacts what a caller's code threw before a ValidationError quotes it; set for the (synchronous)
// duration of `buildingWith`, so that no error holding a credential is ever made.
let redactQuoted: (text: string) => string = (text) => text;

/** Runs `build` (synchronous) with `redact` applied to every thrown message a ValidationError quotes. */
export function buildingWith<T>(redact: (text: string) => string, build: () => T): T {
  const previous = redactQuoted;
  redactQuoted = redact;
  try {
    return readingInput(build);
  } finally {
    redactQuoted = previous;
  }
}

function describe(error: unknown): string {
  try {
    return redactQuoted(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  } catch {
    return 'an error that cannot be shown';
  }
}

// Headers the client sets or the transport owns: a caller's value would override ours, or be
// joined to ours into one header (`Basic ours, theirs`), or break the request's framing.
const reservedHeaders = new Set([
  'authorization',
  'accept',
  'accept-encoding',
  'content-type',
  'user-agent',
  'content-length',
  'transfer-encoding',
  'host',
  'connection',
]);

/**
 * The headers of a request: the caller's, then ours, names as written. A caller's header that
 * names one of ours (in any case) is refused. A name or value fetch would refuse never gets here:
 * readRequestOptions checks each against RFC 9110's characters (src/options.ts).
 */
export function requestHeaders(
  extra: Readonly<Record<string, string>>,
  ours: Readonly<Record<string, string>>,
): Record<string, string> {
  const names = Object.keys(extra);
  if (names.length === 0) return { ...ours }; // the usual call: nothing of the caller's to check
  const refused = names
    .filter((name) => reservedHeaders.has(name.toLowerCase()))
    .map((name) => ({
      path: `options.headers[${JSON.stringify(name)}]`,
      message: 'is set by the client and cannot be overridden or added to',
    }));
  if (refused.length > 0) throw new ValidationError(refused);
  const headers: Record<string, string> = {};
  const seen = new Set<string>();
  for (const [name, value] of Object.entries(extra)) {
    const at = `options.headers[${JSON.stringify(name)}]`;
    // Two spellings of one name would be joined into one value: `Prefer: a, b`.
    if (seen.has(name.toLowerCase()))
      throw new ValidationError([{ path: at, message: 'is given twice, in different cases' }]);
    seen.add(name.toLowerCase());
    headers[name] = value;
  }
  return { ...headers, ...ours };
}
