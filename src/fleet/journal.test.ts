// The journal's lock: one run at a time, a stale lock taken over, and a busy one that says what to do.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JournalBusyError, openJournal } from './journal.js';

const place = async () => join(await mkdtemp(join(tmpdir(), 'fleet-journal-')), 'fleet.journal.jsonl');

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
      // A live process that is not the holder: the lock's start time is not its own.
      const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
      try {
        await writeFile(`${path}.lock`, JSON.stringify({ pid: other.pid, start: '1', host: hostname() }));
        const journal = await openJournal(path);
        expect(JSON.parse(await readFile(`${path}.lock`, 'utf8'))).toMatchObject({ pid: process.pid });
        await journal.close();
      } finally {
        other.kill();
      }
    },
  );

  it('takes over a lock of a process that is gone, in the format of earlier versions too', async () => {
    const path = await place();
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => gone.once('exit', resolve));
    await writeFile(`${path}.lock`, String(gone.pid));
    await (await openJournal(path)).close();
  });
});
