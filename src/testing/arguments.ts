// The arguments the sandbox is given, checked where they come in: its options, and the calls of a
// test (directly, or through the control API) that force a status or inject failures. A wrong one
// is a TypeError or a RangeError naming it, never a sandbox that quietly does something else.
import type { SandboxOptions } from './options.js';

/** Throws a RangeError unless `value` is a whole number from `min` to `max`. */
export function wholeNumber(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be a whole number from ${min} to ${max}, got ${String(value)}`);
  }
  return value;
}

/** Throws a RangeError unless `value` is a number from 0 to 1. */
export function share(name: string, value: unknown): number {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    throw new RangeError(`${name} must be a number from 0 to 1, got ${String(value)}`);
  }
  return value;
}

// The Basic user of a Twilio request: an Account SID, or an API key SID (senders-api.md, Authentication).
const basicUser = /^(AC|SK)[0-9a-fA-F]{32}$/;

/** Throws unless `account` is undefined or names an Account SID or API key, as a fault's scope. */
export function scope(account: unknown): string | undefined {
  if (account === undefined || account === null) return undefined;
  if (typeof account !== 'string' || !basicUser.test(account)) {
    throw new RangeError(
      `account must be an Account SID (AC and 32 hex digits) or API key (SK…), got ${String(account)}`,
    );
  }
  return account;
}

/** Checks every option of startBareSandbox that a caller may get wrong. */
export function checkOptions({
  port,
  stepMs,
  latencyMs,
  verificationCode,
  accounts,
  lifecycle,
}: Required<Pick<SandboxOptions, 'port' | 'stepMs' | 'latencyMs' | 'verificationCode' | 'lifecycle'>> &
  Pick<SandboxOptions, 'accounts'>): void {
  wholeNumber('port', port, 0, 65_535);
  wholeNumber('stepMs', stepMs, 0, 3_600_000);
  wholeNumber('latencyMs', latencyMs, 0, 3_600_000);
  if (typeof verificationCode !== 'string' || verificationCode === '') {
    throw new TypeError(`verificationCode must be a non-empty string, got ${JSON.stringify(verificationCode)}`);
  }
  if (accounts !== undefined) {
    if (typeof accounts !== 'object' || accounts === null) throw new TypeError('accounts must be an object');
    for (const [user, password] of Object.entries(accounts)) {
      if (!basicUser.test(user)) {
        throw new RangeError(
          `accounts: ${JSON.stringify(user)} is not an Account SID (AC and 32 hex digits) or API key (SK…)`,
        );
      }
      if (typeof password !== 'string' || password === '') {
        throw new TypeError(`accounts: the token of ${user} must be a non-empty string`);
      }
    }
  }
  if (!['instant', 'timer', 'manual'].includes(lifecycle)) {
    throw new RangeError(`lifecycle must be instant, timer or manual, got ${String(lifecycle)}`);
  }
}
