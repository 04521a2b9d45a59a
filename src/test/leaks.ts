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

/** Every way a user could print `item`. */
function renderings(item: unknown): Record<string, string> {
  if (typeof item === 'string') return { text: item };
  const shown: Record<string, string> = {
    inspect: inspect(item, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    json: String(JSON.stringify(item)),
  };
  if (item instanceof Error) {
    shown.message = item.message;
    shown.stack = item.stack ?? '';
    shown.string = String(item);
  }
  return shown;
}

/** Where a secret shows in `items`: one line per finding, empty when nothing leaks. */
export function leaksIn(items: readonly unknown[], secrets: readonly string[]): string[] {
  const found: string[] = [];
  for (const [index, item] of items.entries()) {
    for (const [how, text] of Object.entries(renderings(item))) {
      for (const [which, secret] of secrets.entries()) {
        if (text.includes(secret)) {
          const kind = item instanceof Error ? item.name : typeof item;
          found.push(`item ${index} (${kind}), its ${how}, holds secret #${which}`);
        }
      }
    }
  }
  return found;
}
