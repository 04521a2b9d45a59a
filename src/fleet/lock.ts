// The lock of a journal: one run at a time. The lock file is written aside, whole, and linked into
// place (link() fails when the name exists), so that of two runs exactly one makes it, and none
// ever reads a lock made but not yet written. A lock left by a process that is gone is taken over
// under a second file made the same way (`….takeover`): of many runs that judged it stale at once,
// exactly one holds the takeover, and it replaces the lock only if the lock still holds what it
// judged stale. Each lock carries a nonce, and a run removes the lock only while it holds its own.
import { link, readFile, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { SendersError } from '../errors.js';

/** Another run holds the journal. */
export class JournalBusyError extends SendersError {
  static override readonly kind: string = 'JournalBusyError';
}

/** What a lock holds: the pid, when that process started (where the system says), the host, and a nonce of this hold. */
interface LockHolder {
  pid: number;
  start?: string | undefined;
  host?: string | undefined;
  nonce?: string | undefined;
}

/** A lock held: `release()` removes it, only if it is still this one. */
export interface HeldLock {
  release(): Promise<void>;
}

/** Takes the lock at `lock`, or rejects with a JournalBusyError that says which file to delete, and when. */
export async function takeLock(lock: string): Promise<HeldLock> {
  const mine: LockHolder = {
    pid: process.pid,
    start: await startOf(process.pid),
    host: hostname(),
    nonce: nonce(),
  };
  const text = JSON.stringify(mine);
  const held: HeldLock = { release: () => removeIf(lock, text) };
  const takeover = `${lock}.takeover`;
  for (let tries = 0; tries < 3; tries++) {
    if (await create(lock, text)) return held;
    const judged = await readFile(lock, 'utf8').catch(() => undefined);
    if (judged === undefined) continue; // removed meanwhile: try again
    const holder = parseLock(judged);
    if (holder && (await holds(holder))) throw busy(lock, holder, mine);
    // Stale: only the run that makes the takeover file may replace it.
    if (!(await create(takeover, text))) {
      const other = parseLock(await readFile(takeover, 'utf8').catch(() => ''));
      if (other && !(await holds(other)))
        throw new JournalBusyError(
          `a run taking over the stale lock ${lock} ended midway; if no apply is running on this journal, delete ${takeover} and run again`,
        );
      throw busy(lock, other ?? holder ?? { pid: 0 }, mine);
    }
    try {
      // Another run may have taken it over and released the takeover before this one judged it.
      if ((await readFile(lock, 'utf8').catch(() => undefined)) === judged) await unlink(lock).catch(() => undefined);
      if (await create(lock, text)) return held;
    } finally {
      await removeIf(takeover, text);
    }
  }
  throw new JournalBusyError(`cannot take the lock ${lock}; if no apply is running on this journal, delete it`);
}

/** Tells one hold, or one file set aside, from another: unique, not secret. */
const nonce = () => `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

function busy(lock: string, holder: LockHolder, mine: LockHolder): JournalBusyError {
  const where = holder.host && holder.host !== mine.host ? ` on ${holder.host}` : '';
  return new JournalBusyError(
    `another apply (pid ${holder.pid}${where}) is using this journal; its lock is ${lock}. ` +
      `If no apply is running on this journal (that process ended, or the pid is now another program's), delete ${lock} and run again.`,
  );
}

/**
 * Makes `path` holding `text`, only if it does not exist; false when it does. Written aside, then
 * linked: another run never reads a lock made but not yet written (empty, so judged stale).
 */
async function create(path: string, text: string): Promise<boolean> {
  const aside = `${path}.${nonce()}`;
  await writeFile(aside, text, { flag: 'wx' });
  try {
    await link(aside, path);
    return true;
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
  } finally {
    await unlink(aside).catch(() => undefined);
  }
  // A file system without hard links: made in place with O_EXCL (briefly empty as it is written).
  try {
    await writeFile(path, text, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Removes `path` if it still holds `text`: a lock taken over by another run is that run's. */
async function removeIf(path: string, text: string): Promise<void> {
  if ((await readFile(path, 'utf8').catch(() => undefined)) === text) await unlink(path).catch(() => undefined);
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
