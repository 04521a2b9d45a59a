// The store's connections: pg loaded when a store opens (an optional peer dependency), the store's
// own pool, and every statement bounded in time, so that a network cut that resets nothing ends the
// run instead of hanging it.
import { postgresDefaults } from '../../defaults.js';
import { PostgresJournalError, startError } from './errors.js';
import type { PgPoolLike, StoreSettings } from './options.js';

/** A statement run on a connection or a pool. */
export type Query = (text: string, values?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

type Driver = { Pool: new (config: Record<string, unknown>) => PgPoolLike };

/** Loads pg, or says which package to add. */
async function loadDriver(): Promise<Driver> {
  try {
    const loaded = (await import('pg')) as unknown as { default?: unknown; Pool?: unknown };
    return (loaded.default ?? loaded) as Driver;
  } catch {
    throw new PostgresJournalError(
      'the PostgreSQL journal needs the pg package (node-postgres), which is not installed: npm install pg',
      'driver',
    );
  }
}

/** The pool a store opened with a connection string makes, bounded as the store's own statements are. */
export async function ownPool(settings: StoreSettings): Promise<PgPoolLike> {
  const { Pool } = await loadDriver();
  try {
    return new Pool({
      connectionString: settings.connectionString,
      max: settings.maxConnections,
      connectionTimeoutMillis: postgresDefaults.connectTimeoutMs,
      query_timeout: settings.timeoutMs,
      keepAlive: true,
      application_name: 'whatsapp-senders',
    });
  } catch (error) {
    throw startError(error, settings.where, settings.hide);
  }
}

/** `answer`, or what `late()` gives (or throws) once `ms` have passed without it; the timer is cleared either way. */
async function within<T>(answer: Promise<T>, ms: number, late: () => T): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<T>((resolve, reject) => {
    timer = setTimeout(() => {
      try {
        resolve(late());
      } catch (error) {
        reject(error);
      }
    }, ms);
  });
  answer.catch(() => undefined);
  try {
    return await Promise.race([answer, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** The queries of `target`, each given up after `timeoutMs` unanswered (a network cut that resets nothing). */
export function timed(target: { query: Query }, timeoutMs: number): Query {
  return (text, values) =>
    within(target.query(text, values), timeoutMs, () => {
      throw Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT' });
    });
}

/** Ends a pool of the store's own, without waiting on a server that no longer answers. */
export async function ending(pool: PgPoolLike): Promise<void> {
  await within(
    pool.end().catch(() => undefined),
    postgresDefaults.poolEndMs,
    () => undefined,
  );
}
