// The PostgreSQL journal's errors: one class, a reason a program can branch on, and messages that
// name the database by its URL with no password.
import { SendersError } from '../../errors.js';

/** Why a PostgreSQL journal failed: the reason in a word, and a message that names no password. */
export class PostgresJournalError extends SendersError {
  static override readonly kind: string = 'PostgresJournalError';
  constructor(
    message: string,
    /** `driver` (pg is not installed), `unreachable`, `login`, `version` (the tables are newer), `lost` (the connection ended mid-run), `database`. */
    readonly reason: 'driver' | 'unreachable' | 'login' | 'version' | 'lost' | 'database',
  ) {
    super(message);
  }
}

/** A driver's or the server's error code (`28P01`, `ECONNREFUSED`), when it has one. */
export const codeOf = (error: unknown): unknown => (error as { code?: unknown } | undefined)?.code;

/** An error in words: its code and message, with no stack. */
export function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = codeOf(error);
  return typeof code === 'string' && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
}

const networkCodes = [
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNRESET',
];

/** Why a store could not start, in words a user can act on; `hide` takes the passwords out. */
export function startError(error: unknown, where: string, hide: (text: string) => string): PostgresJournalError {
  const code = codeOf(error);
  const why = hide(describe(error));
  if (code === '28P01' || code === '28000')
    return new PostgresJournalError(`the journal database ${where} refused the login (${why})`, 'login');
  if ((typeof code === 'string' && networkCodes.includes(code)) || /timeout|terminated/i.test(why))
    return new PostgresJournalError(`cannot reach the journal database ${where} (${why})`, 'unreachable');
  return new PostgresJournalError(`the journal database ${where} failed (${why})`, 'database');
}

/** The reason a store is lost: no write is sent after it. */
export function lostError(name: string, why: string): PostgresJournalError {
  return new PostgresJournalError(
    `the connection to the journal ${name} was lost (${why}): no write was sent after it; run apply again, and it looks up what was in flight`,
    'lost',
  );
}

/** The reason a store closed under a run ends that run. */
export function closedError(name: string): PostgresJournalError {
  return new PostgresJournalError(
    `the journal ${name} was closed while a run used it: no write was sent after it; run apply again, and it looks up what was in flight`,
    'lost',
  );
}
