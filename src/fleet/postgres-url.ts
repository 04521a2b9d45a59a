// What a PostgreSQL journal's URL may be, and how it is shown: with its password masked, even when
// it is malformed. No driver here: the CLI checks a URL before it loads one.
import { ValidationError } from '../errors.js';

/** The schemes of a PostgreSQL URL: `--journal postgres://…` chooses the PostgreSQL store. */
export const isPostgresUrl = (text: string): boolean => /^postgres(ql)?:\/\//i.test(text.trim());

/** A password given as a parameter: `?password=…`, `&sslpassword=…`, or `password='…'` in a key=value string. */
const passwordParameter = /\b((?:ssl)?password)(\s*=\s*)('(?:[^'\\]|\\.)*'|[^&\s]*)/gi;

/**
 * `text` with every password in it masked: a URL's (`postgres://user:***@host/db`), where everything
 * from the colon after the user name to the last `@` is hidden, so that a password holding `@` or
 * `/` is hidden whole; and every `password=` or `sslpassword=` parameter's value.
 */
export function maskPassword(text: string): string {
  const masked = text.replace(passwordParameter, '$1$2***');
  const start = masked.indexOf('://');
  const at = masked.lastIndexOf('@');
  if (start < 0 || at < start) return masked;
  const colon = masked.indexOf(':', start + 3);
  if (colon < 0 || colon > at) return masked;
  return `${masked.slice(0, colon)}:***${masked.slice(at)}`;
}

/** The URL as shown in messages: no password, no query. Only for a URL that `urlProblem` accepts. */
export function shownUrl(text: string): string {
  const url = new URL(text.trim());
  const user = url.username ? `${decodeURIComponent(url.username)}${url.password ? ':***' : ''}@` : '';
  return `${url.protocol}//${user}${url.host}${url.pathname}`;
}

/** What is wrong with a PostgreSQL URL, in words; undefined when it can be used. */
export function urlProblem(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return 'cannot be read as a URL (check its host and port; a user name or password holding / # ? @ : or % must be percent-encoded)';
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')
    return 'is not a PostgreSQL URL (postgres:// or postgresql://)';
  try {
    decodeURIComponent(url.password);
    decodeURIComponent(url.username);
  } catch {
    return 'has a user name or password that is not percent-encoded';
  }
  return undefined;
}

/** The passwords of a URL (its own, and its password parameters), as written and decoded, for redaction. */
export function passwordOf(text: string): string[] {
  const found: string[] = [];
  try {
    const url = new URL(text.trim());
    found.push(url.password, url.searchParams.get('password') ?? '', url.searchParams.get('sslpassword') ?? '');
  } catch {
    // Masked by its shape alone (maskPassword).
  }
  for (const [, , , value] of text.matchAll(passwordParameter)) found.push(value ?? '');
  const decoded = found.flatMap((secret) => {
    try {
      return [secret, decodeURIComponent(secret)];
    } catch {
      return [secret];
    }
  });
  return [...new Set(decoded.filter((secret) => secret.length > 0))];
}

/**
 * A PostgreSQL URL given where a path goes is refused, masked: the store is opened with
 * openPostgresJournal (whatsapp-senders/fleet/postgres), never taken for a file of that name.
 */
export function refuseUrl(journal: unknown): void {
  if (typeof journal === 'string' && isPostgresUrl(journal))
    throw new ValidationError([
      {
        path: '$.journal',
        message: `${maskPassword(journal)} is a PostgreSQL URL, not a path: give the store of openPostgresJournal (whatsapp-senders/fleet/postgres)`,
      },
    ]);
}
