// The journal of a fleet: append-only JSON lines, one intent before each write request and one
// outcome after it. An intent is on disk (fdatasync) before its request goes out, so that a run
// killed at any moment leaves every request it may have sent written down.
import { createReadStream } from 'node:fs';
import { type FileHandle, open, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { SendersError } from '../errors.js';

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
      error?: { status?: number; code?: number; message: string; requestId?: string };
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

/**
 * Reads a journal, line by line, for the creates in doubt: an intent with no outcome, or an
 * ambiguous one, and no later lookup. A torn last line (a kill mid-write) is skipped.
 */
export async function readCreatesInDoubt(path: string): Promise<Map<string, CreateInDoubt>> {
  const inDoubt = new Map<string, CreateInDoubt>();
  try {
    await stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return inDoubt;
    throw new SendersError(`cannot read the journal ${path}: ${(error as NodeJS.ErrnoException).code}`);
  }
  const stream = createReadStream(path, 'utf8');
  for await (const text of createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY })) {
    let line: JournalLine;
    try {
      line = JSON.parse(text);
    } catch {
      continue;
    }
    if (line.type === 'run' || line.op !== 'create') continue;
    const key = senderKey(line.accountSid, line.sender_id);
    if (line.type === 'intent') {
      inDoubt.set(key, { run: line.run, seq: line.seq, at: line.at, timeoutMs: line.timeoutMs });
    } else if (line.result !== 'ambiguous') {
      const open = inDoubt.get(key);
      if (open && open.run === line.run && open.seq === line.seq) inDoubt.delete(key);
    }
  }
  return inDoubt;
}

/** Another run holds the journal. */
export class JournalBusyError extends SendersError {
  static override readonly kind: string = 'JournalBusyError';
}

/** The journal, open for appending, by one run at a time (a lock file beside it: pid, its start time, host). */
export class Journal {
  readonly run = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  #seq = 0;
  #queue: { line: string; done: (error?: unknown) => void }[] = [];
  #flushing: Promise<void> | undefined;

  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    private readonly lock: string,
  ) {}

  /** Opens (or creates) the journal at `path`, taking its lock; a lock whose process is gone is taken over. */
  static async open(path: string): Promise<Journal> {
    const lock = `${path}.lock`;
    await takeLock(lock);
    try {
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
      const journal = new Journal(path, handle, lock);
      await journal.write({ type: 'run', run: journal.run, at: Date.now(), pid: process.pid });
      return journal;
    } catch (error) {
      await unlink(lock).catch(() => undefined);
      throw error;
    }
  }

  /** The next sequence number of this run, for an intent and its outcome. */
  nextSeq(): number {
    return ++this.#seq;
  }

  /**
   * Appends a line; resolves once it is on disk. Lines written meanwhile share one fdatasync
   * (group commit), so that 40 requests in flight cost one sync, not 40.
   */
  write(line: JournalLine): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ line: `${JSON.stringify(line)}\n`, done: (error) => (error ? reject(error) : resolve()) });
      this.#flushing ??= this.#flush();
    });
  }

  async #flush(): Promise<void> {
    while (this.#queue.length > 0) {
      const batch = this.#queue.splice(0);
      try {
        await this.handle.write(batch.map((entry) => entry.line).join(''));
        await this.handle.datasync();
        for (const entry of batch) entry.done();
      } catch (error) {
        for (const entry of batch) entry.done(error);
      }
    }
    this.#flushing = undefined;
  }

  /** Waits for the lines written, closes the file and frees the lock. */
  async close(): Promise<void> {
    await this.#flushing;
    await this.handle.close();
    await unlink(this.lock).catch(() => undefined);
  }
}

/** What a lock holds: the pid, when that process started (where the system says), and the host. */
interface LockHolder {
  pid: number;
  start?: string | undefined;
  host?: string | undefined;
}

async function takeLock(lock: string): Promise<void> {
  const mine: LockHolder = { pid: process.pid, start: await startOf(process.pid), host: hostname() };
  for (let tries = 0; tries < 2; tries++) {
    try {
      await writeFile(lock, JSON.stringify(mine), { flag: 'wx' });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = parseLock(await readFile(lock, 'utf8').catch(() => ''));
    if (holder && (await holds(holder))) {
      const where = holder.host && holder.host !== mine.host ? ` on ${holder.host}` : '';
      throw new JournalBusyError(
        `another apply (pid ${holder.pid}${where}) is using this journal; its lock is ${lock}. ` +
          `If no apply is running on this journal (that process ended, or the pid is now another program's), delete ${lock} and run again.`,
      );
    }
    await unlink(lock).catch(() => undefined);
  }
  throw new JournalBusyError(`cannot take the lock ${lock}; if no apply is running on this journal, delete it`);
}

/** The holder of a lock: JSON, or the bare pid of earlier versions; undefined when torn or empty. */
function parseLock(text: string): LockHolder | undefined {
  try {
    const data = JSON.parse(text) as unknown;
    if (typeof data === 'number') return Number.isInteger(data) && data > 0 ? { pid: data } : undefined;
    if (typeof data !== 'object' || data === null) return undefined;
    const { pid, start, host } = data as Record<string, unknown>;
    if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0) return undefined;
    return {
      pid,
      ...(typeof start === 'string' ? { start } : {}),
      ...(typeof host === 'string' ? { host } : {}),
    };
  } catch {
    return undefined;
  }
}

/**
 * Whether the holder may still be at work. On another host it cannot be told: yes. Here, its pid
 * must be alive, and, where the system gives start times, be the same process that took the lock
 * (a pid reused by another program after a crash is not the holder).
 */
async function holds(holder: LockHolder): Promise<boolean> {
  if (holder.host !== undefined && holder.host !== hostname()) return true;
  if (!alive(holder.pid)) return false;
  if (holder.start === undefined) return true;
  const start = await startOf(holder.pid);
  return start === undefined || start === holder.start;
}

/** When a process started, in clock ticks since boot (Linux's /proc); undefined elsewhere. */
async function startOf(pid: number): Promise<string | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  // The fields after the command name (in parentheses, which may hold spaces): starttime is the 20th.
  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
