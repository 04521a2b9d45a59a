// Collects every error this package creates during a test file, and every debug line, so that the
// suite-wide check can look for credentials in all of them.
import { inspect } from 'node:util';
import { SendersError } from '../errors.js';

/** Everything produced so far in this test file: errors and log lines. */
export const produced: unknown[] = [];

/** Records a log line (or anything else a user could print). */
export const record = (item: unknown) => void produced.push(item);

/**
 * Records each SendersError as it is made. Its constructor assigns `this.name`; a setter on the
 * prototype sees that assignment, records the instance and stores the name as it would have been.
 */
export function watchErrors(): void {
  Object.defineProperty(SendersError.prototype, 'name', {
    configurable: true,
    get: () => 'SendersError',
    set(this: object, value: string) {
      Object.defineProperty(this, 'name', { value, writable: true, enumerable: true, configurable: true });
      produced.push(this);
    },
  });
}

/** Every way a user could print `item`, and every field a program could read from it. */
function renderings(item: unknown): Record<string, string> {
  if (typeof item === 'string') return { text: item };
  const shown: Record<string, string> = {
    inspect: inspect(item, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    json: safeJson(item),
  };
  // Each link of the cause chain on its own, and the fields a program reads: the request id,
  // the URL, the headers and the body, which `inspect` could abbreviate.
  let link: unknown = item;
  for (let depth = 0; link instanceof Error && depth < 20; depth++) {
    const at = depth === 0 ? '' : `cause ${depth} `;
    shown[`${at}message`] = link.message;
    shown[`${at}stack`] = link.stack ?? '';
    shown[`${at}string`] = String(link);
    const fields = link as unknown as Record<string, unknown>;
    for (const field of ['requestId', 'url', 'headers', 'body', 'issues', 'location']) {
      if (field in fields) shown[`${at}${field}`] = safeJson(fields[field]);
    }
    link = (link as { cause?: unknown }).cause;
  }
  if (link !== undefined && !(link instanceof Error)) shown['last cause'] = safeJson(link);
  return shown;
}

function safeJson(value: unknown): string {
  try {
    return String(JSON.stringify(value));
  } catch {
    return inspect(value, { depth: 4 });
  }
}

/** A secret as it is, URL-encoded, and JSON-escaped: an echo can carry any of these. */
const formsOf = (secret: string) => [
  ...new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]),
];

/** Where a secret shows in `items`: one line per finding, empty when nothing leaks. */
export function leaksIn(items: readonly unknown[], secrets: readonly string[]): string[] {
  const found: string[] = [];
  for (const [index, item] of items.entries()) {
    for (const [how, text] of Object.entries(renderings(item))) {
      for (const [which, secret] of secrets.entries()) {
        if (formsOf(secret).some((form) => text.includes(form))) {
          const kind = item instanceof Error ? item.name : typeof item;
          found.push(`item ${index} (${kind}), its ${how}, holds secret #${which}`);
        }
      }
    }
  }
  return found;
}
