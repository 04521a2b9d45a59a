// The fleet file as `plan`, `apply` and `sandbox --fleet` read it: every bad entry on a line of its
// own and exit 2; and the end of a run where some accounts failed, naming them, exit 1.
import { ValidationError } from '../errors.js';
import { checkFleet, formatOf, parseFleetText, readFleetText } from '../fleet/file.js';
import type { AccountFailure, Fleet } from '../fleet/index.js';
import { printable } from './fleet-output.js';
import { UsageError } from './format.js';
import type { HeapWatch } from './heap.js';

/**
 * Reads and checks the fleet file; every bad entry on a line of its own, then exit 2. With `heap`,
 * collects after the parse and after the checks, two large steps that run at once.
 */
export async function loadFleetFile(file: string, heap?: HeapWatch): Promise<Fleet> {
  try {
    const data = parseFleetText(await readFleetText(file), formatOf(file));
    heap?.collect();
    const fleet = { ...checkFleet(data), path: file };
    heap?.collect();
    return fleet;
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    for (const issue of error.issues) process.stderr.write(`${file}: ${issue.path}: ${issue.message}\n`);
    const count = error.issues.length;
    throw new UsageError(`${file} has ${count} problem${count === 1 ? '' : 's'}; nothing was sent`);
  }
}

/** Some accounts failed: exit 1. */
class AccountsFailed extends Error {}

/** Ends with exit 1 when any account failed, naming them (each was printed on a line of its own). */
export function failedAccounts(
  file: string,
  fleet: Fleet,
  failures: readonly AccountFailure[],
  done: string,
  none = false,
): void {
  if (failures.length === 0) return;
  const names = failures.map((failure) => printable(failure.account)).join(', ');
  const others = none ? 'nothing was sent' : `the others were ${done}`;
  throw new AccountsFailed(
    `${file}: ${failures.length} of ${fleet.accounts.size} accounts failed (${names}); ${others}`,
  );
}
