// The CLI's input and output: the client the global options ask for, JSON files, questions on
// stdin, and results on stdout.
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline/promises';
import { createSendersClient, type SendersClient } from '../index.js';
import { startBareSandbox } from '../testing/server.js';
import type { Sender } from '../types.js';
import { describe, jsonText, table, UsageError } from './format.js';
import type { Globals } from './globals.js';
import { named } from './names.js';

/** What to stop when the command ends: a sandbox, the stdin reader. */
const cleanups: (() => Promise<void>)[] = [];

/** The client the global options ask for: the service, another base URL, or a fresh sandbox. */
export async function connect({ baseUrl, sandbox }: Globals): Promise<SendersClient> {
  if (!sandbox) return named(async () => createSendersClient(baseUrl ? { baseUrl } : {}));
  const started = await startBareSandbox({ lifecycle: 'timer', stepMs: 1_500 });
  cleanups.push(() => started.close());
  process.stderr.write(
    `sandbox: a fresh in-memory service on ${started.url}, for this command only ` +
      '(`whatsapp-senders sandbox` starts one that lasts)\n',
  );
  // The sandbox wants Basic auth, not real credentials.
  return createSendersClient({ accountSid: `AC${'0'.repeat(32)}`, authToken: 'sandbox', baseUrl: started.url });
}

export async function readJson(path: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${path} is not JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError(`${path} must hold a JSON object`);
  }
  return value as Record<string, unknown>;
}

/** The lines of stdin, read by one interface for the whole run: answers typed ahead are not lost. */
let lines: AsyncIterator<string> | undefined;

/** Asks on stderr and reads a line of stdin (echoed when stdin is not a terminal, so that a log shows it); null when the input ends first. */
export async function ask(question: string): Promise<string | null> {
  const terminal = process.stdin.isTTY === true;
  if (!lines) {
    const reader = createInterface({ input: process.stdin, terminal: false });
    cleanups.push(async () => reader.close());
    lines = reader[Symbol.asyncIterator]();
  }
  process.stderr.write(question);
  const next = await lines.next();
  const answer = next.done ? null : next.value;
  if (!terminal) process.stderr.write(`${answer ?? ''}\n`);
  return answer;
}

/** Prints a result: JSON with --json, else for a person. */
export function show(globals: Globals, result: Sender | Sender[] | string) {
  if (globals.json) console.log(jsonText(typeof result === 'string' ? { result } : result));
  else console.log(typeof result === 'string' ? result : Array.isArray(result) ? table(result) : describe(result));
}

/** Stops what the command started, and forgets stdin's reader. */
export async function closeIo(): Promise<void> {
  for (const cleanup of cleanups.splice(0)) await cleanup();
  lines = undefined;
}
