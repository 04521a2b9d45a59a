// What a PostgreSQL journal is opened with: a connection string or a pool of the user's, and the
// options, checked whole before pg is loaded or anything is sent.
import { postgresDefaults } from '../../defaults.js';
import { ValidationError } from '../../errors.js';
import { maskPassword, passwordOf, shownUrl, urlProblem } from '../postgres-url.js';

/** The part of a `pg` client the store uses. */
export interface PgClientLike {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  release(destroy?: boolean | Error): void;
  on(event: 'error', listener: (error: Error) => void): unknown;
  removeListener(event: 'error', listener: (error: Error) => void): unknown;
}

/** The part of a `pg.Pool` the store uses: pass your own `pg.Pool`. */
export interface PgPoolLike {
  connect(): Promise<PgClientLike>;
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  end(): Promise<void>;
  on(event: 'error', listener: (error: Error) => void): unknown;
  removeListener(event: 'error', listener: (error: Error) => void): unknown;
}

/** Options of openPostgresJournal: a connection string, or a pool of your own. */
export interface PostgresJournalOptions {
  /** `postgres://user:password@host:port/database` (or `postgresql://`); the store makes its own pool and ends it on close. */
  connectionString?: string;
  /** Your own `pg.Pool`, left open on close. It needs one connection per account worked at once, and one more. */
  pool?: PgPoolLike;
  /** The schema of the tables, created on first use. @default postgresDefaults.schema */
  schema?: string;
  /**
   * With a connection string: the most connections of the store's pool: one for each account worked
   * at once (`accountsAtOnce`), and one more. @default postgresDefaults.maxConnections
   */
  maxConnections?: number;
  /**
   * The longest a statement may go unanswered (a network cut that resets nothing): past it the store
   * is lost, and the run ends as when its connection drops. @default postgresDefaults.queryTimeoutMs
   */
  queryTimeoutMs?: number;
}

/** The options checked, with their defaults. */
export interface StoreSettings {
  schema: string;
  maxConnections: number;
  timeoutMs: number;
  connectionString: string | undefined;
  /** The user's pool, left open on close; without it the store makes its own. */
  given: PgPoolLike | undefined;
  /** The store in messages: its URL with no password or query, or `the pool given`. */
  where: string;
  /** Takes the URL's passwords out of a text (a driver's message may quote them). */
  hide: (text: string) => string;
}

const schemaPattern = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

const refuse = (path: string, message: string) => new ValidationError([{ path, message }]);

/** Checks the options whole; a ValidationError names the first wrong one, with any password masked. */
export function checkOptions(options: PostgresJournalOptions): StoreSettings {
  const { connectionString, pool: given } = options;
  const schema = options.schema ?? postgresDefaults.schema;
  if ((connectionString === undefined) === (given === undefined))
    throw refuse('$', 'give either connectionString or pool');
  if (typeof schema !== 'string' || !schemaPattern.test(schema))
    throw refuse('$.schema', 'must be letters, digits and _, 63 at most, not starting with a digit');
  if (/^(pg_|information_schema$)/i.test(schema))
    throw refuse('$.schema', "is PostgreSQL's own: name a schema of yours");
  const maxConnections = options.maxConnections ?? postgresDefaults.maxConnections;
  if (!Number.isInteger(maxConnections) || maxConnections < 2)
    throw refuse('$.maxConnections', 'must be a whole number of 2 or more');
  const timeoutMs = options.queryTimeoutMs ?? postgresDefaults.queryTimeoutMs;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1)
    throw refuse('$.queryTimeoutMs', 'must be a whole number of 1 or more');
  const settings = { schema, maxConnections, timeoutMs, connectionString, given };
  if (connectionString === undefined) return { ...settings, where: 'the pool given', hide: (text) => text };
  const problem = typeof connectionString === 'string' ? urlProblem(connectionString) : 'must be a string';
  if (problem) throw refuse('$.connectionString', `${maskPassword(String(connectionString))} ${problem}`);
  const secrets = passwordOf(connectionString);
  const hide = (text: string) => secrets.reduce((shown, secret) => shown.split(secret).join('***'), text);
  return { ...settings, where: shownUrl(connectionString), hide };
}
