// Keeps credentials out of what leaves the client as text: errors and log lines.

/** Replaces every credential in a string, or in the strings of a parsed JSON value. */
export type Redact = <T>(value: T) => T;

const mark = '[redacted]';

/**
 * A redactor for these secrets (the Auth Token or API secret, and the Basic credentials built from
 * them), as they are and URL-encoded. A service or a proxy may echo a header back in a body.
 */
export function redactor(secrets: readonly string[]): Redact {
  const forms = [...new Set(secrets.flatMap((secret) => [secret, encodeURIComponent(secret)]))]
    .filter((form) => form.length >= 4)
    .sort((a, b) => b.length - a.length);
  const text = (value: string) => forms.reduce((result, form) => result.split(form).join(mark), value);
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return text(value);
    if (Array.isArray(value)) return value.map(walk);
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [text(key), walk(item)]));
    }
    return value;
  };
  return walk as Redact;
}
