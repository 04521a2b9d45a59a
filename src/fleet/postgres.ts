// `whatsapp-senders/fleet/postgres`: the journal of a fleet in PostgreSQL, shared by the runs and
// hosts that use one database. The rules are the file journal's: an intent is committed before its
// request goes out; a create whose outcome is unknown stays in doubt, one per account and sender_id
// (a primary key says so), until a run looks it up. Runs hold accounts, not the store: each account
// is worked by one run at a time, under a session advisory lock that the server releases when the
// run's connection ends, killed process or lost network alike. The driver is `pg`, loaded when a
// store opens: an optional peer dependency.
import { SendersError, ValidationError } from '../errors.js';
import type { AccountHold, CreateInDoubt, JournalLine, JournalStore } from './journal.js';
import { senderKey } from './journal.js';
import { maskPassword, passwordOf, urlProblem } from './postgres-url.js';

export { isPostgresUrl, maskPassword } from './postgres-url.js';

/** The version of the tables this code writes; a database with a newer one is refused. */
export const schemaVersion = 1;

/** The schema used unless told: `whatsapp_senders`. */
export const defaultSchema = 'whatsapp_senders';

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
  /** The schema of the tables, created on first use. @default 'whatsapp_senders' */
  schema?: string;
  /**
   * With a connection string: the most connections of the store's pool: one for each account worked
   * at once (`accountsAtOnce`), and one more. @default 33
   */
  maxConnections?: number;
  /**
   * The longest a statement may go unanswered (a network cut that resets nothing): past it the store
   * is lost, and the run ends as when its connection drops. @default 30_000
   */
  queryTimeoutMs?: number;
}

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

const schemaPattern = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/**
 * Opens the journal in PostgreSQL, creating its schema and tables on first use. Rejects with a
 * ValidationError for a malformed URL or schema name, a PostgresJournalError when pg is not
 * installed, the server cannot be reached, the login is refused, or the tables are newer than this
 * code; nothing is written then.
 * @example
 * const journal = await openPostgresJournal({ connectionString: process.env.JOURNAL_URL });
 * try {
 *   await applyFleet(fleet, { journal });
 * } finally {
 *   await journal.close();
 * }
 */
export async function openPostgresJournal(options: PostgresJournalOptions): Promise<PostgresJournal> {
  return PostgresJournal.open(options);
}

/** Loads pg, or says which package to add. */
async function loadDriver(): Promise<{ Pool: new (config: Record<string, unknown>) => PgPoolLike }> {
  try {
    const loaded = (await import('pg')) as unknown as { default?: unknown; Pool?: unknown };
    return (loaded.default ?? loaded) as { Pool: new (config: Record<string, unknown>) => PgPoolLike };
  } catch {
    throw new PostgresJournalError(
      'the PostgreSQL journal needs the pg package (node-postgres), which is not installed: npm install pg',
      'driver',
    );
  }
}

/** A journal in PostgreSQL, shared: runs hold it account by account. */
export class PostgresJournal implements JournalStore {
  readonly run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  readonly name: string;
  /** Every create in doubt when the store was opened, for a plan shown; a run reads each account's again once it holds it. */
  readonly createsInDoubt: ReadonlyMap<string, CreateInDoubt>;
  readonly lost: AbortSignal;
  #seq = 0;
  readonly #lose = new AbortController();
  readonly #holds = new Map<string, Held>();
  readonly #writes = new Set<Promise<unknown>>();
  readonly #schema: string;
  readonly #pool: PgPoolLike;
  readonly #owned: boolean;
  readonly #hide: (text: string) => string;
  readonly #timeoutMs: number;
  readonly #onPoolError = () => {};

  private constructor(
    setup: {
      name: string;
      schema: string;
      pool: PgPoolLike;
      owned: boolean;
      hide: (text: string) => string;
      timeoutMs: number;
    },
    createsInDoubt: ReadonlyMap<string, CreateInDoubt>,
  ) {
    this.name = setup.name;
    this.#schema = setup.schema;
    this.#pool = setup.pool;
    this.#owned = setup.owned;
    this.#hide = setup.hide;
    this.#timeoutMs = setup.timeoutMs;
    this.createsInDoubt = createsInDoubt;
    this.lost = this.#lose.signal;
    // An idle connection that ends is the pool's to replace; one holding an account ends the run (#lost).
    this.#pool.on('error', this.#onPoolError);
  }

  /** Opens the store: checks the options, loads pg, connects, and creates or checks the tables. */
  static async open(options: PostgresJournalOptions): Promise<PostgresJournal> {
    const { connectionString, pool: given } = options;
    const schema = options.schema ?? defaultSchema;
    if ((connectionString === undefined) === (given === undefined))
      throw new ValidationError([{ path: '$', message: 'give either connectionString or pool' }]);
    if (typeof schema !== 'string' || !schemaPattern.test(schema))
      throw new ValidationError([
        { path: '$.schema', message: 'must be letters, digits and _, 63 at most, not starting with a digit' },
      ]);
    if (/^(pg_|information_schema$)/i.test(schema))
      throw new ValidationError([{ path: '$.schema', message: "is PostgreSQL's own: name a schema of yours" }]);
    const maxConnections = options.maxConnections ?? 33;
    if (!Number.isInteger(maxConnections) || maxConnections < 2)
      throw new ValidationError([{ path: '$.maxConnections', message: 'must be a whole number of 2 or more' }]);
    const timeoutMs = options.queryTimeoutMs ?? 30_000;
    if (!Number.isInteger(timeoutMs) || timeoutMs < 1)
      throw new ValidationError([{ path: '$.queryTimeoutMs', message: 'must be a whole number of 1 or more' }]);
    let where = 'the pool given';
    let secrets: string[] = [];
    if (connectionString !== undefined) {
      const problem = typeof connectionString === 'string' ? urlProblem(connectionString) : 'must be a string';
      if (problem)
        throw new ValidationError([
          { path: '$.connectionString', message: `${maskPassword(String(connectionString))} ${problem}` },
        ]);
      where = shownUrl(connectionString);
      secrets = passwordOf(connectionString);
    }
    const hide = (text: string) => secrets.reduce((shown, secret) => shown.split(secret).join('***'), text);
    const Pool = given ? undefined : (await loadDriver()).Pool;
    let pool: PgPoolLike;
    try {
      pool =
        given ??
        new (Pool as NonNullable<typeof Pool>)({
          connectionString,
          max: maxConnections,
          connectionTimeoutMillis: 10_000,
          query_timeout: timeoutMs,
          keepAlive: true,
          application_name: 'whatsapp-senders',
        });
    } catch (error) {
      throw startError(error, where, hide);
    }
    const setup = { name: `${where} (schema ${schema})`, schema, pool, owned: given === undefined, hide, timeoutMs };
    // A pool that fails before it is ours to end still is: end it, and say why in words.
    const noop = () => {};
    pool.on('error', noop);
    try {
      let client: PgClientLike;
      try {
        // pg reads the files a URL names (sslcert, sslkey) as it connects, and may throw at once.
        client = await pool.connect();
      } catch (error) {
        throw startError(error, where, hide);
      }
      const query = timed(client, timeoutMs);
      try {
        const inDoubt = await createTables(query, schema)
          .then(() => readInDoubt(query, schema))
          .catch((error: unknown) => {
            throw error instanceof PostgresJournalError ? error : startError(error, where, hide);
          });
        const journal = new PostgresJournal(setup, inDoubt);
        await query(`INSERT INTO ${table(schema, 'journal')} (run, type, line) VALUES ($1, 'run', $2)`, [
          journal.run,
          { type: 'run', run: journal.run, at: Date.now(), pid: globalThis.process?.pid ?? 0 },
        ]).catch((error: unknown) => {
          throw startError(error, where, hide);
        });
        client.release();
        return journal;
      } catch (error) {
        client.release(true);
        throw error;
      }
    } catch (error) {
      if (given === undefined) await ending(pool);
      throw error;
    } finally {
      if (given !== undefined) pool.removeListener('error', noop);
    }
  }

  nextSeq(): number {
    return ++this.#seq;
  }

  async tryHoldAccount(accountSid: string): Promise<AccountHold | undefined> {
    if (this.lost.aborted) throw this.lost.reason;
    if (this.#holds.has(accountSid)) return undefined;
    let client: PgClientLike;
    try {
      client = await this.#pool.connect();
    } catch (error) {
      // Every connection of the server in use (by other runs, or other programs): try again later.
      if ((error as { code?: unknown }).code === '53300') return undefined;
      throw this.#lostBy(error);
    }
    const onError = (error: Error) => this.#lostBy(error);
    client.on('error', onError);
    const key = [this.#schema, accountSid];
    const query = timed(client, this.#timeoutMs);
    try {
      // The server probes the connection that holds the lock: a host cut off without a word lets its
      // accounts go within a minute (30 s idle, then 3 probes 10 s apart), not after the system's hours.
      const [row] = (
        await query(
          `SELECT pg_try_advisory_lock(hashtext($1), hashtext($2)) AS held,
            set_config('tcp_keepalives_idle', '30', false), set_config('tcp_keepalives_interval', '10', false),
            set_config('tcp_keepalives_count', '3', false)`,
          key,
        )
      ).rows;
      if (row?.held !== true || this.#holds.has(accountSid)) {
        if (row?.held === true) await query('SELECT pg_advisory_unlock(hashtext($1), hashtext($2))', key);
        client.removeListener('error', onError);
        client.release();
        return undefined;
      }
      const createsInDoubt = await readInDoubt(query, this.#schema, accountSid);
      let releasing: Promise<void> | undefined;
      const held: Held = {
        query,
        queue: [],
        // Once, whoever asks first (the run's account done, or close() while it ends): a client
        // given back twice is an error of pg's.
        release: () => {
          releasing ??= (async () => {
            await held.flushing;
            this.#holds.delete(accountSid);
            try {
              // A store lost may not answer at all: its connection is dropped, and the lock with it.
              if (this.lost.aborted) throw this.lost.reason;
              await query('SELECT pg_advisory_unlock(hashtext($1), hashtext($2))', key);
              client.removeListener('error', onError);
              client.release();
            } catch (error) {
              // Its session is gone, and the lock with it.
              client.release(error instanceof Error ? error : true);
            }
          })();
          return releasing;
        },
      };
      this.#holds.set(accountSid, held);
      return { createsInDoubt, release: held.release };
    } catch (error) {
      client.release(true);
      throw this.#lostBy(error);
    }
  }

  /**
   * Writes a line, committed when it resolves. An intent or outcome goes through the connection
   * that holds its account: once that connection is gone (and the lock with it), no write of the
   * account is journalled, so none is sent.
   */
  write(line: JournalLine): Promise<void> {
    const written = this.#write(line);
    this.#writes.add(written);
    void written.finally(() => this.#writes.delete(written)).catch(() => undefined);
    return written;
  }

  async #write(line: JournalLine): Promise<void> {
    if (this.lost.aborted) throw this.lost.reason;
    if (line.type === 'run') {
      await timed(this.#pool, this.#timeoutMs)(
        `INSERT INTO ${table(this.#schema, 'journal')} (run, type, line) VALUES ($1, 'run', $2)`,
        [line.run, line],
      ).catch((error: unknown) => {
        throw this.#lostBy(error);
      });
      return;
    }
    const held = this.#holds.get(line.accountSid);
    if (!held)
      throw new SendersError(
        `the account ${line.accountSid} is not held by this run: its writes cannot be journalled, and none is sent`,
      );
    return new Promise((resolve, reject) => {
      held.queue.push({ line, done: (error) => (error ? reject(error) : resolve()) });
      held.flushing ??= this.#flush(held);
    });
  }

  /**
   * Writes an account's queued lines, on its connection, in one statement each batch (group
   * commit, as the file's one fdatasync for the lines written meanwhile): the lines, the creates
   * in doubt they open, and those they end commit together or not at all.
   */
  async #flush(held: Held): Promise<void> {
    while (held.queue.length > 0) {
      const batch = held.queue.splice(0);
      if (this.lost.aborted) {
        for (const entry of batch) entry.done(this.lost.reason);
        continue;
      }
      const rows = batch.map(({ line }) => {
        const create = line.op === 'create';
        return {
          ...line,
          line,
          account_sid: line.accountSid,
          opens: create && line.type === 'intent',
          ends: create && line.type === 'outcome' && line.result !== 'ambiguous',
          sent_at: line.type === 'intent' ? line.at : null,
          timeout_ms: line.type === 'intent' ? line.timeoutMs : null,
        };
      });
      try {
        // An intent must be on disk before its request goes out: its batch commits synchronously. A
        // batch of outcomes only need not wait for the disk: one lost in a server crash leaves its
        // create in doubt, looked up by the next run, and the next synchronous commit (WAL is in
        // order) makes it durable with it.
        if (rows.some((row) => row.type === 'intent')) await held.query(this.#batchSql, [JSON.stringify(rows)]);
        else {
          await held.query('BEGIN; SET LOCAL synchronous_commit TO OFF');
          await held.query(this.#batchSql, [JSON.stringify(rows)]).catch(async (error: unknown) => {
            await held.query('ROLLBACK').catch(() => undefined);
            throw error;
          });
          await held.query('COMMIT');
        }
        for (const entry of batch) entry.done();
      } catch (error) {
        const failed =
          (error as { code?: unknown }).code === '23505'
            ? new PostgresJournalError(
                `a create of ${rows
                  .filter((row) => row.opens)
                  .map((row) => row.sender_id)
                  .join(
                    ', ',
                  )} in ${batch[0]?.line.accountSid} is in doubt already: it is looked up before another is sent; nothing was sent`,
                'database',
              )
            : this.#lostBy(error);
        for (const entry of batch) entry.done(failed);
      }
    }
    held.flushing = undefined;
  }

  /** The statement of a batch: $1 is a JSON array of lines with their columns. */
  get #batchSql(): string {
    const journal = table(this.#schema, 'journal');
    const doubts = table(this.#schema, 'creates_in_doubt');
    return `WITH l AS (
      SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(run text, seq integer, type text, op text, account_sid text,
        sender_id text, line jsonb, opens boolean, ends boolean, sent_at bigint, timeout_ms integer)
    ), written AS (
      INSERT INTO ${journal} (run, seq, type, op, account_sid, sender_id, line)
      SELECT run, seq, type, op, account_sid, sender_id, line FROM l
    ), opened AS (
      INSERT INTO ${doubts} (account_sid, sender_id, run, seq, sent_at, timeout_ms)
      SELECT account_sid, sender_id, run, seq, ${serverNow}, timeout_ms FROM l WHERE opens
    )
    DELETE FROM ${doubts} d USING l
    WHERE l.ends AND d.account_sid = l.account_sid AND d.sender_id = l.sender_id AND d.run = l.run AND d.seq = l.seq`;
  }

  /** Ends the store for this run: every write from now on is refused; the run ends with the reason. */
  #lostBy(error: unknown): PostgresJournalError {
    if (this.lost.aborted) return this.lost.reason as PostgresJournalError;
    const why = this.#hide(describe(error));
    const reason = new PostgresJournalError(
      `the connection to the journal ${this.name} was lost (${why}): no write was sent after it; run apply again, and it looks up what was in flight`,
      'lost',
    );
    this.#lose.abort(reason);
    return reason;
  }

  /**
   * Waits for the writes in flight, lets the accounts go, and ends the pool if the store made it. A
   * run still using the store ends as when it is lost: no write is sent after it.
   */
  async close(): Promise<void> {
    if (!this.lost.aborted)
      this.#lose.abort(
        new PostgresJournalError(
          `the journal ${this.name} was closed while a run used it: no write was sent after it; run apply again, and it looks up what was in flight`,
          'lost',
        ),
      );
    await Promise.allSettled([...this.#writes]);
    await Promise.all([...this.#holds.values()].map((held) => held.release()));
    // A pool of our own keeps its listener: a connection that the server ends while the pool ends
    // it too is an 'error' on the pool, which would end the process without one.
    if (this.#owned) await ending(this.#pool);
    else this.#pool.removeListener('error', this.#onPoolError);
  }
}

/** An account held: its connection (which holds its lock), and the lines waiting to be written on it. */
interface Held {
  /** Its connection's queries, each bounded by the store's timeout. */
  query: Query;
  queue: { line: Extract<JournalLine, { accountSid: string }>; done: (error?: unknown) => void }[];
  flushing?: Promise<void> | undefined;
  /** Waits for its lines, unlocks the account and gives the connection back; once. */
  release: () => Promise<void>;
}

/** A statement run on a connection or a pool. */
type Query = (text: string, values?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

/** The queries of `target`, each given up after `timeoutMs` unanswered (a network cut that resets nothing). */
function timed(target: { query: Query }, timeoutMs: number): Query {
  return (text, values) => {
    const answer = target.query(text, values);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT' })),
        timeoutMs,
      );
    });
    answer.catch(() => undefined);
    return Promise.race([answer, late]).finally(() => clearTimeout(timer));
  };
}

/** Ends a pool of the store's own, without waiting on a server that no longer answers. */
async function ending(pool: PgPoolLike): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    pool.end().catch(() => undefined),
    new Promise((resolve) => {
      timer = setTimeout(resolve, 2_000);
    }),
  ]);
  clearTimeout(timer);
}

/** The server's clock in ms since the epoch: creates in doubt are timed by it, whatever each host's clock says. */
const serverNow = '(extract(epoch FROM clock_timestamp()) * 1000)::bigint';

/** `"schema"."name"`: the schema is checked by its pattern, and quoted besides. */
const table = (schema: string, name: string) => `"${schema}"."${name}"`;

/** The URL as shown in messages: no password, no query. */
function shownUrl(text: string): string {
  const url = new URL(text.trim());
  const user = url.username ? `${decodeURIComponent(url.username)}${url.password ? ':***' : ''}@` : '';
  return `${url.protocol}//${user}${url.host}${url.pathname}`;
}

/** An error in words: its code and message, with no stack. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
}

/** Why a store could not start, in words a user can act on. */
function startError(error: unknown, where: string, hide: (text: string) => string): PostgresJournalError {
  const code = (error as { code?: unknown }).code;
  const why = hide(describe(error));
  if (code === '28P01' || code === '28000')
    return new PostgresJournalError(`the journal database ${where} refused the login (${why})`, 'login');
  const network = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET'];
  if ((typeof code === 'string' && network.includes(code)) || /timeout|terminated/i.test(why))
    return new PostgresJournalError(`cannot reach the journal database ${where} (${why})`, 'unreachable');
  return new PostgresJournalError(`the journal database ${where} failed (${why})`, 'database');
}

/**
 * Creates the schema and tables if they are missing, under a transaction lock (two first runs at
 * once create them once), and refuses tables newer than this code.
 */
async function createTables(query: Query, schema: string): Promise<void> {
  const client = { query };
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1), 0)', [`whatsapp-senders schema ${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${table(schema, 'meta')} (key text PRIMARY KEY, value text NOT NULL)`,
    );
    const [found] = (await client.query(`SELECT value FROM ${table(schema, 'meta')} WHERE key = 'schema_version'`))
      .rows;
    const version = found ? Number(found.value) : undefined;
    if (version !== undefined && !(Number.isInteger(version) && version >= 1))
      throw new PostgresJournalError(
        `the journal's tables in schema ${schema} have a version this whatsapp-senders cannot read (${JSON.stringify(String(found?.value))}): name another schema`,
        'version',
      );
    if (version !== undefined && !(version <= schemaVersion))
      throw new PostgresJournalError(
        `the journal's tables in schema ${schema} have version ${String(found?.value)}; this whatsapp-senders knows version ${schemaVersion}: upgrade whatsapp-senders, or name another schema`,
        'version',
      );
    await client.query(`CREATE TABLE IF NOT EXISTS ${table(schema, 'journal')} (
      id bigserial PRIMARY KEY,
      run text NOT NULL,
      seq integer,
      type text NOT NULL CHECK (type IN ('run', 'intent', 'outcome')),
      op text,
      account_sid text,
      sender_id text,
      line jsonb NOT NULL,
      written_at timestamptz NOT NULL DEFAULT now()
    )`);
    await client.query(
      `CREATE INDEX IF NOT EXISTS journal_sender ON ${table(schema, 'journal')} (account_sid, sender_id)`,
    );
    await client.query(`CREATE TABLE IF NOT EXISTS ${table(schema, 'creates_in_doubt')} (
      account_sid text NOT NULL,
      sender_id text NOT NULL,
      run text NOT NULL,
      seq integer NOT NULL,
      sent_at bigint NOT NULL,
      timeout_ms integer NOT NULL,
      PRIMARY KEY (account_sid, sender_id)
    )`);
    if (version === undefined)
      await client.query(`INSERT INTO ${table(schema, 'meta')} (key, value) VALUES ('schema_version', $1)`, [
        String(schemaVersion),
      ]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** The creates in doubt, of one account or of all, by `senderKey`. */
async function readInDoubt(query: Query, schema: string, accountSid?: string): Promise<Map<string, CreateInDoubt>> {
  const where = accountSid === undefined ? '' : ' WHERE account_sid = $1';
  const { rows } = await query(
    `SELECT account_sid, sender_id, run, seq, sent_at, timeout_ms, ${serverNow} AS now
     FROM ${table(schema, 'creates_in_doubt')}${where}`,
    accountSid === undefined ? [] : [accountSid],
  );
  // When each was sent, on this host's clock: the server's time of it, moved by how far this host's
  // clock is from the server's (read as the answer came: the window ends no sooner for the trip).
  const here = Date.now();
  return new Map(
    rows.map((row) => [
      senderKey(String(row.account_sid), String(row.sender_id)),
      {
        run: String(row.run),
        seq: Number(row.seq),
        at: Number(row.sent_at) - Number(row.now) + here,
        timeoutMs: Number(row.timeout_ms),
      },
    ]),
  );
}
