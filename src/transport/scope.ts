// Where a request may go with the credentials: under the base URL, its origin and its path, and
// only to the resource its sid names.
import { ValidationError } from '../errors.js';
import { readingInput } from '../prepare.js';

/**
 * Whether `url` is under `baseUrl` (origin and path): `https://host/tenant-a` covers
 * `/tenant-a/v2/…`, never `/tenant-b/…` or `/tenant-a-other/…`. Compared parsed, so a default
 * port or an upper-case host changes nothing; a dot segment is resolved before it is compared. A URL
 * with a user name or password the base URL does not have is not under it.
 */
export function isUnder(url: string | URL, baseUrl: string): boolean {
  const target = new URL(url);
  const base = new URL(baseUrl);
  const path = base.pathname.replace(/\/$/, '');
  // A user name or password in the URL is not the base URL's: fetch would refuse it, or send it as credentials.
  const sameUser = target.username === base.username && target.password === base.password;
  return (
    target.origin === base.origin && sameUser && (target.pathname === path || target.pathname.startsWith(`${path}/`))
  );
}

/** Throws a ValidationError, before anything is sent, unless `url` is under `baseUrl`. */
export function refuseElsewhere(url: string, baseUrl: string, shown: (text: string) => string): void {
  if (!isUnder(url, baseUrl)) {
    throw new ValidationError([
      { path: 'url', message: `${shown(url)} is not under ${baseUrl}: credentials go only there` },
    ]);
  }
}

/**
 * A sid as one path segment. Percent-encoding is not enough for `.` and `..`: URL parsers treat
 * `%2e%2e` as `..` too, and the request would go to another resource. An empty segment would
 * reach the collection. All three are refused, with or without `validate`, in every client.
 */
export function pathSegment(sid: unknown, path = '$.sid'): string {
  const text = readingInput(() => String(sid), path);
  if (text === '' || text === '.' || text === '..') {
    throw new ValidationError([{ path, message: `cannot be ${JSON.stringify(text)}: it would change the path` }]);
  }
  return readingInput(() => encodeURIComponent(text), path, 'cannot be put in a URL');
}
