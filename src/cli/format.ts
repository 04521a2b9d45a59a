// How the CLI shows senders and errors to a person: aligned columns, one line per error.
import { ApiError, SenderOfflineError, SendersError, ValidationError } from '../index.js';
import { controlCharacters, escapeControl } from '../transport/text.js';
import type { Sender } from '../types.js';

/**
 * `value` as the CLI's JSON (`--json`, `--report`): indented, with every control character inside a string
 * written as its JSON escape (`\u009b`). JSON.stringify escapes C0 but leaves DEL, C1 (such as CSI, U+009B) and the
 * bidi overrides raw, and a terminal would act on them. The same data, parsed back.
 */
export const jsonText = (value: unknown): string =>
  JSON.stringify(value, null, 2).replace(controlCharacters, (character) =>
    character === '\n' ? character : `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

/** Text from the service, as a terminal shows it: a line break or an escape cannot forge a line. */
const shown = (value: unknown) => escapeControl(String(value));

/** The columns of `list`, and of one sender. */
const columns: [title: string, value: (sender: Sender) => string | null | undefined][] = [
  ['SID', (sender) => sender.sid],
  ['SENDER_ID', (sender) => sender.sender_id],
  ['STATUS', (sender) => sender.status],
  ['NAME', (sender) => sender.profile?.name],
  ['QUALITY', (sender) => sender.properties?.quality_rating],
];

/** An aligned table, a header row and a row a sender. */
export function table(senders: readonly Sender[]): string {
  const rows = [
    columns.map(([title]) => title),
    ...senders.map((s) => columns.map(([, value]) => shown(value(s) ?? '-'))),
  ];
  const widths = columns.map((_, i) => Math.max(...rows.map((row) => (row[i] as string).length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i] as number))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** One sender, a field a line. */
export function describe(sender: Sender): string {
  const fields: [string, unknown][] = [
    ...columns.map(([title, value]): [string, unknown] => [title.toLowerCase(), value(sender)]),
    ['webhook', sender.webhook?.callback_url],
    [
      'offline',
      sender.offline_reasons?.flatMap((reason) => (reason ? [`${reason.code}: ${reason.message}`] : [])).join('; '),
    ],
  ];
  const present = fields.filter(([, value]) => value !== undefined && value !== null && value !== '');
  const width = Math.max(...present.map(([name]) => name.length));
  return present.map(([name, value]) => `${name.padEnd(width)}  ${shown(value)}`).join('\n');
}

/** The exit code of an error: 2 for usage and validation, 1 for what the service or the network said. */
export const exitCode = (error: unknown): number =>
  error instanceof GoOn
    ? exitCode(error.error)
    : error instanceof ValidationError || error instanceof UsageError
      ? 2
      : 1;

/** An error after which the user can go on with another command, named in the last line. */
export class GoOn extends Error {
  override name = 'GoOn';
  constructor(
    readonly error: unknown,
    /** The command that goes on: `whatsapp-senders verify XE… <code>`. */
    readonly next: string,
  ) {
    super(error instanceof Error ? error.message : String(error), { cause: error });
  }
}

/** A command line that cannot be run as given. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** One line: the message, the Twilio code and its documentation link when there are. The client keeps credentials out. */
export function errorLine(error: unknown): string {
  if (error instanceof GoOn) return `${errorLine(error.error)}\nto go on: ${error.next}`;
  if (error instanceof ApiError) {
    return `error: ${error.message}${error.moreInfo ? ` (more info: ${shown(error.moreInfo)})` : ''}`;
  }
  if (error instanceof SenderOfflineError) {
    const links = error.offlineReasons.map((reason) => reason?.more_info).filter(Boolean);
    return `error: ${error.message}${links.length > 0 ? ` (more info: ${shown(links.join(', '))})` : ''}`;
  }
  if (error instanceof SendersError || error instanceof UsageError) return `error: ${error.message}`;
  return `error: ${shown(error instanceof Error ? error.message : error)}`;
}
