// The journal of a fleet: append-only JSON lines, one intent before each write request and one
// outcome after it. An intent is on disk (fdatasync) before its request goes out, so that a run
// killed at any moment leaves every request it may have sent written down.
import { createReadStream } from 'node:fs';
import { type FileHandle, open, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { SendersError, ValidationError } from '../errors.js';
import { GroupCommit } from './group-commit.js';
import { type HeldLock, takeLock } from './lock.js';
import type { ErrorRecord } from './records.js';

export { JournalBusyError } from './lock.js';

/** What a write is. */
export type Operation = 'create' | 'update' | 'delete' | 'verify';

/** One line of the journal. */
export type JournalLine =
  | { type: 'run'; run: string; at: number; pid: number }
  | {
      type: 'intent';
      run: string;
      seq: number;
      op: Operation;
      account: string;
      accountSid: string;
      sender_id: string;
      sid?: string;
      /** When the request was sent, in ms since the epoch. */
      at: number;
      /** Its per-attempt timeout: until `at + timeoutMs` the service may still apply it. */
      timeoutMs: number;
    }
  | {
      type: 'outcome';
      run: string;
      seq: number;
      op: Operation;
      accountSid: string;
      sender_id: string;
      /**
       * `ok` and `failed` are final; `refused` (a 429) was not applied; `ambiguous` may have been;
       * `found` and `absent` end an ambiguous create by looking it up.
       */
      result: 'ok' | 'failed' | 'refused' | 'ambiguous' | 'found' | 'absent';
      sid?: string;
      status?: string;
      error?: ErrorRecord;
      at: number;
    };

/** A create that may have reached the service without its outcome being known. */
export interface CreateInDoubt {
  run: string;
  seq: number;
  /** When it was sent. */
  at: number;
  timeoutMs: number;
}

/** The key of a sender across accounts. */
export const senderKey = (accountSid: string, senderId: string) => `${accountSid} ${senderId}`;

/** An account held by one run of a shared store: no other run writes to it until `release()`. */
export interface AccountHold {
  /** The account's creates in doubt, by `senderKey`, read once it was held. */
  readonly createsInDoubt: ReadonlyMap<string, CreateInDoubt>;
  /** Lets other runs take the account. */
  release(): Promise<void>;
}

/**
 * Where a fleet keeps its journal: the file of `openJournal`, the PostgreSQL store of
 * `whatsapp-senders/fleet/postgres`, or a store of your own with the same rule. A store without
 * `tryHoldAccount` is held by one run at a time from its opening to `close()`, and `createsInDoubt`
 * is read once it is held. A store with it is shared: runs hold it account by account.
 */
export interface JournalStore {
  /** The id of this run, in every line it writes. */
  readonly run: string;
  /** Where it is, for messages: a path, a table. */
  readonly name: string;
  /** The creates that earlier runs left in doubt, by `senderKey`, as they were when this run took the store. */
  readonly createsInDoubt: ReadonlyMap<string, CreateInDoubt>;
  /** The next sequence number of this run, for an intent and its outcome. */
  nextSeq(): number;
  /** Appends a line; resolves once it is durable (an intent must be, before its request is sent). */
  write(line: JournalLine): Promise<void>;
  /** Waits for the lines written, and lets the next run take the store. */
  close(): Promise<void>;
  /**
   * A shared store only: holds the account for this run, or resolves to undefined when another run
   * (or this one) holds it. Writes of an account are journalled only while it is held.
   */
  tryHoldAccount?(accountSid: string): Promise<AccountHold | undefined>;
  /**
   * A shared store only: aborts when the store can no longer take writes (its connection is lost);
   * no write starts after it, and the run ends with `reason`.
   */
  readonly lost?: AbortSignal;
}

/** A line of a journal that was not read, and why; the line numbers count from 1. */
export interface SkippedLine {
  line: number;
  reason: string;
}

/** Opens (or creates) the journal file at `path`, taking its lock; a lock whose process is gone is taken over. */
export function openJournal(path: string): Promise<FileJournal> {
  return FileJournal.open(path);
}

/** The journal as a file of JSON lines, for one run at a time (a lock file beside it: pid, its start time, host). */
export class FileJournal implements JournalStore {
  readonly run = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  #seq = 0;
  readonly #lines = new GroupCommit<string>((batch) => this.#commit(batch));

  private constructor(
    readonly name: string,
    private readonly handle: FileHandle,
    private readonly lock: HeldLock,
    readonly createsInDoubt: ReadonlyMap<string, CreateInDoubt>,
    /** The lines that could not be read (a line torn by a kill mid-write is one), by number. */
    readonly skipped: readonly SkippedLine[],
  ) {}

  /** Opens (or creates) the journal at `path`, taking its lock first, then reading it. */
  static async open(path: string): Promise<FileJournal> {
    // A folder, a device or a pipe is no journal: reading /dev/zero would never end.
    const found = await stat(path).catch((error: NodeJS.ErrnoException) => error);
    if (!(found instanceof Error) && !found.isFile())
      throw new ValidationError([{ path, message: 'is not a regular file: the journal must be one' }]);
    const lock = await takeLock(`${path}.lock`);
    try {
      const { inDoubt, skipped } = await readJournal(path);
      const handle = await open(path, 'a+');
      // A run killed mid-write leaves a torn last line: start on a line of our own.
      const { size } = await handle.stat();
      const last = Buffer.alloc(1);
      if (size > 0 && (await handle.read(last, 0, 1, size - 1)).bytesRead === 1 && last[0] !== 0x0a)
        await handle.write('\n');
      // A new file's name must reach the disk too.
      const directory = await open(dirname(path), 'r');
      await directory.sync().catch(() => undefined);
      await directory.close();
      const journal = new FileJournal(path, handle, lock, inDoubt, skipped);
      await journal.write({ type: 'run', run: journal.run, at: Date.now(), pid: process.pid });
      return journal;
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  nextSeq(): number {
    return ++this.#seq;
  }

  /**
   * Appends a line; resolves once it is on disk. Lines written meanwhile share one fdatasync
   * (group commit), so that 40 requests in flight cost one sync, not 40.
   */
  write(line: JournalLine): Promise<void> {
    return this.#lines.add(`${JSON.stringify(line)}\n`);
  }

  async #commit(batch: string[]): Promise<void> {
    try {
      await this.handle.write(batch.join(''));
      await this.handle.datasync();
    } catch (error) {
      // A full disk names the journal, not only ENOSPC.
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new SendersError(`the journal ${this.name} cannot be written (${code})`, { cause: error });
    }
  }

  async close(): Promise<void> {
    await this.#lines.settled();
    await this.handle.close();
    await this.lock.release();
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a journal, line by line, for the creates in doubt: an intent with no outcome, or an
 * ambiguous one, and no later lookup. A line that is not a journal line (torn by a kill, `null`,
 * a number) is skipped and listed with its number.
 */
export async function readJournal(
  path: string,
): Promise<{ inDoubt: Map<string, CreateInDoubt>; skipped: SkippedLine[] }> {
  const inDoubt = new Map<string, CreateInDoubt>();
  const skipped: SkippedLine[] = [];
  const found = await stat(path).catch((error: NodeJS.ErrnoException) => error);
  if (found instanceof Error) {
    if (found.code === 'ENOENT') return { inDoubt, skipped };
    throw new SendersError(`cannot read the journal ${path}: ${found.code}`);
  }
  if (!found.isFile()) throw new ValidationError([{ path, message: 'is not a regular file: the journal must be one' }]);
  const stream = createReadStream(path, 'utf8');
  let number = 0;
  for await (const text of createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY })) {
    number++;
    if (text === '') continue;
    let line: unknown;
    try {
      line = JSON.parse(text);
    } catch {
      skipped.push({ line: number, reason: 'not JSON' });
      continue;
    }
    if (!isRecord(line) || typeof line.type !== 'string') {
      skipped.push({ line: number, reason: 'not a journal line' });
      continue;
    }
    if (line.type === 'run' || line.op !== 'create') continue;
    const { accountSid, sender_id, run, seq } = line;
    if (typeof accountSid !== 'string' || typeof sender_id !== 'string' || typeof run !== 'string') {
      skipped.push({ line: number, reason: 'a create without its account, sender_id or run' });
      continue;
    }
    const key = senderKey(accountSid, sender_id);
    if (line.type === 'intent') {
      const { at, timeoutMs } = line;
      if (typeof seq !== 'number' || typeof at !== 'number' || typeof timeoutMs !== 'number') {
        skipped.push({ line: number, reason: 'an intent without its seq, at or timeoutMs' });
        continue;
      }
      inDoubt.set(key, { run, seq, at, timeoutMs });
    } else if (line.type === 'outcome' && line.result !== 'ambiguous') {
      const open = inDoubt.get(key);
      if (open && open.run === run && open.seq === seq) inDoubt.delete(key);
    }
  }
  return { inDoubt, skipped };
}

/** The creates in doubt of the journal at `path` (read without its lock: for a plan shown, not carried out). */
export async function readCreatesInDoubt(path: string): Promise<Map<string, CreateInDoubt>> {
  return (await readJournal(path)).inDoubt;
}
