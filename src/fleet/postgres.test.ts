// The journal in PostgreSQL, against a real server this file starts (src/test/postgres.ts), and the
// sandbox as the Senders service, on a real socket. Grouped by guarantee: the tables; bad input and
// faults refused with nothing sent and no password shown; never twice (the constraint, the intent
// before the request, the in-doubt rule across runs, the one-sender call from two replicas); the
// work shared by runs; a lost connection stops the writes.
import { createServer, request as httpRequest } from 'node:http';
import { type AddressInfo, connect, createServer as createTcpServer, type Socket } from 'node:net';
import pg from 'pg';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ValidationError } from '../errors.js';
import { fixture, senderIdOf } from '../test/fleet-fixtures.js';
import { type FleetService, startFleetService } from '../test/fleet-service.js';
import { startPostgres } from '../test/postgres.js';
import { applyFleet } from './apply.js';
import { ensureSender } from './ensure.js';
import { planFleet } from './plan.js';
import { openPostgresJournal, PostgresJournalError, type PostgresJournalOptions, schemaVersion } from './postgres.js';

const server = await startPostgres();
let schemas = 0;
/** A schema of its own for each test: tests never see each other's rows. */
const freshSchema = () => `t${++schemas}_${process.pid}`;
const services: FleetService[] = [];
afterAll(async () => {
  await Promise.all(services.map((service) => service.close()));
});
const open = (schema: string, more: Partial<PostgresJournalOptions> = {}) =>
  openPostgresJournal({ connectionString: server.url, schema, ...more });

async function service(fx: ReturnType<typeof fixture>, options: Parameters<typeof startFleetService>[0] | object = {}) {
  const started = await startFleetService({ accounts: fx.credentials, ...options });
  services.push(started);
  return started;
}

const settings = (fx: ReturnType<typeof fixture>, svc: FleetService) => ({
  baseUrl: svc.url,
  env: fx.env,
  timeoutMs: 1_000,
  pollIntervalMs: 5,
});

const writesOf = (svc: FleetService) => svc.log.filter((entry) => entry.method !== 'GET');

/**
 * Every create the service received had its intent committed first: no create went out unjournalled,
 * before a connection was lost or after. (Counted per account and sender_id, whenever it arrived.)
 */
async function everyCreateJournalled(svc: FleetService, schema: string) {
  const rows = await server.sql(
    `SELECT account_sid, sender_id, count(*)::int AS n FROM "${schema}".journal
     WHERE type = 'intent' AND op = 'create' GROUP BY account_sid, sender_id`,
  );
  const intents = new Map(rows.map((row) => [`${row.account_sid} ${row.sender_id}`, Number(row.n)]));
  const creates = new Map<string, number>();
  for (const entry of svc.log)
    if (entry.method === 'POST') {
      const key = `${entry.accountSid} ${entry.senderId}`;
      creates.set(key, (creates.get(key) ?? 0) + 1);
    }
  expect(creates.size).toBeGreaterThan(0);
  const unjournalled = [...creates].filter(([key, n]) => (intents.get(key) ?? 0) < n);
  expect(unjournalled).toEqual([]);
}

/** A run after a fault, with a store of its own: it converges, every sender created once, none unjournalled. */
async function nextRunConverges(fx: ReturnType<typeof fixture>, svc: FleetService, schema: string) {
  const next = await open(schema);
  const report = await applyFleet(fx.fleet, { ...settings(fx, svc), journal: next });
  await next.close();
  expect(report.ok).toBe(true);
  for (const sender of fx.fleet.senders) expect(svc.createsOf(fx.sidOf(sender.account), sender.body.sender_id)).toBe(1);
  await everyCreateJournalled(svc, schema);
}

describe('the tables', () => {
  it('are created on first use in the schema named, with the version, and five first runs at once create them once', async () => {
    const schema = freshSchema();
    const stores = await Promise.all(Array.from({ length: 5 }, () => open(schema)));
    await Promise.all(stores.map((store) => store.close()));
    const tables = await server.sql('SELECT table_name FROM information_schema.tables WHERE table_schema = $1', [
      schema,
    ]);
    expect(tables.map((row) => row.table_name).sort()).toEqual(['creates_in_doubt', 'journal', 'meta']);
    expect(await server.sql(`SELECT value FROM "${schema}".meta WHERE key = 'schema_version'`)).toEqual([
      { value: String(schemaVersion) },
    ]);
    const runs = await server.sql(`SELECT count(*)::int AS n FROM "${schema}".journal WHERE type = 'run'`);
    expect(runs).toEqual([{ n: 5 }]);
  });

  it('refuses a version it cannot read as a number, and says so', async () => {
    const schema = freshSchema();
    await (await open(schema)).close();
    await server.sql(`UPDATE "${schema}".meta SET value = 'abc' WHERE key = 'schema_version'`);
    const error = await open(schema).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PostgresJournalError);
    expect((error as Error).message).toContain('have a version this whatsapp-senders cannot read ("abc")');
  });

  it('closed while a run uses it: the run ends as when the store is lost, and the next run converges, no duplicate', async () => {
    const fx = fixture(2, 40);
    const svc = await service(fx, { latencyMs: 50 });
    const schema = freshSchema();
    const journal = await open(schema);
    let closing: Promise<void> | undefined;
    let creates = 0;
    svc.onCreate = () => {
      if (++creates === 10) closing = journal.close();
    };
    const error = await applyFleet(fx.fleet, { ...settings(fx, svc), journal, concurrency: 4 }).catch(
      (e: unknown) => e,
    );
    await closing;
    expect(error).toBeInstanceOf(PostgresJournalError);
    expect((error as Error).message).toContain('was closed while a run used it: no write was sent after it');
    expect(creates).toBeLessThan(40);
    await nextRunConverges(fx, svc, schema);
  });

  it.each(['0', '-1', '1.5', ''])(
    'refuses a version below 1 or not whole (%j) as a version error, and writes nothing',
    async (value) => {
      const schema = freshSchema();
      await (await open(schema)).close();
      await server.sql(`UPDATE "${schema}".meta SET value = $1 WHERE key = 'schema_version'`, [value]);
      const error = await open(schema).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PostgresJournalError);
      expect((error as PostgresJournalError).reason).toBe('version');
      expect((error as Error).message).toContain(`cannot read (${JSON.stringify(value)})`);
      expect(await server.sql(`SELECT count(*)::int AS n FROM "${schema}".journal`)).toEqual([{ n: 1 }]);
    },
  );

  it('refuses tables newer than the code, naming both versions, and writes nothing', async () => {
    const schema = freshSchema();
    await (await open(schema)).close();
    await server.sql(`UPDATE "${schema}".meta SET value = '${schemaVersion + 1}' WHERE key = 'schema_version'`);
    const error = await open(schema).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PostgresJournalError);
    expect((error as PostgresJournalError).reason).toBe('version');
    expect((error as Error).message).toContain(`version ${schemaVersion + 1}`);
    expect((error as Error).message).toContain(`knows version ${schemaVersion}`);
    expect(await server.sql(`SELECT count(*)::int AS n FROM "${schema}".journal`)).toEqual([{ n: 1 }]);
  });
});

describe('your own pool', () => {
  it('is used as given (a pg.Pool fits the option) and left open after close', async () => {
    const fx = fixture(2, 4);
    const svc = await service(fx);
    const pool = new pg.Pool({ connectionString: server.url, max: 4 });
    try {
      const schema = freshSchema();
      const journal = await openPostgresJournal({ pool, schema });
      expect((await applyFleet(fx.fleet, { ...settings(fx, svc), journal })).ok).toBe(true);
      await journal.close();
      const { rows } = await pool.query(`SELECT count(*)::int AS n FROM "${schema}".journal WHERE type = 'intent'`);
      expect(rows).toEqual([{ n: 4 }]);
    } finally {
      await pool.end();
    }
  });

  it('refuses both a pool and a URL, or neither', async () => {
    const pool = new pg.Pool({ connectionString: server.url });
    try {
      for (const options of [{}, { pool, connectionString: server.url }]) {
        const error = await openPostgresJournal(options).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as Error).message).toBe('$: give either connectionString or pool');
      }
    } finally {
      await pool.end();
    }
  });
});

describe('bad input and faults: a clear error, nothing sent, no password shown', () => {
  const fx = fixture(1, 3);
  const refused = async (journalOptions: PostgresJournalOptions) => {
    const svc = await service(fx);
    const error = await openPostgresJournal(journalOptions)
      .then((journal) => applyFleet(fx.fleet, { ...settings(fx, svc), journal }))
      .catch((e: unknown) => e);
    expect(svc.requests).toBe(0);
    expect(String((error as Error).message)).not.toContain(server.password);
    expect(JSON.stringify(error)).not.toContain(server.password);
    return error as Error;
  };

  it('an unreachable server: named by host and port', async () => {
    // Port 1, where nothing listens: a port freed for the test could be taken by another file's server.
    const port = 1;
    const error = await refused({ connectionString: `postgres://postgres:${server.password}@127.0.0.1:${port}/db` });
    expect(error).toBeInstanceOf(PostgresJournalError);
    expect(error.message).toContain(`cannot reach the journal database postgres://postgres:***@127.0.0.1:${port}/db`);
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('a wrong password: the login refused', async () => {
    const error = await refused({ connectionString: server.wrongPasswordUrl });
    expect(error).toBeInstanceOf(PostgresJournalError);
    expect((error as PostgresJournalError).reason).toBe('login');
    expect(error.message).toMatch(/refused the login \(28P01: password authentication failed for user "postgres"\)/);
    expect(error.message).not.toContain(`not-${server.password}`);
  });

  it.each([
    [`postgres://u:${'pw'}@host:notaport/db`, 'cannot be read as a URL'],
    [`mysql://u:${'pw'}@host/db`, 'is not a PostgreSQL URL'],
    ['postgres://u:pw@[::1/db', 'cannot be read as a URL'],
  ])('a malformed URL %#: named with its password masked', async (url, problem) => {
    const error = await refused({ connectionString: url.replace('pw', server.password) });
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toContain('$.connectionString: ');
    expect(error.message).toContain(problem);
    expect(error.message).toMatch(/:\/\/u:\*\*\*@/);
    expect(error.message).not.toContain(server.password);
  });

  it('a PostgreSQL URL given as a path: refused, masked, with the way to open it', async () => {
    const svc = await service(fx);
    const calls = [
      () => applyFleet(fx.fleet, { ...settings(fx, svc), journal: server.url }),
      () => planFleet(fx.fleet, { ...settings(fx, svc), journal: server.url }),
      () =>
        ensureSender({
          sender: { sender_id: 'whatsapp:+15017122661', profile: { name: 'Acme' } },
          accountSid: fx.sidOf('a0'),
          credentials: { authToken: fx.env.FLEET_TEST_TOKEN_0 ?? '' },
          journal: server.url,
          baseUrl: svc.url,
        }),
    ];
    for (const call of calls) {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as Error).message).toContain('$.journal: postgres://postgres:***@127.0.0.1:');
      expect((error as Error).message).toContain('give the store of openPostgresJournal');
      expect(JSON.stringify(error) + String((error as Error).stack)).not.toContain(server.password);
    }
    expect(svc.requests).toBe(0);
  });

  it("a schema of PostgreSQL's own", async () => {
    for (const schema of ['pg_catalog', 'information_schema', 'PG_toast']) {
      const error = await refused({ connectionString: server.url, schema });
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.message).toBe("$.schema: is PostgreSQL's own: name a schema of yours");
    }
  });

  it('a schema name that is not one', async () => {
    const error = await refused({ connectionString: server.url, schema: 'x"; drop table y; --' });
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toContain('$.schema');
  });
});

describe('never twice', () => {
  it('holds one create in doubt per account and sender_id by a primary key, not by a read', async () => {
    const schema = freshSchema();
    const journal = await open(schema);
    const accountSid = fixture(1, 1).sidOf('a0');
    const hold = await journal.tryHoldAccount(accountSid);
    expect(hold).toBeDefined();
    const intent = (seq: number) =>
      journal.write({
        type: 'intent',
        run: journal.run,
        seq,
        op: 'create',
        account: 'a0',
        accountSid,
        sender_id: senderIdOf(1),
        at: Date.now(),
        timeoutMs: 1_000,
      });
    await intent(1);
    const second = await intent(2).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(PostgresJournalError);
    expect((second as Error).message).toContain('is in doubt already');
    // The database itself refuses a second row, whoever writes it.
    const direct = await server
      .sql(`INSERT INTO "${schema}".creates_in_doubt VALUES ($1, $2, 'other', 1, 0, 1000)`, [accountSid, senderIdOf(1)])
      .catch((e: { code?: string }) => e.code);
    expect(direct).toBe('23505');
    await hold?.release();
    await journal.close();
  });

  it('commits each intent before its request goes out: another connection sees it as the request arrives', async () => {
    const fx = fixture(2, 20);
    const svc = await service(fx, { latencyMs: 5 });
    const schema = freshSchema();
    const watcher = new pg.Client(server.url);
    await watcher.connect();
    const seen: boolean[] = [];
    // A proxy in front of the service: each create is checked against the table before it is passed on.
    const proxy = createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks);
      if (request.method === 'POST') {
        const { sender_id } = JSON.parse(body.toString('utf8'));
        const { rows } = await watcher.query(
          `SELECT 1 FROM "${schema}".creates_in_doubt WHERE sender_id = $1 UNION ALL SELECT 1 FROM "${schema}".journal WHERE type = 'intent' AND sender_id = $1`,
          [sender_id],
        );
        seen.push(rows.length >= 2);
      }
      const upstream = httpRequest(
        `${svc.url}${request.url}`,
        { method: request.method, headers: request.headers },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      upstream.end(body);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const journal = await open(schema);
      const report = await applyFleet(fx.fleet, {
        ...settings(fx, svc),
        baseUrl: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
        journal,
      });
      await journal.close();
      expect(report.ok).toBe(true);
      expect(seen).toHaveLength(20);
      expect(seen.every(Boolean)).toBe(true);
      // Every create ended: no doubt is left behind.
      expect(await server.sql(`SELECT count(*)::int AS n FROM "${schema}".creates_in_doubt`)).toEqual([{ n: 0 }]);
    } finally {
      proxy.close();
      await watcher.end();
    }
  });

  it("commits an intent's batch synchronously even where the server's default is off, and outcomes alone asynchronously", async () => {
    const schema = freshSchema();
    const connectionString = `${server.url}?options=-c%20synchronous_commit%3Doff`;
    const journal = await openPostgresJournal({ connectionString, schema });
    // Each line notes the synchronous_commit its transaction commits with.
    await server.sql(`CREATE TABLE "${schema}".seen (type text, setting text)`);
    await server.sql(`CREATE FUNCTION "${schema}".note() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO "${schema}".seen VALUES (NEW.type, current_setting('synchronous_commit')); RETURN NEW; END $$`);
    await server.sql(
      `CREATE TRIGGER note AFTER INSERT ON "${schema}".journal FOR EACH ROW EXECUTE FUNCTION "${schema}".note()`,
    );
    const accountSid = fixture(1, 1).sidOf('a0');
    const hold = await journal.tryHoldAccount(accountSid);
    const line = {
      run: journal.run,
      seq: 1,
      op: 'create' as const,
      accountSid,
      sender_id: senderIdOf(0),
      at: Date.now(),
    };
    await journal.write({ type: 'intent', ...line, account: 'a0', timeoutMs: 1_000 });
    await journal.write({ type: 'outcome', ...line, result: 'ok' });
    await hold?.release();
    await journal.close();
    expect(await server.sql(`SELECT type, setting FROM "${schema}".seen`)).toEqual([
      { type: 'intent', setting: 'local' },
      { type: 'outcome', setting: 'off' },
    ]);
  });

  it("times another host's create in doubt by the server's clock: a host whose clock is a minute ahead still waits", async () => {
    const fx = fixture(1, 1);
    const svc = await service(fx, { lostAnswerShare: 1 });
    const schema = freshSchema();
    const first = await open(schema);
    const stop = new AbortController();
    svc.onCreate = () => setTimeout(() => stop.abort(new Error('stopped')), 50);
    await applyFleet(fx.fleet, { ...settings(fx, svc), timeoutMs: 2_000, journal: first, signal: stop.signal });
    await first.close();
    // The create lands 1.5 s late, while the window (2 s timeout, 1 s margin) is still open.
    setTimeout(svc.hide(fx.sidOf('a0')), 1_500);
    svc.traffic.configure({ lostAnswerShare: 0 });
    // The next run's host: its clock is 60 s ahead.
    const real = Date.now.bind(Date);
    const skew = vi.spyOn(Date, 'now').mockImplementation(() => real() + 60_000);
    try {
      const second = await open(schema);
      const report = await applyFleet(fx.fleet, { ...settings(fx, svc), journal: second });
      await second.close();
      expect(report.ok).toBe(true);
    } finally {
      skew.mockRestore();
    }
    expect(svc.createsOf(fx.sidOf('a0'), senderIdOf(0))).toBe(1);
  });

  it("resolves another run's create in doubt by looking it up after its window: found, not sent again", async () => {
    const fx = fixture(1, 1);
    // The first create is applied and its answer lost; the run is stopped while it waits to look it up.
    const svc = await service(fx, { lostAnswerShare: 1 });
    const schema = freshSchema();
    const first = await open(schema);
    const stop = new AbortController();
    svc.onCreate = () => setTimeout(() => stop.abort(new Error('stopped')), 50);
    const stopped = await applyFleet(fx.fleet, {
      ...settings(fx, svc),
      timeoutMs: 2_000,
      journal: first,
      signal: stop.signal,
    });
    await first.close();
    expect(stopped.ok).toBe(false);
    expect(await server.sql(`SELECT sender_id FROM "${schema}".creates_in_doubt`)).toEqual([
      { sender_id: senderIdOf(0) },
    ]);
    // That create lands late: after the next run has read the account.
    setTimeout(svc.hide(fx.sidOf('a0')), 300);
    // Another run, with a store of its own, as on another host.
    svc.traffic.configure({ lostAnswerShare: 0 });
    const second = await open(schema);
    const [doubt] = [...second.createsInDoubt.values()];
    const report = await applyFleet(fx.fleet, { ...settings(fx, svc), journal: second });
    await second.close();
    expect(report.ok).toBe(true);
    expect(report.entries[0]).toMatchObject({ result: 'created', note: expect.stringContaining('earlier run') });
    expect(svc.createsOf(fx.sidOf('a0'), senderIdOf(0))).toBe(1);
    // Looked up once the window of the create had passed, as the file journal does.
    const lookups = svc.log.filter((entry) => entry.method === 'GET' && entry.at > (doubt?.at ?? 0) + 2_000);
    expect(lookups.length).toBeGreaterThan(0);
    expect(await server.sql(`SELECT count(*)::int AS n FROM "${schema}".creates_in_doubt`)).toEqual([{ n: 0 }]);
  });

  it('two replicas registering the same number at once: one create, and both end with the same sender', async () => {
    const fx = fixture(1, 1);
    const svc = await service(fx, { latencyMs: 100 });
    const schema = freshSchema();
    const replicas = await Promise.all([open(schema), open(schema)]);
    const sender = { sender_id: 'whatsapp:+15017122661', profile: { name: 'Acme' } };
    const results = await Promise.all(
      replicas.map((journal) =>
        ensureSender({
          sender,
          accountSid: fx.sidOf('a0'),
          credentials: { authToken: fx.env.FLEET_TEST_TOKEN_0 ?? '' },
          journal,
          baseUrl: svc.url,
          pollIntervalMs: 5,
        }),
      ),
    );
    await Promise.all(replicas.map((journal) => journal.close()));
    expect(svc.createsOf(fx.sidOf('a0'), sender.sender_id)).toBe(1);
    expect(results[0]?.sid).toMatch(/^XE/);
    expect(results[1]?.sid).toBe(results[0]?.sid);
    expect(results.map((result) => result.result).sort()).toEqual(['created', 'unchanged']);
  });
});

describe('runs that share a store share the fleet', () => {
  it('each account is worked by one run at a time: both runs create, each sender once, and a third run writes nothing', async () => {
    const fx = fixture(6, 60);
    const svc = await service(fx, { latencyMs: 100 });
    const schema = freshSchema();
    const stores = await Promise.all([open(schema), open(schema)]);
    const reports = await Promise.all(
      stores.map((journal) => applyFleet(fx.fleet, { ...settings(fx, svc), journal, accountsAtOnce: 1 })),
    );
    expect(reports.every((report) => report.ok)).toBe(true);
    for (let i = 0; i < 60; i++) expect(svc.createsOf(fx.sidOf(`a${i % 6}`), senderIdOf(i))).toBe(1);
    // The work was shared: each run sent creates.
    const byRun = await server.sql(
      `SELECT run, count(*)::int AS n FROM "${schema}".journal WHERE type = 'intent' AND op = 'create' GROUP BY run`,
    );
    expect(byRun.map((row) => row.run).sort()).toEqual(stores.map((store) => store.run).sort());
    await Promise.all(stores.map((store) => store.close()));
    const writes = writesOf(svc).length;
    const third = await open(schema);
    expect((await applyFleet(fx.fleet, { ...settings(fx, svc), journal: third })).ok).toBe(true);
    await third.close();
    expect(writesOf(svc).length).toBe(writes);
  });

  it('refuses an accountsAtOnce that is not a whole number of 1 or more, before anything is sent', async () => {
    const fx = fixture(1, 1);
    const svc = await service(fx);
    const journal = await open(freshSchema());
    for (const accountsAtOnce of [0, 1.5, -1, Number.NaN]) {
      const error = await applyFleet(fx.fleet, { ...settings(fx, svc), journal, accountsAtOnce }).catch((e) => e);
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).toBe('accountsAtOnce must be a whole number of 1 or more');
    }
    await journal.close();
    expect(svc.requests).toBe(0);
  });
});

describe('a lost connection', () => {
  it('stops the writes at once, says so, and the next run converges with no duplicate', async () => {
    const fx = fixture(2, 80);
    const svc = await service(fx, { latencyMs: 50 });
    const schema = freshSchema();
    const journal = await open(schema);
    let cutAt = 0;
    let creates = 0;
    let cut: Promise<unknown> | undefined;
    svc.onCreate = () => {
      if (++creates !== 10) return;
      cut = server
        .sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'whatsapp-senders'")
        .then(() => {
          cutAt = Date.now();
        });
    };
    const error = await applyFleet(fx.fleet, { ...settings(fx, svc), journal, concurrency: 4 }).catch(
      (e: unknown) => e,
    );
    await cut;
    await journal.close();
    expect(error).toBeInstanceOf(PostgresJournalError);
    expect((error as PostgresJournalError).reason).toBe('lost');
    expect((error as Error).message).toContain('no write was sent after it');
    expect((error as Error).message).not.toContain(server.password);
    expect(cutAt).toBeGreaterThan(0);
    // No create went out without its intent, in flight at the cut or after: the writes stopped with it.
    expect(writesOf(svc).length).toBeLessThan(160);
    await nextRunConverges(fx, svc, schema);
  });

  it('a network cut that resets nothing: the run ends within the query timeout, says so, and sends no write after', async () => {
    const fx = fixture(2, 40);
    const svc = await service(fx, { latencyMs: 30 });
    // A TCP proxy in front of the server that can go silent: bytes stop both ways, no socket closes.
    let frozen = false;
    const sockets: Socket[] = [];
    const proxy = createTcpServer((inbound) => {
      const outbound = connect(server.port, '127.0.0.1');
      for (const [from, to] of [
        [inbound, outbound],
        [outbound, inbound],
      ] as const) {
        from.on('data', (chunk) => {
          if (!frozen) to.write(chunk);
        });
        from.on('error', () => undefined);
        from.on('close', () => to.destroy());
      }
      sockets.push(inbound, outbound);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const url = server.url.replace(`:${server.port}/`, `:${(proxy.address() as AddressInfo).port}/`);
    const schema = freshSchema();
    const journal = await openPostgresJournal({ connectionString: url, schema, queryTimeoutMs: 1_000 });
    let cutAt = 0;
    let creates = 0;
    svc.onCreate = () => {
      if (++creates !== 10) return;
      frozen = true;
      cutAt = Date.now();
    };
    try {
      const error = await applyFleet(fx.fleet, { ...settings(fx, svc), journal, concurrency: 4 }).catch(
        (e: unknown) => e,
      );
      const endedAt = Date.now();
      await journal.close();
      expect(error).toBeInstanceOf(PostgresJournalError);
      expect((error as PostgresJournalError).reason).toBe('lost');
      // Its own bound, or the driver's (the store's pool is given the same): either is the timeout.
      expect((error as Error).message).toMatch(/was lost \((no answer within 1000 ms|Query read timeout)\)/);
      // It ends by its timeout, not by the operating system's hours.
      expect(endedAt - cutAt).toBeLessThan(15_000);
    } finally {
      for (const socket of sockets) socket.destroy();
      proxy.close();
    }
    // The cut connections closed, the server lets their accounts go: the next run converges, no duplicate.
    await nextRunConverges(fx, svc, schema);
  });

  it('keeps no password in the tables', async () => {
    const schema = freshSchema();
    const fx = fixture(1, 2);
    const svc = await service(fx);
    const journal = await open(schema);
    await applyFleet(fx.fleet, { ...settings(fx, svc), journal });
    await journal.close();
    const rows = await server.sql(`SELECT line::text AS line FROM "${schema}".journal`);
    expect(rows.length).toBeGreaterThan(2);
    for (const row of rows) {
      expect(row.line).not.toContain(server.password);
      expect(row.line).not.toContain(fx.env.FLEET_TEST_TOKEN_0);
    }
  });
});
