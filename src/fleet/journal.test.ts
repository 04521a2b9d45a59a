// The journal: every write's intent on disk (fdatasync) before its request goes out, and its lock:
// one run at a time, a stale lock taken over, and a busy one that says what to do.
import { spawn } from 'node:child_process';
import { type FileHandle, mkdtemp, open, readFile, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fixture, senderIdOf } from '../test/fleet-fixtures.js';
import { startFleetService } from '../test/fleet-service.js';
import { applyFleet } from './apply.js';
import { Journal, JournalBusyError, type JournalLine } from './journal.js';

const place = async () => join(await mkdtemp(join(tmpdir(), 'fleet-journal-')), 'fleet.journal.jsonl');

describe('the journal sync', () => {
  it("has each write's intent on disk (datasync done) before its request reaches the service", async () => {
    const path = await place();
    // What the journal held when its last datasync completed: the lines a crash cannot lose.
    let synced = '';
    const probe = await open(path, 'a');
    const handles = Object.getPrototypeOf(probe) as FileHandle;
    await probe.close();
    const datasync = handles.datasync;
    const spy = vi.spyOn(handles, 'datasync').mockImplementation(async function (this: FileHandle) {
      await datasync.call(this);
      synced = await readFile(path, 'utf8');
    });
    const fx = fixture(1, 3);
    const service = await startFleetService({ accounts: fx.credentials });
    // Each write, as it reaches the service: was its intent among the synced lines?
    const seen: [string, string, boolean][] = [];
    service.intercept = ({ method, path: at, body }) => {
      if (method === 'GET') return undefined;
      const intents = synced
        .split('\n')
        .filter((line) => line.endsWith('}'))
        .map((line) => JSON.parse(line) as JournalLine)
        .filter((line) => line.type === 'intent');
      const senderId = (body.sender_id as string | undefined) ?? 'by sid';
      const sid = at.split('/').at(-1) as string;
      const intended = intents.some((line) => line.sender_id === senderId || line.sid === sid);
      seen.push([method, senderId, intended]);
      return undefined;
    };
    try {
      const settings = { baseUrl: service.url, env: fx.env, journal: path, timeoutMs: 2_000, pollIntervalMs: 5 };
      expect((await applyFleet(fx.fleet, settings)).ok).toBe(true);
      const codes = new Map([[senderIdOf(1), '123456']]);
      await applyFleet(fx.fleet, { ...settings, codes });
    } finally {
      spy.mockRestore();
      await service.close();
    }
    expect(seen).toEqual([
      ['POST', senderIdOf(0), true],
      ['POST', senderIdOf(1), true],
      ['POST', senderIdOf(2), true],
      ['POST', 'by sid', true],
    ]);
  });
});

describe('the journal lock', () => {
  it('refuses a second run while the first holds the journal, naming the lock to delete and when', async () => {
    const path = await place();
    const first = await Journal.open(path);
    const second = Journal.open(path).catch((error: unknown) => error);
    const error = (await second) as Error;
    expect(error).toBeInstanceOf(JournalBusyError);
    expect(error.message).toContain(`another apply (pid ${process.pid}) is using this journal`);
    expect(error.message).toContain(`If no apply is running on this journal`);
    expect(error.message).toContain(`delete ${path}.lock and run again`);
    await first.close();
    await (await Journal.open(path)).close();
  });

  it.runIf(process.platform === 'linux')(
    'takes over a lock whose pid now belongs to another live process, started after the lock',
    async () => {
      const path = await place();
      // A live process that is not the holder: the lock's start time is not its own.
      const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
      try {
        await writeFile(`${path}.lock`, JSON.stringify({ pid: other.pid, start: '1', host: hostname() }));
        const journal = await Journal.open(path);
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
    await (await Journal.open(path)).close();
  });
});
