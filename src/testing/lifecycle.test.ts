// The sandbox's script of a sender's life agrees with the spec's x-status-kinds: each change shows
// a `working` status, and each moves on by itself to a status that is not.
import { describe, expect, it } from 'vitest';
import { statusKind } from '../statuses.js';
import { nextStatus, script } from './lifecycle.js';

describe("the sandbox's lifecycle script", () => {
  it('shows a working status after each change, so that a wait goes on through it', () => {
    expect(Object.values(script).map(statusKind)).toEqual(['working', 'working', 'working']);
  });

  it('moves a created sender on to the status awaiting its code, and a code or a change to ready', () => {
    expect(statusKind(nextStatus[script.created])).toBe('awaiting-code');
    expect(statusKind(nextStatus[script.codeSubmitted])).toBe('ready');
    expect(statusKind(nextStatus[script.changed])).toBe('ready');
    expect(Object.values(nextStatus)).not.toContain(undefined);
  });
});
