// What plan and apply print: the plan a sender a line, counts per account, the progress of a run
// (a bar on a wide terminal, plain lines elsewhere) and the report at the end.

import { SingleBar } from 'cli-progress';
import type { FleetEvent, FleetReport, ReportEntry } from '../fleet/apply.js';
import type { PlanEntry } from '../fleet/plan.js';
import { escapeControl } from '../transport/text.js';

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
        e.changes?.join(', ') ?? (e.inDoubt ? 'an earlier create may still land: looked up first' : ''),
      ].map(escapeControl),
    ),
  );
}

/** Counts per account: `a0: 3 to create, 1 to update, 10 unchanged, 2 extra`. */
export function planSummary(entries: readonly PlanEntry[]): string[] {
  const counts = new Map<string, Record<string, number>>();
  for (const e of entries) {
    const count = counts.get(e.account) ?? { create: 0, update: 0, unchanged: 0, extra: 0 };
    count[e.action] = (count[e.action] ?? 0) + 1;
    counts.set(e.account, count);
  }
  return [...counts].map(
    ([account, c]) =>
      `${account}: ${c.create} to create, ${c.update} to update, ${c.unchanged} unchanged, ${c.extra} extra`,
  );
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
          `waiting until ${new Date(event.untilMs).toISOString()} to look up ${event.sender_id} in ${event.account}: an earlier create may still land`,
        );
      } else if (event.type === 'canary')
        say(escapeControl(`canary ${event.sender_id} of ${event.account}: ${event.status}`));
      else if (event.type === 'stopped') say(escapeControl(`${event.account}: ${event.reason}`));
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
  return escapeControl(
    `${e.result} ${e.account} ${e.sender_id} ${e.sid ?? '-'} ${e.status ?? '-'}${error}${e.note ? ` (${e.note})` : ''}`.trim(),
  );
}

const results = ['created', 'updated', 'unchanged', 'verified', 'deleted', 'extra', 'failed', 'skipped'] as const;

/** The summary table per account, the failures, and the senders that wait for their code, with what to do. */
export function reportText(report: FleetReport, file: string): string {
  const rows = new Map<string, number[]>();
  for (const e of report.entries) {
    const row = rows.get(e.account) ?? results.map(() => 0);
    row[results.indexOf(e.result)] = (row[results.indexOf(e.result)] ?? 0) + 1;
    rows.set(e.account, row);
  }
  const totals = results.map((_, i) => [...rows.values()].reduce((sum, row) => sum + (row[i] ?? 0), 0));
  const lines = columns([
    ['ACCOUNT', ...results.map((r) => r.toUpperCase())],
    ...[...rows].map(([account, row]) => [account, ...row.map(String)]),
    ['total', ...totals.map(String)],
  ]);
  const failures = report.entries.filter((e) => e.result === 'failed');
  if (failures.length > 0) lines.push('', 'Failed:', ...failures.map((e) => `  ${entryLine(e)}`));
  for (const [account, reason] of Object.entries(report.stopped)) lines.push(`${account}: ${reason}`);
  const one = (entries: readonly ReportEntry[]) => entries.length === 1;
  if (report.attention.length > 0) {
    lines.push(
      '',
      `${report.attention.length} sender${one(report.attention) ? '' : 's'} will not come online by waiting (failed, or someone must act):`,
      ...report.attention.map((e) => `  ${e.account}  ${e.sender_id}  ${e.sid ?? ''}  ${e.status}`),
      'See each with: whatsapp-senders get <sid>',
    );
  }
  if (report.awaitingCode.length > 0) {
    const statuses = [...new Set(report.awaitingCode.map((e) => e.status))].join(', ');
    lines.push(
      '',
      `${report.awaitingCode.length} sender${one(report.awaitingCode) ? '' : 's'} wait${one(report.awaitingCode) ? 's' : ''} for the one-time password (${statuses}):`,
      ...report.awaitingCode.map((e) => `  ${e.account}  ${e.sender_id}  ${e.sid ?? ''}`),
      'When the codes reach the numbers, list them in a CSV with the header sender_id,code and run:',
      `  whatsapp-senders apply ${file} --codes codes.csv`,
    );
  }
  return lines.join('\n');
}
