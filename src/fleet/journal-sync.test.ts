// The journal's sync: every write's intent is on disk (fdatasync done) before its request goes out,
// and a new journal's name is too (its folder synced), so that a crash at any moment leaves the
// journal knowing what may have been sent.
import { type FileHandle, mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fixture, senderIdOf } from '../test/fleet-fixtures.js';
import { startFleetService } from '../test/fleet-service.js';
import { applyFleet } from './apply.js';
import type { JournalLine } from './journal.js';

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

  it("has a new journal's name on disk (its folder synced) before the first request", async () => {
    const path = await place();
    const probe = await open(path, 'a');
    const handles = Object.getPrototypeOf(probe) as FileHandle;
    await probe.close();
    await rm(path);
    let folderSynced = false;
    const sync = handles.sync;
    const spy = vi.spyOn(handles, 'sync').mockImplementation(async function (this: FileHandle) {
      await sync.call(this);
      if ((await this.stat()).isDirectory()) folderSynced = true;
    });
    const fx = fixture(1, 1);
    const service = await startFleetService({ accounts: fx.credentials });
    // At each request, as it reaches the service: had the folder been synced?
    const atRequest: boolean[] = [];
    service.intercept = () => {
      atRequest.push(folderSynced);
      return undefined;
    };
    try {
      const settings = { baseUrl: service.url, env: fx.env, journal: path, timeoutMs: 2_000, pollIntervalMs: 5 };
      expect((await applyFleet(fx.fleet, settings)).ok).toBe(true);
    } finally {
      spy.mockRestore();
      await service.close();
    }
    expect(atRequest.length).toBeGreaterThan(0);
    expect(atRequest[0]).toBe(true);
  });
});
