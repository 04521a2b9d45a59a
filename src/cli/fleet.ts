// `whatsapp-senders plan` and `apply`: a fleet file of many senders across many accounts, carried
// out through whatsapp-senders/fleet. Exit codes: 0 converged (or only codes awaited), 1 some
// sender failed, 2 usage or validation (nothing sent).
import { constants } from 'node:fs';
import { access, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { ValidationError } from '../errors.js';
import type { AccountFailure } from '../fleet/accounts.js';
import { applyFleet, journalPathOf, type ReportEntry, sharedAccountsAtOnce } from '../fleet/apply.js';
import { checkFleet, type Fleet, formatOf, parseFleetText, readFleetText } from '../fleet/file.js';
import { type JournalStore, openJournal } from '../fleet/journal.js';
import { planFleet } from '../fleet/plan.js';
import { isPostgresUrl, maskPassword, urlProblem } from '../fleet/postgres-url.js';
import { readCodes } from './codes.js';
import { commandLine, failureLine, planLines, planSummary, printable, progress, reportText } from './fleet-output.js';
import { UsageError } from './format.js';
import { type HeapWatch, keepHeapDown } from './heap.js';
import { ask } from './io.js';

interface Globals {
  baseUrl?: string;
  sandbox?: boolean;
  json?: boolean;
}

/** How many of the creates apply lists before it asks; `plan` lists every one. */
const createsShown = 20;

interface ApplyFlags {
  yes?: boolean;
  prune?: boolean;
  concurrency: number;
  canary?: boolean;
  codes?: string;
  report?: string;
  journal?: string;
  journalSchema?: string;
  accountsAtOnce?: number;
  timeout: number;
}

/** The variable that names the journal when `--journal` does not: a path, or a PostgreSQL URL kept out of argv. */
export const journalVariable = 'WHATSAPP_SENDERS_JOURNAL';

const journalHelp =
  `the journal: a file (default: the fleet file and .journal.jsonl beside it), or a PostgreSQL URL ` +
  `(postgres://…) that runs on several hosts share; ${journalVariable} may name it instead`;

/** Registers `plan` and `apply` on the program. */
export function addFleetCommands(root: Command): void {
  const globals = () => root.opts<Globals>();
  const example = (line: string) => `\nExample:\n  $ whatsapp-senders ${line}`;

  root
    .command('plan')
    .description('read each account of a fleet file and show what apply would do, sender by sender')
    .argument('<file>', 'the fleet file, YAML or JSON')
    .option('--journal <path|url>', journalHelp)
    .option('--journal-schema <name>', 'the schema of a PostgreSQL journal (default: whatsapp_senders)')
    .addHelpText('after', example('plan fleet.yaml --json'))
    .exitOverride()
    .action(async (file: string, flags: Pick<ApplyFlags, 'journal' | 'journalSchema'>) => {
      const { baseUrl, json } = checkGlobals(globals());
      const fleet = await loadFleetFile(file);
      const where = journalOf(file, flags);
      // A shared journal is read for its creates in doubt, and held by no one: a plan to show.
      const shared = where.url ? await openShared(where.url, where.source, flags.journalSchema) : undefined;
      try {
        const plan = await planFleet(fleet, { ...(baseUrl ? { baseUrl } : {}), journal: shared ?? where.path });
        if (json) console.log(JSON.stringify(plan.entries, null, 2));
        else console.log([...planLines(plan.entries), '', ...planSummary(plan.entries, plan.failures)].join('\n'));
        failedAccounts(file, fleet, plan.failures, 'planned');
      } finally {
        await shared?.close();
      }
    });

  root
    .command('apply')
    .description('carry out the plan of a fleet file: create, update, verify (and prune), journalled and resumable')
    .argument('<file>', 'the fleet file, YAML or JSON')
    .option('--yes', 'do not ask before writing (nor before pruning)')
    .option('--prune', 'also delete the senders of the accounts that the file does not name (asks again)')
    .option('--concurrency <n>', 'the most requests in flight per account', (v) => whole(v, '--concurrency'), 4)
    .option('--canary', "create each account's first sender alone and wait until it has moved on (stop on a failure)")
    .option('--codes <csv>', 'one-time passwords to submit, a CSV with the columns sender_id,code')
    .option('--report <path>', 'write every sender: action, result, sid, status and error, as JSON')
    .option('--journal <path|url>', journalHelp)
    .option('--journal-schema <name>', 'the schema of a PostgreSQL journal (default: whatsapp_senders)')
    .option(
      '--accounts-at-once <n>',
      `how many accounts are worked at once (default: all with a file journal, ${sharedAccountsAtOnce} with a PostgreSQL one, each holding a connection)`,
      (v) => whole(v, '--accounts-at-once'),
    )
    .option('--timeout <seconds>', 'the per-attempt timeout of a request', (v) => whole(v, '--timeout'), 30)
    .addHelpText('after', example('apply fleet.yaml --canary --report out.json'))
    .exitOverride()
    .action(async (file: string, flags: ApplyFlags) => {
      const { baseUrl, json } = checkGlobals(globals());
      const heap = keepHeapDown();
      try {
        await apply(file, flags, baseUrl, json, heap);
      } finally {
        heap.stop();
      }
    });
}

async function apply(
  file: string,
  flags: ApplyFlags,
  baseUrl: string | undefined,
  json: boolean | undefined,
  heap: HeapWatch,
) {
  const fleet = await loadFleetFile(file, heap);
  const codes = flags.codes ? await readCodes(flags.codes, fleet) : undefined;
  const where = journalOf(file, flags);
  // Found now, not after every write: where the journal and the report go must be writable.
  if (where.path) await checkWritable(where.path, where.source ?? 'the journal (--journal chooses another)');
  if (flags.report) await checkWritable(flags.report, '--report');
  const connect = {
    ...(baseUrl ? { baseUrl } : {}),
    concurrency: flags.concurrency,
    timeoutMs: flags.timeout * 1000,
    ...(flags.accountsAtOnce ? { accountsAtOnce: flags.accountsAtOnce } : {}),
  };
  /** This command again with the flags in use, and `more`. */
  const again = (...more: string[]) => commandLine(['apply', file, ...more, ...flagsInUse(baseUrl, flags)]);
  // A file journal is held before the plan is made: no other run writes between the plan shown and
  // its writes. A shared one is held account by account as apply works them, each planned again then.
  const journal: JournalStore = where.url
    ? await openShared(where.url, where.source, flags.journalSchema, flags.accountsAtOnce)
    : await openJournal(where.path as string);
  try {
    for (const { line, reason } of 'skipped' in journal ? (journal.skipped as { line: number; reason: string }[]) : [])
      process.stderr.write(`warning: ${where.path}: line ${line}: ${reason}; skipped\n`);
    const plan = await planFleet(fleet, { ...connect, journal });
    heap.collect();
    for (const failure of plan.failures) process.stderr.write(`${failureLine(file, failure)}\n`);
    const work = plan.entries.filter(
      (e) =>
        e.action === 'create' ||
        e.action === 'update' ||
        (e.action === 'unchanged' && (codes?.has(e.sender_id) || codes?.has(`${e.account}/${e.sender_id}`))),
    );
    const extras = plan.entries.filter((e) => e.action === 'extra');
    // The changes, the first few creates (`plan` lists them all), and the counts per account.
    const creates = work.filter((e) => e.action === 'create');
    const shown = [...work.filter((e) => e.action !== 'create'), ...creates.slice(0, createsShown)];
    const more = creates.length > createsShown ? [`… and ${creates.length - createsShown} more to create`] : [];
    process.stderr.write(`${[...planLines(shown), ...more, ...planSummary(plan.entries, plan.failures)].join('\n')}\n`);
    if (plan.failures.length === fleet.accounts.size) failedAccounts(file, fleet, plan.failures, 'applied', true);
    let prune = flags.prune === true && extras.length > 0;
    if (work.length === 0 && !prune) process.stderr.write('Nothing to do: every sender of the file is as wanted.\n');
    else if (!flags.yes) {
      const accounts = new Set(work.map((e) => e.account)).size;
      if (work.length > 0 && !(await confirm(`Apply ${work.length} changes in ${accounts} accounts? [y/N] `)))
        throw new UsageError('not applied: not confirmed (--yes skips the question)');
      if (prune) {
        process.stderr.write(`${planLines(extras).join('\n')}\n`);
        prune = await confirm(`Delete these ${extras.length} senders, which the file does not name? [y/N] `);
      }
    }
    const interrupt = new AbortController();
    const onSignal = () => {
      process.stderr.write(`\nStopping: requests in flight finish and are journalled; to go on: ${again()}\n`);
      interrupt.abort(new UsageError('interrupted'));
      process.once('SIGINT', () => process.exit(130));
    };
    process.once('SIGINT', onSignal);
    const bar = progress(process.stderr, work.length > 0 || prune);
    let report: Awaited<ReturnType<typeof applyFleet>>;
    // What was done, for the report of a run that ends without one (its journal lost).
    const done: ReportEntry[] = [];
    try {
      report = await applyFleet(fleet, {
        ...connect,
        journal,
        plan,
        prune,
        canary: flags.canary === true,
        ...(codes ? { codes } : {}),
        signal: interrupt.signal,
        onEvent: (event) => {
          if (event.type === 'done') done.push(event.entry);
          bar.onEvent(event);
        },
      });
    } catch (error) {
      if (flags.report) {
        const message = error instanceof Error ? error.message : String(error);
        const partial = {
          entries: done,
          awaitingCode: [],
          attention: [],
          stopped: {},
          failures: [],
          ok: false,
          error: { message },
        };
        await writeFile(flags.report, `${JSON.stringify(partial, null, 2)}\n`).catch(() => undefined);
      }
      throw error;
    } finally {
      bar.stop();
      process.off('SIGINT', onSignal);
    }
    let unwritten: unknown;
    if (flags.report)
      await writeFile(flags.report, `${JSON.stringify(report, null, 2)}\n`).catch((error) => {
        unwritten = error;
      });
    if (json) console.log(JSON.stringify(report, null, 2));
    else console.log(reportText(report, again('--codes', 'codes.csv')));
    if (unwritten !== undefined)
      throw new Error(
        `--report ${flags.report}: cannot be written (${(unwritten as NodeJS.ErrnoException).code ?? unwritten}); the report is above`,
      );
    // Failures printed before the plan are not repeated: the canary's and those found while applying are new.
    for (const failure of report.failures.filter((f) => !plan.failures.includes(f)))
      process.stderr.write(`${failureLine(file, failure)}\n`);
    failedAccounts(file, fleet, report.failures, 'applied');
    const failed = report.entries.filter((e) => e.result === 'failed' || e.result === 'skipped').length;
    if (!report.ok) {
      throw new Error(
        `${failed} of ${report.entries.length} senders did not converge${interrupt.signal.aborted ? ' (interrupted)' : ''}; to go on: ${again()}`,
      );
    }
  } finally {
    await journal.close();
  }
}

/** The flags that choose where a run goes and what it keeps, as given, for the commands a hint shows. */
function flagsInUse(baseUrl: string | undefined, flags: ApplyFlags): string[] {
  return [
    ...(baseUrl ? ['--base-url', baseUrl] : []),
    ...(flags.journal ? ['--journal', maskPassword(flags.journal)] : []),
    ...(flags.journalSchema ? ['--journal-schema', flags.journalSchema] : []),
    ...(flags.report ? ['--report', flags.report] : []),
  ];
}

/**
 * Where the journal is: `--journal`, else the variable, else beside the fleet file; a URL for
 * PostgreSQL. `source` names where it was given, for messages.
 */
function journalOf(
  file: string,
  flags: Pick<ApplyFlags, 'journal' | 'journalSchema'>,
): { path: string; url?: undefined; source?: string } | { url: string; path?: undefined; source: string } {
  const fromEnv = process.env[journalVariable];
  const given = flags.journal ?? (fromEnv ? fromEnv : undefined);
  const source = flags.journal !== undefined ? '--journal' : given !== undefined ? journalVariable : undefined;
  if (given !== undefined && source !== undefined && isPostgresUrl(given)) {
    const problem = urlProblem(given);
    if (problem) throw new UsageError(`${source}: ${maskPassword(given)} ${problem}; nothing was sent`);
    return { url: given, source };
  }
  if (flags.journalSchema !== undefined)
    throw new UsageError(
      `--journal-schema names the schema of a PostgreSQL journal: give --journal postgres://… (or ${journalVariable}); nothing was sent`,
    );
  return { path: given ?? journalPathOf(file), ...(source ? { source } : {}) };
}

/** Opens the PostgreSQL journal; a store that cannot start is a usage error: nothing was sent. */
async function openShared(
  url: string,
  source: string,
  schema: string | undefined,
  accountsAtOnce = sharedAccountsAtOnce,
): Promise<JournalStore> {
  const { openPostgresJournal, PostgresJournalError } = await import('../fleet/postgres.js');
  try {
    // A connection for each account worked at once, and one more.
    const maxConnections = accountsAtOnce + 1;
    return await openPostgresJournal({
      connectionString: url,
      maxConnections,
      ...(schema !== undefined ? { schema } : {}),
    });
  } catch (error) {
    // A bad schema is the flag's: the rest is the URL's, or the server's.
    if (error instanceof ValidationError && error.issues.every((issue) => issue.path === '$.schema'))
      throw new UsageError(`--journal-schema ${schema}: ${error.issues[0]?.message}; nothing was sent`);
    if (error instanceof PostgresJournalError || error instanceof ValidationError)
      throw new UsageError(`${source}: ${error.message}; nothing was sent`);
    throw error;
  }
}

/** Ends with exit 1 when any account failed, naming them (each was printed on a line of its own). */
function failedAccounts(file: string, fleet: Fleet, failures: readonly AccountFailure[], done: string, none = false) {
  if (failures.length === 0) return;
  const names = failures.map((failure) => printable(failure.account)).join(', ');
  const others = none ? 'nothing was sent' : `the others were ${done}`;
  throw new AccountsFailed(
    `${file}: ${failures.length} of ${fleet.accounts.size} accounts failed (${names}); ${others}`,
  );
}

/** Some accounts failed: exit 1. */
class AccountsFailed extends Error {}

/** A UsageError naming `flag` unless `path` is a file that can be written, or can be made in its folder. */
async function checkWritable(path: string, flag: string): Promise<void> {
  const refuse = (reason: string) => new UsageError(`${flag} ${path}: ${reason}; nothing was sent`);
  const found = await stat(path).catch((error: NodeJS.ErrnoException) => error);
  if (!(found instanceof Error)) {
    if (found.isDirectory()) throw refuse('is a folder, not a file');
    // A device or a pipe takes writes and never ends a read (/dev/zero).
    if (!found.isFile()) throw refuse('is not a regular file');
    await access(path, constants.W_OK).catch((error: NodeJS.ErrnoException) => {
      throw refuse(`cannot be written (${error.code})`);
    });
    return;
  }
  if (found.code !== 'ENOENT') throw refuse(`cannot be written (${found.code})`);
  const folder = dirname(resolve(path));
  const parent = await stat(folder).catch(() => undefined);
  if (!parent?.isDirectory()) throw refuse(`its folder ${folder} does not exist`);
  await access(folder, constants.W_OK).catch((error: NodeJS.ErrnoException) => {
    throw refuse(`its folder ${folder} cannot be written (${error.code})`);
  });
}

function checkGlobals(globals: Globals): Globals {
  if (globals.sandbox)
    throw new UsageError('--sandbox starts an empty service for one command; give a running sandbox with --base-url');
  return globals;
}

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

/**
 * Asks on the terminal, or reads the next line of stdin: each question its own line. An input that
 * ends before the answer is said, and nothing is sent.
 */
async function confirm(question: string): Promise<boolean> {
  const answer = await ask(question);
  if (answer === null)
    throw new UsageError('not applied: the input ended before the answer (--yes skips the questions)');
  return /^y(es)?$/i.test(answer.trim());
}

function whole(value: string, name: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > 1000)
    throw new UsageError(`${name} must be a whole number from 1 to 1000`);
  return number;
}
