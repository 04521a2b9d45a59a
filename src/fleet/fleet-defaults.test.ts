// The fleet's numbers have one place, `fleetDefaults`: the @default an editor shows for each fleet
// option is held to it, and it cannot be changed by a caller.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fleetDefaults } from '../defaults.js';
import { sharedAccountsAtOnce } from './apply.js';

/** The `@default` written in `file` for `option`. */
function documented(file: string, option: string): string | undefined {
  const source = readFileSync(new URL(file, import.meta.url), 'utf8');
  const at = source.indexOf(`  ${option}?:`);
  const doc = source.slice(source.lastIndexOf('/**', at), at);
  return /@default ([\w.]+)/.exec(doc)?.[1];
}

describe('the fleet defaults', () => {
  it('are frozen', () => {
    expect(Object.isFrozen(fleetDefaults)).toBe(true);
    expect(Object.isFrozen(fleetDefaults.holdWait)).toBe(true);
  });

  it('are what the @default of each fleet option names', () => {
    expect(documented('./accounts.ts', 'maxRetries')).toBe('fleetDefaults.maxRetries');
    expect(documented('./accounts.ts', 'concurrency')).toBe('fleetDefaults.concurrency');
    expect(documented('./accounts.ts', 'fleetConcurrency')).toBe('fleetDefaults.fleetConcurrency');
    expect(sharedAccountsAtOnce).toBe(fleetDefaults.sharedAccountsAtOnce);
  });
});
