// A fleet run against the sandbox, its accounts kept apart (fleet-service.ts): the service, a fresh
// journal, and applyFleet with the settings every fleet test uses. The service is closed after each test.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { type ApplyOptions, applyFleet } from '../fleet/apply.js';
import type { JournalLine } from '../fleet/journal.js';
import type { Fixture } from './fleet-fixtures.js';
import { type FleetService, type FleetServiceOptions, startFleetService } from './fleet-service.js';

const services: FleetService[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((service) => service.close()));
});

/** Starts the service for `fx`, and a journal of its own. */
export async function fleetRun(fx: Fixture, options: Partial<FleetServiceOptions> = {}) {
  const service = await startFleetService({ accounts: fx.credentials, ...options });
  services.push(service);
  const dir = await mkdtemp(join(tmpdir(), 'fleet-run-'));
  const journal = join(dir, 'fleet.journal.jsonl');
  const settings = { baseUrl: service.url, env: fx.env, journal, timeoutMs: 2_000, pollIntervalMs: 5 };
  const apply = (more: Partial<ApplyOptions> = {}) => applyFleet(fx.fleet, { ...settings, ...more });
  return { service, dir, journal, settings, apply };
}

/** The journal's lines, a torn last one left out. */
export const journalLines = async (path: string): Promise<JournalLine[]> =>
  (await readFile(path, 'utf8'))
    .split('\n')
    .filter((line) => line.endsWith('}'))
    .map((line) => JSON.parse(line));
