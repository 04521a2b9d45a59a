// Keeps credentials out of everything that leaves the client as text or data: errors, their
// causes, response headers, bodies and log lines.

/** Replaces every credential in a string, or in the strings of a value (a copy; the value is left as it is). */
export type Redact = <T>(value: T) => T;

const mark = '[redacted]';

// Headers whose value is a credential whatever it holds: an echo of ours, or a proxy's own.
const sensitiveHeaders = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);

/**
 * A redactor for these secrets (the Auth Token or API secret, and the Basic credentials built from
 * them), as they are and URL-encoded. A service or a proxy may echo a header back anywhere.
 * The walk is iterative: a body nested a million levels deep is redacted, not a RangeError.
 */
export function redactor(secrets: readonly string[]): Redact {
  const forms = [...new Set(secrets.flatMap((secret) => [secret, encodeURIComponent(secret)]))]
    .filter((form) => form.length >= 4)
    .sort((a, b) => b.length - a.length);
  // `includes` first: most texts hold no credential, and a split allocates even when nothing matches.
  const text = (value: string) =>
    forms.reduce((result, form) => (result.includes(form) ? result.split(form).join(mark) : result), value);
  const walk = (root: unknown): unknown => {
    if (typeof root === 'string') return text(root);
    if (typeof root !== 'object' || root === null) return root;
    const copies = new Map<object, object>();
    const copyOf = (value: object): object => {
      let copy = copies.get(value);
      if (copy === undefined) {
        copy = Array.isArray(value) ? [] : {};
        copies.set(value, copy);
        pending.push([value, copy]);
      }
      return copy;
    };
    const pending: [object, object][] = [];
    const result = copyOf(root);
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
      const [from, to] = next;
      for (const [key, item] of Object.entries(from)) {
        const copy =
          typeof item === 'string' ? text(item) : typeof item === 'object' && item !== null ? copyOf(item) : item;
        // defineProperty, so that a `__proto__` key stays a key and never becomes a prototype.
        Object.defineProperty(to, Array.isArray(to) ? key : text(key), {
          value: copy,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
    }
    return result;
  };
  return walk as Redact;
}

/** A header's value as it may be shown: a credential header's whole value (its scheme kept), else by value. */
function shownHeader(name: string, value: string, redact: Redact): string {
  if (!sensitiveHeaders.has(name.toLowerCase())) return redact(value);
  const scheme = /^(basic|bearer|digest) /i.exec(value)?.[0] ?? '';
  return `${scheme}${mark}`;
}

/** Headers as a plain object for an error or a line, names kept as written: see `shownHeader`. */
export function redactHeaders(
  headers: Headers | Readonly<Record<string, string>>,
  redact: Redact,
): Record<string, string> {
  const shown: Record<string, string> = {};
  const entries = headers instanceof Headers ? [...headers] : Object.entries(headers);
  for (const [name, value] of entries) {
    Object.defineProperty(shown, redact(name), {
      value: shownHeader(name, value, redact),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return shown;
}

/**
 * A redacted copy of a failure and of every cause in its chain: message, stack, name and every
 * other own field. An Error stays of its class; a cycle or a chain past 16 links ends there.
 */
export function redactCause(failure: unknown, redact: Redact, depth = 0): unknown {
  if (!(failure instanceof Error)) return safely(() => redact(failure));
  if (depth >= 16) return new Error('[cause chain cut]');
  const copy = Object.create(Object.getPrototypeOf(failure)) as Error;
  // `stack` may be an accessor, own or inherited, that reads the original's internal state: read it.
  const keys = new Set([...Object.getOwnPropertyNames(failure), 'stack', 'message']);
  for (const key of keys) {
    const descriptor = safely(() => Object.getOwnPropertyDescriptor(failure, key));
    const original = safely(() => (failure as unknown as Record<string, unknown>)[key]);
    if (original === undefined && !descriptor) continue;
    const value =
      key === 'cause'
        ? redactCause(original, redact, depth + 1)
        : key === 'errors' && Array.isArray(original)
          ? original.map((item: unknown) => redactCause(item, redact, depth + 1))
          : safely(() => redact(original));
    Object.defineProperty(copy, key, {
      value,
      enumerable: descriptor?.enumerable ?? false,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}

function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
