// `whatsapp-senders/fleet/postgres`: the journal of a fleet in PostgreSQL, shared by the runs and
// hosts that use one database. The rules are the file journal's: an intent is committed before its
// request goes out; a create whose outcome is unknown stays in doubt, one per account and sender_id
// (a primary key says so), until a run looks it up. Runs hold accounts, not the store: each account
// is worked by one run at a time, under a session advisory lock that the server releases when the
// run's connection ends, killed process or lost network alike (postgres/hold.ts). The driver is
// `pg`, loaded when a store opens: an optional peer dependency.
import { postgresDefaults } from '../defaults.js';
import { SendersError } from '../errors.js';
import type { AccountHold, CreateInDoubt, JournalLine, JournalStore } from './journal.js';
import { ending, ownPool, timed } from './postgres/connection.js';
import { closedError, describe, lostError, PostgresJournalError, startError } from './postgres/errors.js';
import { type HeldAccount, type HoldingStore, holdAccount } from './postgres/hold.js';
import { checkOptions, type PgClientLike, type PgPoolLike, type PostgresJournalOptions } from './postgres/options.js';
import { createTables, readInDoubt, runLineSql } from './postgres/tables.js';

export { PostgresJournalError } from './postgres/errors.js';
export type { PgClientLike, PgPoolLike, PostgresJournalOptions } from './postgres/options.js';
export { schemaVersion } from './postgres/tables.js';
export { isPostgresUrl, maskPassword } from './postgres-url.js';

/** The schema used unless told: `whatsapp_senders`. */
export const defaultSchema = postgresDefaults.schema;

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

/** What an opened store was started with. */
interface Setup {
  name: string;
  schema: string;
  pool: PgPoolLike;
  owned: boolean;
  hide: (text: string) => string;
  timeoutMs: number;
}

/** A journal in PostgreSQL, shared: runs hold it account by account. */
export class PostgresJournal implements JournalStore {
  readonly run: string;
  readonly name: string;
  /** Every create in doubt when the store was opened, for a plan shown; a run reads each account's again once it holds it. */
  readonly createsInDoubt: ReadonlyMap<string, CreateInDoubt>;
  readonly lost: AbortSignal;
  #seq = 0;
  readonly #lose = new AbortController();
  readonly #writes = new Set<Promise<unknown>>();
  readonly #setup: Setup;
  readonly #holding: HoldingStore;
  readonly #onPoolError = () => {};

  private constructor(run: string, setup: Setup, createsInDoubt: ReadonlyMap<string, CreateInDoubt>) {
    this.run = run;
    this.name = setup.name;
    this.#setup = setup;
    this.createsInDoubt = createsInDoubt;
    this.lost = this.#lose.signal;
    const { pool, schema, timeoutMs } = setup;
    const lostBy = (error: unknown) => this.#lostBy(error);
    this.#holding = { pool, schema, timeoutMs, holds: new Map<string, HeldAccount>(), lost: this.lost, lostBy };
    // An idle connection that ends is the pool's to replace; one holding an account ends the run (#lostBy).
    pool.on('error', this.#onPoolError);
  }

  /** Opens the store: checks the options, loads pg, connects, and creates or checks the tables. */
  static async open(options: PostgresJournalOptions): Promise<PostgresJournal> {
    const settings = checkOptions(options);
    const { given, schema, where, hide, timeoutMs } = settings;
    const pool = given ?? (await ownPool(settings));
    const setup = { name: `${where} (schema ${schema})`, schema, pool, owned: given === undefined, hide, timeoutMs };
    const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
    // A pool that fails before it is ours to end still is: end it, and say why in words.
    const noop = () => {};
    pool.on('error', noop);
    try {
      return new PostgresJournal(run, setup, await start(setup, run, where));
    } catch (error) {
      if (setup.owned) await ending(pool);
      throw error;
    } finally {
      if (!setup.owned) pool.removeListener('error', noop);
    }
  }

  nextSeq(): number {
    return ++this.#seq;
  }

  async tryHoldAccount(accountSid: string): Promise<AccountHold | undefined> {
    if (this.lost.aborted) throw this.lost.reason;
    if (this.#holding.holds.has(accountSid)) return undefined;
    const held = await holdAccount(this.#holding, accountSid);
    return held && { createsInDoubt: held.createsInDoubt, release: () => held.release() };
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
      const { pool, schema, timeoutMs } = this.#setup;
      await timed(pool, timeoutMs)(runLineSql(schema), [line.run, line]).catch((error: unknown) => {
        throw this.#lostBy(error);
      });
      return;
    }
    const held = this.#holding.holds.get(line.accountSid);
    if (!held)
      throw new SendersError(
        `the account ${line.accountSid} is not held by this run: its writes cannot be journalled, and none is sent`,
      );
    return held.write(line);
  }

  /** Ends the store for this run: every write from now on is refused; the run ends with the reason. */
  #lostBy(error: unknown): PostgresJournalError {
    if (this.lost.aborted) return this.lost.reason as PostgresJournalError;
    const reason = lostError(this.name, this.#setup.hide(describe(error)));
    this.#lose.abort(reason);
    return reason;
  }

  /**
   * Waits for the writes in flight, lets the accounts go, and ends the pool if the store made it. A
   * run still using the store ends as when it is lost: no write is sent after it.
   */
  async close(): Promise<void> {
    if (!this.lost.aborted) this.#lose.abort(closedError(this.name));
    await Promise.allSettled([...this.#writes]);
    await Promise.all([...this.#holding.holds.values()].map((held) => held.release()));
    // A pool of our own keeps its listener: a connection that the server ends while the pool ends
    // it too is an 'error' on the pool, which would end the process without one.
    if (this.#setup.owned) await ending(this.#setup.pool);
    else this.#setup.pool.removeListener('error', this.#onPoolError);
  }
}

/**
 * On one connection: creates or checks the tables, reads the creates in doubt, and writes the run's
 * first line. Any failure is a PostgresJournalError in words, and the connection is dropped.
 */
async function start(setup: Setup, run: string, where: string): Promise<Map<string, CreateInDoubt>> {
  const { pool, schema, hide, timeoutMs } = setup;
  const failed = (error: unknown): never => {
    throw error instanceof PostgresJournalError ? error : startError(error, where, hide);
  };
  let client: PgClientLike;
  try {
    // pg reads the files a URL names (sslcert, sslkey) as it connects, and may throw at once.
    client = await pool.connect();
  } catch (error) {
    return failed(error);
  }
  const query = timed(client, timeoutMs);
  try {
    const inDoubt = await createTables(query, schema)
      .then(() => readInDoubt(query, schema))
      .catch(failed);
    const line = { type: 'run', run, at: Date.now(), pid: globalThis.process?.pid ?? 0 };
    await query(runLineSql(schema), [run, line]).catch(failed);
    client.release();
    return inDoubt;
  } catch (error) {
    client.release(true);
    throw error;
  }
}
