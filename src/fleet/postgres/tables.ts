// The journal's tables and the statements on them: created on first use under a lock, refused when
// their version is not one this code reads, and a batch of lines written in one statement.
import type { CreateInDoubt, JournalLine } from '../journal.js';
import { senderKey } from '../journal.js';
import type { Query } from './connection.js';
import { PostgresJournalError } from './errors.js';

/** The version of the tables this code writes; a database with a newer one is refused. */
export const schemaVersion = 1;

/** The server's clock in ms since the epoch: creates in doubt are timed by it, whatever each host's clock says. */
const serverNow = '(extract(epoch FROM clock_timestamp()) * 1000)::bigint';

/** `"schema"."name"`: the schema is checked by its pattern, and quoted besides. */
const table = (schema: string, name: string) => `"${schema}"."${name}"`;

/** The statement that writes a run's first line. */
export const runLineSql = (schema: string) =>
  `INSERT INTO ${table(schema, 'journal')} (run, type, line) VALUES ($1, 'run', $2)`;

/**
 * Creates the schema and tables if they are missing, under a transaction lock (two first runs at
 * once create them once), and refuses tables whose version this code cannot read.
 */
export async function createTables(query: Query, schema: string): Promise<void> {
  await query('BEGIN');
  try {
    await query('SELECT pg_advisory_xact_lock(hashtext($1), 0)', [`whatsapp-senders schema ${schema}`]);
    await query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await query(`CREATE TABLE IF NOT EXISTS ${table(schema, 'meta')} (key text PRIMARY KEY, value text NOT NULL)`);
    const [found] = (await query(`SELECT value FROM ${table(schema, 'meta')} WHERE key = 'schema_version'`)).rows;
    if (found) checkVersion(found.value, schema);
    await query(`CREATE TABLE IF NOT EXISTS ${table(schema, 'journal')} (
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
    await query(`CREATE INDEX IF NOT EXISTS journal_sender ON ${table(schema, 'journal')} (account_sid, sender_id)`);
    await query(`CREATE TABLE IF NOT EXISTS ${table(schema, 'creates_in_doubt')} (
      account_sid text NOT NULL,
      sender_id text NOT NULL,
      run text NOT NULL,
      seq integer NOT NULL,
      sent_at bigint NOT NULL,
      timeout_ms integer NOT NULL,
      PRIMARY KEY (account_sid, sender_id)
    )`);
    if (!found)
      await query(`INSERT INTO ${table(schema, 'meta')} (key, value) VALUES ('schema_version', $1)`, [
        String(schemaVersion),
      ]);
    await query('COMMIT');
  } catch (error) {
    await query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Refuses a version that is not a whole number of 1 or more, or one newer than this code's. */
function checkVersion(value: unknown, schema: string): void {
  const version = Number(value);
  if (!(Number.isInteger(version) && version >= 1))
    throw new PostgresJournalError(
      `the journal's tables in schema ${schema} have a version this whatsapp-senders cannot read (${JSON.stringify(String(value))}): name another schema`,
      'version',
    );
  if (version > schemaVersion)
    throw new PostgresJournalError(
      `the journal's tables in schema ${schema} have version ${String(value)}; this whatsapp-senders knows version ${schemaVersion}: upgrade whatsapp-senders, or name another schema`,
      'version',
    );
}

/** The creates in doubt, of one account or of all, by `senderKey`. */
export async function readInDoubt(
  query: Query,
  schema: string,
  accountSid?: string,
): Promise<Map<string, CreateInDoubt>> {
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

/** A line of an account: an intent or an outcome. */
export type AccountLine = Extract<JournalLine, { accountSid: string }>;

/** The rows of a batch, each line with its columns: whether it opens a create in doubt, or ends one. */
export function batchRows(lines: AccountLine[]) {
  return lines.map((line) => {
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
}

/** The statement of a batch: $1 is a JSON array of `batchRows`. */
export function batchSql(schema: string): string {
  const journal = table(schema, 'journal');
  const doubts = table(schema, 'creates_in_doubt');
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
