// An account held by a run: a connection of its own that holds the account's session advisory
// lock (the server lets it go when the connection ends, killed process or lost network alike), and
// the account's lines, written on that connection by group commit.
import { postgresDefaults } from '../../defaults.js';
import { GroupCommit } from '../group-commit.js';
import type { CreateInDoubt } from '../journal.js';
import { type Query, timed } from './connection.js';
import { codeOf, PostgresJournalError } from './errors.js';
import type { PgClientLike, PgPoolLike } from './options.js';
import { type AccountLine, batchRows, batchSql, readInDoubt } from './tables.js';

/** What a held account needs of its store. */
export interface HoldingStore {
  readonly pool: PgPoolLike;
  readonly schema: string;
  readonly timeoutMs: number;
  /** The accounts this run holds: an account is held once, and forgotten when it is let go. */
  readonly holds: Map<string, HeldAccount>;
  readonly lost: AbortSignal;
  /** Ends the store for the run, and gives the reason. */
  lostBy(error: unknown): PostgresJournalError;
}

const { keepalive } = postgresDefaults;

/**
 * Takes the account's lock, with the server probing the connection that holds it (a host cut off
 * without a word lets its accounts go within a minute, not after the system's hours), and the
 * session's commits flushed to the server's disk (`off` is raised to `local`), so that an intent's
 * batch is durable whatever the server's default. True when the lock is taken.
 */
async function lockAccount(query: Query, key: string[]): Promise<boolean> {
  const [row] = (
    await query(
      `SELECT pg_try_advisory_lock(hashtext($1), hashtext($2)) AS held,
        set_config('tcp_keepalives_idle', $3, false), set_config('tcp_keepalives_interval', $4, false),
        set_config('tcp_keepalives_count', $5, false),
        CASE WHEN current_setting('synchronous_commit') = 'off' THEN set_config('synchronous_commit', 'local', false) END`,
      [...key, String(keepalive.idle), String(keepalive.interval), String(keepalive.count)],
    )
  ).rows;
  return row?.held === true;
}

const unlockSql = 'SELECT pg_advisory_unlock(hashtext($1), hashtext($2))';

/** Holds `accountSid` for the store's run on a connection of its own; undefined when another holds it. */
export async function holdAccount(store: HoldingStore, accountSid: string): Promise<HeldAccount | undefined> {
  let client: PgClientLike;
  try {
    client = await store.pool.connect();
  } catch (error) {
    // Every connection of the server in use (by other runs, or other programs): try again later.
    if (codeOf(error) === '53300') return undefined;
    throw store.lostBy(error);
  }
  const onError = (error: Error) => store.lostBy(error);
  client.on('error', onError);
  const key = [store.schema, accountSid];
  const query = timed(client, store.timeoutMs);
  try {
    const locked = await lockAccount(query, key);
    if (!locked || store.holds.has(accountSid)) {
      if (locked) await query(unlockSql, key);
      client.removeListener('error', onError);
      client.release();
      return undefined;
    }
    const createsInDoubt = await readInDoubt(query, store.schema, accountSid);
    const held = new HeldAccount(store, accountSid, createsInDoubt, { client, query, onError });
    store.holds.set(accountSid, held);
    return held;
  } catch (error) {
    client.release(true);
    throw store.lostBy(error);
  }
}

/** An account held: its connection (which holds its lock), and its lines written on it. */
export class HeldAccount {
  readonly #lines = new GroupCommit<AccountLine>((batch) => this.#commit(batch));
  #releasing: Promise<void> | undefined;

  constructor(
    private readonly store: HoldingStore,
    readonly accountSid: string,
    /** The account's creates in doubt, by `senderKey`, read once it was held. */
    readonly createsInDoubt: ReadonlyMap<string, CreateInDoubt>,
    private readonly connection: { client: PgClientLike; query: Query; onError: (error: Error) => void },
  ) {}

  /** Writes a line of the account; resolves once committed with the lines written meanwhile. */
  write(line: AccountLine): Promise<void> {
    return this.#lines.add(line);
  }

  /**
   * Waits for its lines, unlocks the account and gives the connection back; once, whoever asks
   * first (the run's account done, or close() while it ends): a client given back twice is an
   * error of pg's.
   */
  release(): Promise<void> {
    this.#releasing ??= this.#release();
    return this.#releasing;
  }

  async #release(): Promise<void> {
    const { client, query, onError } = this.connection;
    await this.#lines.settled();
    this.store.holds.delete(this.accountSid);
    try {
      // A store lost may not answer at all: its connection is dropped, and the lock with it.
      if (this.store.lost.aborted) throw this.store.lost.reason;
      await query(unlockSql, [this.store.schema, this.accountSid]);
      client.removeListener('error', onError);
      client.release();
    } catch (error) {
      // Its session is gone, and the lock with it.
      client.release(error instanceof Error ? error : true);
    }
  }

  /**
   * Commits a batch in one statement: the lines, the creates in doubt they open, and those they end
   * commit together or not at all. A batch with an intent commits synchronously (the session's
   * setting, raised by lockAccount): an intent must be on disk before its request goes out. A batch
   * of outcomes only need not wait for the disk: one lost in a server crash leaves its create in
   * doubt, looked up by the next run, and the next synchronous commit (WAL is in order) makes it
   * durable with it.
   */
  async #commit(batch: AccountLine[]): Promise<void> {
    const { lost } = this.store;
    if (lost.aborted) throw lost.reason;
    const { query } = this.connection;
    const rows = batchRows(batch);
    const sql = batchSql(this.store.schema);
    const values = [JSON.stringify(rows)];
    try {
      if (rows.some((row) => row.type === 'intent')) await query(sql, values);
      else {
        await query('BEGIN; SET LOCAL synchronous_commit TO OFF');
        await query(sql, values).catch(async (error: unknown) => {
          await query('ROLLBACK').catch(() => undefined);
          throw error;
        });
        await query('COMMIT');
      }
    } catch (error) {
      if (codeOf(error) !== '23505') throw this.store.lostBy(error);
      const senders = rows.filter((row) => row.opens).map((row) => row.sender_id);
      throw new PostgresJournalError(
        `a create of ${senders.join(', ')} in ${this.accountSid} is in doubt already: it is looked up before another is sent; nothing was sent`,
        'database',
      );
    }
  }
}
