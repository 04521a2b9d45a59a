// The root of the program and its global options (`--base-url`, `--sandbox`, `--json`), shared by
// every command, and the helpers a command module is built with.
import { Command, Option } from 'commander';
import { version } from '../user-agent.js';
import { credentialsHelp } from './credentials.js';
import { commandLine } from './fleet-output.js';
import { UsageError } from './format.js';

/** The global options. */
export interface Globals {
  baseUrl?: string;
  sandbox?: boolean;
  json?: boolean;
}

/** What a command module adds itself to: the program, its global options as given, and the exit code. */
export interface Program {
  root: Command;
  /** The global options, read when the command runs. */
  globals(): Globals;
  /** Ends with this exit code without an error (`contract` on drift). */
  exit(code: number): void;
}

/** The program with its global options, and no command yet. */
export function rootCommand(): Command {
  return new Command('whatsapp-senders')
    .description("Register, verify, update and retire WhatsApp senders through Twilio's Senders API.")
    .version(version)
    .option(
      '--base-url <url>',
      'send requests here instead of https://messaging.twilio.com (a sandbox, a mock, a proxy)',
    )
    .addOption(
      new Option(
        '--sandbox',
        'run this one command against a fresh in-memory sandbox (`sandbox` starts one that lasts)',
      ).conflicts('baseUrl'),
    )
    .option('--json', 'print JSON instead of text')
    .addHelpText(
      'after',
      `\n${credentialsHelp}\n` +
        'Exit codes: 0 ok, 1 API error or drift, 2 usage or validation error.\n\n' +
        'Example:\n  $ whatsapp-senders list --limit 20',
    )
    .showHelpAfterError()
    .exitOverride();
}

/** A command of the program, with its example at the end of its help. */
export function command({ root }: Program, name: string, description: string, example: string): Command {
  return root
    .command(name)
    .description(description)
    .addHelpText('after', `\nExample:\n  $ whatsapp-senders ${example}`)
    .exitOverride();
}

/** The global options of a command that needs a running service: `--sandbox` would start an empty one. */
export function withoutSandbox(globals: Globals): Globals {
  if (globals.sandbox)
    throw new UsageError('--sandbox starts an empty service for one command; give a running sandbox with --base-url');
  return globals;
}

/** A next command as it can be pasted: with the `--base-url` this run was given, or it would go to Twilio. */
export function withGlobalFlags(next: string, argv: readonly string[]): string {
  const at = argv.findIndex((arg) => arg === '--base-url' || arg.startsWith('--base-url='));
  const given = argv[at]?.startsWith('--base-url=') ? argv[at]?.slice('--base-url='.length) : argv[at + 1];
  if (at < 0 || !given || !next.startsWith('whatsapp-senders ') || next.includes('--base-url')) return next;
  const [command, ...rest] = next.split(' (');
  return [`${command} ${commandLine(['--base-url', given]).slice('whatsapp-senders '.length)}`, ...rest].join(' (');
}
