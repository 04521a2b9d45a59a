// The numbers the commands' flags take, each checked as commander parses it: a bad one is a usage
// error (exit 2) that names the flag.
import { UsageError } from './format.js';

/** A whole number, 1 or more. */
export function positive(value: string, name: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new UsageError(`${name} must be a whole number, 1 or more`);
  return number;
}

/** A whole number from 1 to 1000: the fleet's counts and seconds. */
export function upToThousand(value: string, name: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > 1000)
    throw new UsageError(`${name} must be a whole number from 1 to 1000`);
  return number;
}

/** A TCP port, 0 for a free one. */
export function port(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > 65_535) {
    throw new UsageError('--port must be a whole number from 0 to 65535');
  }
  return number;
}
