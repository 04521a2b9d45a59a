// What plan and apply print: the plan a sender a line, counts per account, the progress of a run
// (a bar on a wide terminal, plain lines elsewhere) and the report at the end.

import { SingleBar } from 'cli-progress';
import type { AccountFailure } from '../fleet/accounts.js';
import type { FleetEvent, FleetReport, ReportEntry } from '../fleet/apply.js';
import type { PlanEntry } from '../fleet/plan.js';
import { escapeControl } from '../transport/text.js';

/**
 * Text from the file or the service as the terminal may show it: the transport's one escape of
 * control characters (an escape sequence in an account's name comes out as `%1B`), never sent raw.
 */
export const printable = (text: string | number | undefined) => escapeControl(String(text ?? ''));

/** A command line to paste: each argument quoted for a POSIX shell when it needs to be. */
export function commandLine(args: readonly string[]): string {
  const quote = (arg: string) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`);
  return ['whatsapp-senders', ...args.map((arg) => printable(quote(arg)))].join(' ');
}

/** Each account's failure on a line of its own, on stderr: `plan` and `apply` alike. */
export function printFailures(file: string, failures: readonly AccountFailure[]): void {
  for (const failure of failures) process.stderr.write(`${failureLine(file, failure)}\n`);
}

/** An account's failure in the fleet file's form: `fleet.yaml: accounts.acme.authTokenEnv: ACME_TWILIO_AUTH_TOKEN is not set`. */
export function failureLine(file: string, failure: AccountFailure): string {
  const { error } = failure;
  const answer =
    error.status !== undefined
      ? `${error.status} (${error.code !== undefined ? `${error.code}: ` : ''}${error.message})${error.requestId ? ` [request ${error.requestId}]` : ''}`
      : error.message;
  const message =
    failure.stage === 'credentials'
      ? error.status !== undefined
        ? `${failure.secret} was refused: ${answer}`
        : answer
      : failure.stage === 'read'
        ? `its senders could not be read (${failure.secret}): ${answer}`
        : answer;
  return printable(`${file}: ${failure.path}: ${message}`);
}

const columns = (rows: string[][]) => {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length))) ?? [];
  return rows.map((row) =>
    row
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd(),
  );
};

/** A line a sender: the action, the account, the sender_id, the sid and status, what differs. */
export function planLines(entries: readonly PlanEntry[]): string[] {
  if (entries.length === 0) return [];
  return columns(
    // Sids, statuses and sender ids come from the service or a file: escaped, they cannot forge a line.
    entries.map((e) =>
      [
        e.action,
        e.account,
        e.sender_id,
        e.sid ?? '-',
        e.status ?? '-',
        e.changes?.join(', ') ??
          (e.inDoubt
            ? 'an earlier create may still land: looked up first'
            : e.duplicateOf
              ? `a second sender with this sender_id (the first is ${e.duplicateOf}): kept, never deleted; delete the one you do not want`
              : ''),
      ].map(printable),
    ),
  );
}

/** Counts per account: `a0: 3 to create, 1 to update, 10 unchanged, 2 extra`; an account that failed says so. */
export function planSummary(entries: readonly PlanEntry[], failures: readonly AccountFailure[] = []): string[] {
  const counts = new Map<string, Record<string, number>>();
  for (const e of entries) {
    const count = counts.get(e.account) ?? { create: 0, update: 0, unchanged: 0, extra: 0, duplicate: 0 };
    count[e.action] = (count[e.action] ?? 0) + 1;
    counts.set(e.account, count);
  }
  return [
    ...[...counts].map(
      ([account, c]) =>
        `${printable(account)}: ${c.create} to create, ${c.update} to update, ${c.unchanged} unchanged, ${c.extra} extra` +
        (c.duplicate ? `, ${c.duplicate} duplicate` : ''),
    ),
    ...failures.map((f) => `${printable(f.account)}: failed (${f.stage}, ${printable(f.secret)}): not planned`),
  ];
}

/** The narrowest terminal that gets a bar; a narrower one, or one that is not a terminal, gets lines. */
const barColumns = 60;

/** Progress on `stream`: a bar on a wide TTY, else one plain line per sender done. */
export function progress(
  stream: NodeJS.WriteStream,
  /** Whether there is anything to show a bar for. */
  work = true,
): { onEvent: (event: FleetEvent) => void; stop(): void } {
  let total = 0;
  let done = 0;
  let failed = 0;
  const later: string[] = [];
  const tty = work && stream.isTTY === true && (stream.columns ?? 0) >= barColumns;
  const bar = tty
    ? new SingleBar({
        stream,
        format: 'apply [{bar}] {value}/{total} senders | {failed} failed | {eta_formatted} left',
        barsize: Math.max(10, Math.min(40, (stream.columns ?? 80) - 60)),
        hideCursor: true,
        clearOnComplete: false,
        fps: 5,
      })
    : undefined;
  bar?.start(0, 0, { failed: 0 });
  const say = (line: string) => (bar ? later.push(line) : stream.write(`${line}\n`));
  return {
    onEvent(event) {
      if (event.type === 'planned') {
        total += event.total;
        bar?.setTotal(total);
      } else if (event.type === 'done') {
        done++;
        if (event.entry.result === 'failed') failed++;
        bar?.update(done, { failed });
        if (!bar || event.entry.result === 'failed') say(entryLine(event.entry));
      } else if (event.type === 'deferred') {
        say(
          printable(
            `waiting until ${new Date(event.untilMs).toISOString()} to look up ${event.sender_id} in ${event.account}: an earlier create may still land`,
          ),
        );
      } else if (event.type === 'waiting') {
        // Said at once, even under a bar: a long wait must not look like a hang.
        const line = printable(
          `${event.account}: ${event.why}: waiting until ${new Date(event.untilMs).toISOString()}`,
        );
        stream.write(bar ? `\n${line}\n` : `${line}\n`);
      } else if (event.type === 'canary')
        say(printable(`canary ${event.sender_id} of ${event.account}: ${event.status}`));
      else if (event.type === 'stopped') say(printable(`${event.account}: ${event.reason}`));
    },
    stop() {
      bar?.stop();
      for (const line of later.splice(0)) stream.write(`${line}\n`);
    },
  };
}

/** One sender done: the result, the account, the sender_id, the sid, the status, and the error. */
export function entryLine(e: ReportEntry): string {
  const error = e.error
    ? ` ${e.error.status ?? ''} ${e.error.code !== undefined ? `${e.error.code}: ` : ''}${e.error.message}${e.error.requestId ? ` [request ${e.error.requestId}]` : ''}`
    : '';
  return printable(
    `${e.result} ${e.account} ${e.sender_id} ${e.sid ?? '-'} ${e.status ?? '-'}${error}${e.note ? ` (${e.note})` : ''}`.trim(),
  );
}

const results = [
  'created',
  'updated',
  'unchanged',
  'verified',
  'deleted',
  'extra',
  'duplicate',
  'failed',
  'skipped',
] as const;

/**
 * The summary table per account with its state (`ok`, `incomplete`, or `failed` and at which stage),
 * the failures, and the senders that wait for their code, with the command to run (`codesCommand`).
 */
export function reportText(report: FleetReport, codesCommand: string): string {
  const rows = new Map<string, number[]>();
  for (const failure of report.failures)
    rows.set(
      failure.account,
      results.map(() => 0),
    );
  for (const e of report.entries) {
    const row = rows.get(e.account) ?? results.map(() => 0);
    row[results.indexOf(e.result)] = (row[results.indexOf(e.result)] ?? 0) + 1;
    rows.set(e.account, row);
  }
  const failedAt = new Map(report.failures.map((failure) => [failure.account, failure.stage]));
  const stateOf = (account: string, row: number[]) => {
    const stage = failedAt.get(account);
    if (stage) return `failed (${stage})`;
    const notDone = (row[results.indexOf('failed')] ?? 0) + (row[results.indexOf('skipped')] ?? 0);
    return notDone > 0 ? 'incomplete' : 'ok';
  };
  const totals = results.map((_, i) => [...rows.values()].reduce((sum, row) => sum + (row[i] ?? 0), 0));
  const lines = columns([
    ['ACCOUNT', 'STATE', ...results.map((r) => r.toUpperCase())],
    ...[...rows].map(([account, row]) => [printable(account), stateOf(account, row), ...row.map(String)]),
    ['total', '', ...totals.map(String)],
  ]);
  const failures = report.entries.filter((e) => e.result === 'failed');
  if (failures.length > 0) lines.push('', 'Failed:', ...failures.map((e) => `  ${entryLine(e)}`));
  for (const [account, reason] of Object.entries(report.stopped)) lines.push(printable(`${account}: ${reason}`));
  const one = (entries: readonly ReportEntry[]) => entries.length === 1;
  const duplicates = report.entries.filter((e) => e.result === 'duplicate');
  if (duplicates.length > 0)
    lines.push(
      '',
      'Kept, never deleted: a second sender with a sender_id the file wants (delete the one you do not want):',
      ...columns(duplicates.map((e) => ['', printable(e.account), printable(e.sender_id), e.sid ?? ''])),
    );
  if (report.attention.length > 0) {
    lines.push(
      '',
      `${report.attention.length} sender${one(report.attention) ? '' : 's'} will not come online by waiting (failed, or someone must act):`,
      ...columns(
        report.attention.map((e) => ['', printable(e.account), printable(e.sender_id), e.sid ?? '', e.status ?? '']),
      ),
      'See each with: whatsapp-senders get <sid>',
    );
  }
  if (report.awaitingCode.length > 0) {
    const statuses = [...new Set(report.awaitingCode.map((e) => e.status))].join(', ');
    lines.push(
      '',
      `${report.awaitingCode.length} sender${one(report.awaitingCode) ? '' : 's'} wait${one(report.awaitingCode) ? 's' : ''} for the one-time password (${statuses}):`,
      ...columns(report.awaitingCode.map((e) => ['', printable(e.account), printable(e.sender_id), e.sid ?? ''])),
      'When the codes reach the numbers, list them in a CSV with the header sender_id,code and run:',
      `  ${codesCommand}`,
    );
  }
  return lines.join('\n');
}
