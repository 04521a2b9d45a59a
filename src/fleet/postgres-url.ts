// What a PostgreSQL journal's URL may be, and how it is shown: with its password masked, even when
// it is malformed. No driver here: the CLI checks a URL before it loads one.

/** The schemes of a PostgreSQL URL: `--journal postgres://…` chooses the PostgreSQL store. */
export const isPostgresUrl = (text: string): boolean => /^postgres(ql)?:\/\//i.test(text.trim());

/**
 * `text` with the password of any URL in it masked (`postgres://user:***@host/db`): everything from
 * the colon after the user name to the last `@` is hidden, so that a password holding `@` or `/`
 * is hidden whole.
 */
export function maskPassword(text: string): string {
  const start = text.indexOf('://');
  const at = text.lastIndexOf('@');
  if (start < 0 || at < start) return text;
  const colon = text.indexOf(':', start + 3);
  if (colon < 0 || colon > at) return text;
  return `${text.slice(0, colon)}:***${text.slice(at)}`;
}

/** What is wrong with a PostgreSQL URL, in words; undefined when it can be used. */
export function urlProblem(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return 'cannot be read as a URL';
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

/** The password of a URL, decoded, for redaction; empty when it has none or cannot be read. */
export function passwordOf(text: string): string[] {
  try {
    const { password } = new URL(text.trim());
    if (!password) return [];
    try {
      return [...new Set([password, decodeURIComponent(password)])];
    } catch {
      return [password];
    }
  } catch {
    return [];
  }
}
