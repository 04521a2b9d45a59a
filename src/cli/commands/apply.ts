// `whatsapp-senders apply`: carries out the plan of a fleet file through whatsapp-senders/fleet:
// create, update, verify (and prune), journalled and resumable. Exit codes: 0 converged (or only
// codes awaited), 1 some sender or account failed, 2 usage or validation (nothing sent).
import { writeFile } from 'node:fs/promises';
import { defaults, fleetDefaults } from '../../defaults.js';
import {
  applyFleet,
  type Fleet,
  type FleetPlan,
  type FleetReport,
  type JournalStore,
  openJournal,
  planFleet,
  type ReportEntry,
  type SkippedLine,
  sharedAccountsAtOnce,
} from '../../fleet/index.js';
import { maskPassword } from '../../fleet/postgres-url.js';
import { failedAccount, summarize } from '../../fleet/report.js';
import { readCodes } from '../codes.js';
import { upToThousand } from '../flags.js';
import { failedAccounts, loadFleetFile } from '../fleet-file.js';
import { commandLine, planLines, planSummary, printFailures, progress, reportText } from '../fleet-output.js';
import { jsonText, UsageError } from '../format.js';
import { command, type Program, withoutSandbox } from '../globals.js';
import { type HeapWatch, keepHeapDown } from '../heap.js';
import { ask } from '../io.js';
import { type JournalFlags, journalHelp, journalOf, journalSchemaHelp, openShared } from '../journal-flags.js';
import { checkWritable } from '../writable.js';

/** How many of the creates apply lists before it asks; `plan` lists every one. */
const createsShown = 20;

interface ApplyFlags extends JournalFlags {
  yes?: boolean;
  prune?: boolean;
  concurrency: number;
  canary?: boolean;
  codes?: string;
  report?: string;
  accountsAtOnce?: number;
  timeout: number;
}

/** Adds `apply` to the program. */
export function addApply(program: Program): void {
  command(
    program,
    'apply',
    'carry out the plan of a fleet file: create, update, verify (and prune), journalled and resumable',
    'apply fleet.yaml --canary --report out.json',
  )
    .argument('<file>', 'the fleet file, YAML or JSON')
    .option('--yes', 'do not ask before writing (nor before pruning)')
    .option('--prune', 'also delete the senders of the accounts that the file does not name (asks again)')
    .option(
      '--concurrency <n>',
      'the most requests in flight per account',
      (v) => upToThousand(v, '--concurrency'),
      fleetDefaults.concurrency,
    )
    .option('--canary', "create each account's first sender alone and wait until it has moved on (stop on a failure)")
    .option('--codes <csv>', 'one-time passwords to submit, a CSV with the columns sender_id,code')
    .option('--report <path>', 'write every sender: action, result, sid, status and error, as JSON')
    .option('--journal <path|url>', journalHelp)
    .option('--journal-schema <name>', journalSchemaHelp)
    .option(
      '--accounts-at-once <n>',
      `how many accounts are worked at once (default: all with a file journal, ${sharedAccountsAtOnce} with a PostgreSQL one, each holding a connection)`,
      (v) => upToThousand(v, '--accounts-at-once'),
    )
    .option(
      '--timeout <seconds>',
      'the per-attempt timeout of a request',
      (v) => upToThousand(v, '--timeout'),
      defaults.timeoutMs / 1000,
    )
    .action(async (file: string, flags: ApplyFlags) => {
      const { baseUrl, json } = withoutSandbox(program.globals());
      const heap = keepHeapDown();
      try {
        await apply({ file, flags, baseUrl, json, heap });
      } finally {
        heap.stop();
      }
    });
}

/** One run of apply: what it was given. */
interface Run {
  file: string;
  flags: ApplyFlags;
  baseUrl: string | undefined;
  json: boolean | undefined;
  heap: HeapWatch;
}

/** What one run has read before it writes: the file, its codes, the connection's options, its journal. */
interface Ready extends Run {
  fleet: Fleet;
  codes: Map<string, string> | undefined;
  connect: { baseUrl?: string; concurrency: number; timeoutMs: number; accountsAtOnce?: number };
  /** This command again with the flags in use, and `more`. */
  again(...more: string[]): string;
}

async function apply(run: Run): Promise<void> {
  const { file, flags, baseUrl, heap } = run;
  const fleet = await loadFleetFile(file, heap);
  const codes = flags.codes ? await readCodes(flags.codes, fleet) : undefined;
  const where = journalOf(file, flags);
  // Found now, not after every write: where the journal and the report go must be writable.
  if (where.path) await checkWritable(where.path, where.source ?? 'the journal (--journal chooses another)');
  if (flags.report) await checkWritable(flags.report, '--report');
  const ready: Ready = {
    ...run,
    fleet,
    codes,
    connect: {
      ...(baseUrl ? { baseUrl } : {}),
      concurrency: flags.concurrency,
      timeoutMs: flags.timeout * 1000,
      ...(flags.accountsAtOnce ? { accountsAtOnce: flags.accountsAtOnce } : {}),
    },
    again: (...more) => commandLine(['apply', file, ...more, ...flagsInUse(baseUrl, flags)]),
  };
  // A file journal is held before the plan is made: no other run writes between the plan shown and
  // its writes. A shared one is held account by account as apply works them, each planned again then.
  const journal: JournalStore = where.url
    ? await openShared(where.url, where.source, flags.journalSchema, flags.accountsAtOnce)
    : await openJournal(where.path as string);
  try {
    for (const { line, reason } of 'skipped' in journal ? (journal.skipped as readonly SkippedLine[]) : [])
      process.stderr.write(`warning: ${where.path}: line ${line}: ${reason}; skipped\n`);
    const plan = await planFleet(fleet, { ...ready.connect, journal });
    heap.collect();
    const { prune, writes } = await shownAndConfirmed(ready, plan);
    const { report, interrupted } = await carriedOut(ready, journal, plan, prune, writes);
    await finish(ready, plan, report, interrupted);
  } finally {
    await journal.close();
  }
}

/**
 * Shows the plan (the changes, the first few creates, the counts per account) and asks before
 * writing and again before pruning, unless --yes; resolves to whether to prune, and whether anything is written.
 */
async function shownAndConfirmed({ file, fleet, flags, codes }: Ready, plan: FleetPlan) {
  printFailures(file, plan.failures);
  const work = workOf(plan, codes);
  const extras = plan.entries.filter((e) => e.action === 'extra');
  const creates = work.filter((e) => e.action === 'create');
  const shown = [...work.filter((e) => e.action !== 'create'), ...creates.slice(0, createsShown)];
  const more = creates.length > createsShown ? [`… and ${creates.length - createsShown} more to create`] : [];
  process.stderr.write(`${[...planLines(shown), ...more, ...planSummary(plan.entries, plan.failures)].join('\n')}\n`);
  if (plan.failures.length === fleet.accounts.size) {
    // Nothing is written, and the report still says so: every sender failed with its account.
    const perAccount = plan.failures.map((failure) => failedAccount(fleet, failure));
    const report = summarize(fleet, perAccount, {}, [...plan.failures]);
    await writeReportOrSay(flags.report, report);
    failedAccounts(file, fleet, plan.failures, 'applied', true);
  }
  let prune = flags.prune === true && extras.length > 0;
  if (work.length === 0 && !prune)
    process.stderr.write(
      plan.failures.length > 0
        ? 'Nothing to do in the accounts that were read: each of their senders is as wanted.\n'
        : 'Nothing to do: every sender of the file is as wanted.\n',
    );
  else if (!flags.yes) {
    const accounts = new Set(work.map((e) => e.account)).size;
    if (work.length > 0 && !(await confirm(`Apply ${work.length} changes in ${accounts} accounts? [y/N] `)))
      throw new UsageError('not applied: not confirmed (--yes skips the question)');
    if (prune) {
      process.stderr.write(`${planLines(extras).join('\n')}\n`);
      prune = await confirm(`Delete these ${extras.length} senders, which the file does not name? [y/N] `);
    }
  }
  return { prune, writes: work.length > 0 || prune };
}

/** The entries that need a write: a create, an update, or a code to submit. */
function workOf(plan: FleetPlan, codes: Map<string, string> | undefined) {
  return plan.entries.filter(
    (e) =>
      e.action === 'create' ||
      e.action === 'update' ||
      (e.action === 'unchanged' && (codes?.has(e.sender_id) || codes?.has(`${e.account}/${e.sender_id}`))),
  );
}

/**
 * Applies the plan with its progress shown; Ctrl-C stops it after the requests in flight. A run that
 * ends without a report still writes what it did to --report.
 */
async function carriedOut(ready: Ready, journal: JournalStore, plan: FleetPlan, prune: boolean, writes: boolean) {
  const { fleet, flags, codes } = ready;
  const interrupt = new AbortController();
  const onSignal = () => {
    process.stderr.write(`\nStopping: requests in flight finish and are journalled; to go on: ${ready.again()}\n`);
    interrupt.abort(new UsageError('interrupted'));
    process.once('SIGINT', () => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  const bar = progress(process.stderr, writes);
  // What was done, for the report of a run that ends without one (its journal lost).
  const done: ReportEntry[] = [];
  try {
    const report = await applyFleet(fleet, {
      ...ready.connect,
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
    return { report, interrupted: interrupt.signal.aborted };
  } catch (error) {
    await writeReportOrSay(flags.report, partialReport(done, error));
    throw error;
  } finally {
    bar.stop();
    process.off('SIGINT', onSignal);
  }
}

/** The report of a run that ended on `error` before applyFleet gave one: the senders done, and the error. */
function partialReport(done: ReportEntry[], error: unknown): FleetReport & { error: { message: string } } {
  const message = error instanceof Error ? error.message : String(error);
  return { entries: done, awaitingCode: [], attention: [], stopped: {}, failures: [], ok: false, error: { message } };
}

/** Writes --report (when given); resolves to why it could not be written, or undefined. */
async function writeReport(path: string | undefined, report: FleetReport): Promise<string | undefined> {
  if (!path) return undefined;
  return writeFile(path, `${jsonText(report)}\n`).then(
    () => undefined,
    (error: NodeJS.ErrnoException) => `--report ${path}: cannot be written (${error.code ?? error})`,
  );
}

/** Writes --report on a run that ends with another error: a report that cannot be written is said, not thrown. */
async function writeReportOrSay(path: string | undefined, report: FleetReport): Promise<void> {
  const unwritten = await writeReport(path, report);
  if (unwritten) process.stderr.write(`${unwritten}\n`);
}

/** Writes --report, prints the report, and ends with exit 1 when a sender or an account did not converge. */
async function finish(ready: Ready, plan: FleetPlan, report: FleetReport, interrupted: boolean): Promise<void> {
  const { file, fleet, flags, json } = ready;
  const unwritten = await writeReport(flags.report, report);
  if (json) console.log(jsonText(report));
  else console.log(reportText(report, ready.again('--codes', 'codes.csv')));
  if (unwritten) throw new Error(`${unwritten}; the report is above`);
  // Failures printed before the plan are not repeated: the canary's and those found while applying are new.
  printFailures(
    file,
    report.failures.filter((f) => !plan.failures.includes(f)),
  );
  failedAccounts(file, fleet, report.failures, 'applied');
  const failed = report.entries.filter((e) => e.result === 'failed' || e.result === 'skipped').length;
  if (!report.ok) {
    throw new Error(
      `${failed} of ${report.entries.length} senders did not converge${interrupted ? ' (interrupted)' : ''}; to go on: ${ready.again()}`,
    );
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
 * Asks on the terminal, or reads the next line of stdin: each question its own line. An input that
 * ends before the answer is said, and nothing is sent.
 */
async function confirm(question: string): Promise<boolean> {
  const answer = await ask(question);
  if (answer === null)
    throw new UsageError('not applied: the input ended before the answer (--yes skips the questions)');
  return /^y(es)?$/i.test(answer.trim());
}
