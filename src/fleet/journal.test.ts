// The journal is the one authority, whoever calls: one run at a time (its lock, taken over
// atomically when stale, released only by its holder), read once held, and refused when it is not
// a regular file; a line it cannot read is skipped and named by its number.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import { root } from '../test/paths.js';
import { JournalBusyError, openJournal, readCreatesInDoubt } from './journal.js';

const place = async () => join(await mkdtemp(join(tmpdir(), 'fleet-journal-')), 'fleet.journal.jsonl');

/** A pid no process has: above the largest pid Linux allows (2^22), and macOS's (99,999). */
const deadPid = async (): Promise<number> => 2 ** 22 + 1;

describe('the journal lock', () => {
  it('refuses a second run while the first holds the journal, naming the lock to delete and when', async () => {
    const path = await place();
    const first = await openJournal(path);
    const second = openJournal(path).catch((error: unknown) => error);
    const error = (await second) as Error;
    expect(error).toBeInstanceOf(JournalBusyError);
    expect(error.message).toContain(`another apply (pid ${process.pid}) is using this journal`);
    expect(error.message).toContain(`If no apply is running on this journal`);
    expect(error.message).toContain(`delete ${path}.lock and run again`);
    await first.close();
    await (await openJournal(path)).close();
  });

  it.runIf(process.platform === 'linux')(
    'takes over a lock whose pid now belongs to another live process, started after the lock',
    async () => {
      const path = await place();
      // A live process that is not the holder (this one's parent): the lock's start time is not its own.
      await writeFile(`${path}.lock`, JSON.stringify({ pid: process.ppid, start: '1', host: hostname() }));
      const journal = await openJournal(path);
      expect(JSON.parse(await readFile(`${path}.lock`, 'utf8'))).toMatchObject({ pid: process.pid });
      await journal.close();
    },
  );

  it('takes over a lock of a process that is gone, in the format of earlier versions too', async () => {
    const path = await place();
    await writeFile(`${path}.lock`, String(await deadPid()));
    await (await openJournal(path)).close();
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it('never removes a lock it no longer holds', async () => {
    const path = await place();
    const journal = await openJournal(path);
    // Another run took it over (this one was judged gone).
    const theirs = JSON.stringify({ pid: process.pid, host: hostname(), nonce: 'theirs' });
    await writeFile(`${path}.lock`, theirs);
    await journal.close();
    expect(await readFile(`${path}.lock`, 'utf8')).toBe(theirs);
  });

  it('lets exactly one of many processes take over a stale lock at once', async () => {
    const fleetJs = join(root, 'dist', 'fleet.js');
    expect(existsSync(fleetJs), `${fleetJs} is missing: npm run build first`).toBe(true);
    // Each process: ready, then on `go` opens the journal; the winner holds it until its stdin ends.
    const script = `
      import { createInterface } from 'node:readline';
      const { openJournal } = await import(${JSON.stringify(fleetJs)});
      const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
      console.log('ready');
      await lines.next();
      try {
        const journal = await openJournal(process.argv[1]);
        console.log('won');
        await lines.next();
        await journal.close();
      } catch (error) {
        console.log(error.name === 'JournalBusyError' ? 'busy' : 'error ' + error.message);
      }`;
    for (let trial = 0; trial < 2; trial++) {
      const path = await place();
      await writeFile(`${path}.lock`, JSON.stringify({ pid: await deadPid(), host: hostname() }));
      const children: ChildProcessWithoutNullStreams[] = [];
      const said: AsyncIterator<string>[] = [];
      for (let i = 0; i < 8; i++) {
        const child = spawn(process.execPath, ['--input-type=module', '-e', script, path]);
        children.push(child);
        said.push(createInterface({ input: child.stdout })[Symbol.asyncIterator]());
      }
      const next = async (lines: AsyncIterator<string>) => (await lines.next()).value as string;
      expect(await Promise.all(said.map(next))).toEqual(Array(8).fill('ready'));
      for (const child of children) child.stdin.write('go\n');
      const results = await Promise.all(said.map(next));
      for (const child of children) child.stdin.end();
      await Promise.all(children.map((child) => new Promise((resolve) => child.once('close', resolve))));
      expect(results.filter((r) => r === 'won')).toHaveLength(1);
      expect(results.filter((r) => r === 'busy')).toHaveLength(7);
      expect(existsSync(`${path}.lock`)).toBe(false);
      expect(existsSync(`${path}.lock.takeover`)).toBe(false);
    }
    // 16 processes of Node on a loaded 2-core machine.
  }, 120_000);
});

describe('reading the journal', () => {
  const intent = (seq: number, senderId: string) =>
    JSON.stringify({
      type: 'intent',
      run: 'killed',
      seq,
      op: 'create',
      account: 'a0',
      accountSid: `AC${'1'.repeat(32)}`,
      sender_id: senderId,
      at: 1,
      timeoutMs: 1_000,
    });

  it('skips a line that is not a journal line (null, a number, a list, a string), naming it by number, and reads the rest', async () => {
    const path = await place();
    await writeFile(
      path,
      ['null', intent(1, 'whatsapp:+1'), '42', '[]', '"run"', intent(2, 'whatsapp:+2'), ''].join('\n'),
    );
    const journal = await openJournal(path);
    try {
      expect(journal.skipped).toEqual([
        { line: 1, reason: 'not a journal line' },
        { line: 3, reason: 'not a journal line' },
        { line: 4, reason: 'not a journal line' },
        { line: 5, reason: 'not a journal line' },
      ]);
      expect([...journal.createsInDoubt.keys()]).toEqual([
        `AC${'1'.repeat(32)} whatsapp:+1`,
        `AC${'1'.repeat(32)} whatsapp:+2`,
      ]);
    } finally {
      await journal.close();
    }
    expect((await readCreatesInDoubt(path)).size).toBe(2);
  });

  it.runIf(existsSync('/dev/zero'))('refuses a journal that is not a regular file, at once', async () => {
    for (const path of ['/dev/zero', tmpdir()]) {
      const error = await openJournal(path).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as Error).message).toContain('is not a regular file');
      expect(existsSync(`${path}.lock`)).toBe(false);
      await expect(readCreatesInDoubt(path)).rejects.toThrow('is not a regular file');
    }
  });

  it.runIf(process.platform === 'linux')(
    'names the journal when a write fails (a full disk, a file-size limit)',
    async () => {
      const path = await place();
      const fleetJs = join(root, 'dist', 'fleet.js');
      // A 1 KB file-size limit: the write fails (EFBIG) as it would on a full disk (ENOSPC).
      const script = `process.on('SIGXFSZ', () => {});
      const { openJournal } = await import(${JSON.stringify(fleetJs)});
      const journal = await openJournal(process.argv[1]);
      try {
        for (let i = 0; i < 100; i++) await journal.write({ type: 'run', run: 'x'.repeat(100), at: i, pid: 1 });
      } catch (error) { console.log(error.message); }
      await journal.close().catch(() => {});`;
      const child = spawn('sh', [
        '-c',
        'ulimit -f 1; exec "$0" --input-type=module -e "$1" "$2"',
        process.execPath,
        script,
        path,
      ]);
      let printed = '';
      child.stdout.on('data', (chunk) => (printed += chunk));
      await new Promise((resolve) => child.once('close', resolve));
      expect(printed.trim()).toBe(`the journal ${path} cannot be written (EFBIG)`);
    },
  );
});
