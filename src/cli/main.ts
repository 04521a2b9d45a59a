// `whatsapp-senders`: the client from a terminal or a CI job. Credentials come from the TWILIO_*
// variables. Exit codes: 0 ok, 1 API error, 2 usage or validation error.
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline/promises';
import { Command, CommanderError, Option } from 'commander';
import { createSpinner } from 'nanospinner';
import { senderStatuses } from '../../generated/request-rules.js';
import { createSendersClient, type SendersClient } from '../index.js';
import type { WaitOptions } from '../lifecycle.js';
import { startBareSandbox } from '../testing/server.js';
import type { Sender, SenderCreate, SenderStatus, SenderUpdate } from '../types.js';
import { version } from '../user-agent.js';
import { addFleetCommands } from './fleet.js';
import { describe, errorLine, exitCode, table, UsageError } from './format.js';

interface Globals {
  baseUrl?: string;
  sandbox?: boolean;
  json?: boolean;
}

const cleanups: (() => Promise<void>)[] = [];

/** The client the global options ask for: the service, another base URL, or a fresh sandbox. */
async function connect({ baseUrl, sandbox }: Globals): Promise<SendersClient> {
  if (!sandbox) return createSendersClient(baseUrl ? { baseUrl } : {});
  const started = await startBareSandbox({ lifecycle: 'timer', stepMs: 1_500 });
  cleanups.push(() => started.close());
  process.stderr.write(`sandbox: a fresh in-memory service on ${started.url}, for this command only\n`);
  // The sandbox wants Basic auth, not real credentials.
  return createSendersClient({ accountSid: `AC${'0'.repeat(32)}`, authToken: 'sandbox', baseUrl: started.url });
}

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${path} is not JSON: ${(error as Error).message}`);
  }
}

/** Asks on the terminal (or reads a line from stdin); null when the input ends first. */
async function ask(question: string): Promise<string | null> {
  const prompt = createInterface({ input: process.stdin, output: process.stderr, terminal: process.stdin.isTTY });
  const closed = new Promise<null>((resolve) => prompt.once('close', () => resolve(null)));
  try {
    return await Promise.race([prompt.question(question), closed]);
  } finally {
    prompt.close();
  }
}

/** Prints a result: JSON with --json, else for a person. */
function show(globals: Globals, result: Sender | Sender[] | string) {
  if (globals.json) console.log(JSON.stringify(typeof result === 'string' ? { result } : result, null, 2));
  else console.log(typeof result === 'string' ? result : Array.isArray(result) ? table(result) : describe(result));
}

/** A spinner on stderr showing the status and the time spent, for the waiting commands. */
function watching(globals: Globals, what: string): Pick<WaitOptions, 'onStatus'> & { done(ok: boolean): void } {
  const started = Date.now();
  const spinner = globals.json ? undefined : createSpinner(`${what}…`, { stream: process.stderr }).start();
  let status = '';
  const text = () => `${what}: ${status || '…'} (${((Date.now() - started) / 1000).toFixed(1)} s)`;
  const timer = setInterval(() => spinner?.update({ text: text() }), 200);
  return {
    onStatus: (sender) => {
      status = sender.status;
      spinner?.update({ text: text() });
    },
    done(ok) {
      clearInterval(timer);
      if (ok) spinner?.success({ text: text() });
      else spinner?.error({ text: text() });
    },
  };
}

/** Runs a wait under a spinner. */
async function withSpinner(globals: Globals, what: string, wait: (options: WaitOptions) => Promise<Sender>) {
  const spinner = watching(globals, what);
  try {
    const sender = await wait({ onStatus: spinner.onStatus });
    spinner.done(true);
    return sender;
  } catch (error) {
    spinner.done(false);
    throw error;
  }
}

const statuses: readonly SenderStatus[] = senderStatuses;

export function program(): Command {
  const root = new Command('whatsapp-senders')
    .description("Register, verify, update and retire WhatsApp senders through Twilio's Senders API.")
    .version(version)
    .option('--base-url <url>', 'send requests here instead of https://messaging.twilio.com (a mock or a proxy)')
    .option('--sandbox', 'run against a fresh in-memory sandbox started for this command, to try things out')
    .option('--json', 'print JSON instead of text')
    .addHelpText(
      'after',
      '\nCredentials: TWILIO_ACCOUNT_SID with TWILIO_AUTH_TOKEN, or with TWILIO_API_KEY and TWILIO_API_SECRET.\n' +
        'Exit codes: 0 ok, 1 API error, 2 usage or validation error.\n\n' +
        'Example:\n  $ whatsapp-senders list --limit 20',
    )
    .showHelpAfterError()
    .exitOverride();

  const command = (name: string, description: string, example: string) =>
    root
      .command(name)
      .description(description)
      .addHelpText('after', `\nExample:\n  $ whatsapp-senders ${example}`)
      .exitOverride();
  const globals = () => root.opts<Globals>();

  command(
    'create',
    'register a sender (202): from a JSON file, or from options',
    'create --sender-id whatsapp:+15017122661 --name "Example Motors"',
  )
    .option('--file <path>', 'the create body as JSON')
    .option('--sender-id <id>', 'the number, as whatsapp:+E.164')
    .option('--name <name>', 'the profile name')
    .option('--waba-id <id>', 'the WhatsApp Business Account id')
    .action(async (options: { file?: string; senderId?: string; name?: string; wabaId?: string }) => {
      let body: unknown;
      if (options.file) body = await readJson(options.file);
      else if (options.senderId) {
        body = {
          sender_id: options.senderId,
          ...(options.wabaId ? { configuration: { waba_id: options.wabaId } } : {}),
          ...(options.name ? { profile: { name: options.name } } : {}),
        };
      } else throw new UsageError('create needs --file, or --sender-id (with --name and --waba-id if you like)');
      show(globals(), await (await connect(globals())).create(body as SenderCreate));
    });

  command('get', 'show one sender', 'get XE1234567890abcdef1234567890abcdef')
    .argument('<sid>', 'the sender sid, XE and 32 hex digits')
    .action(async (sid: string) => show(globals(), await (await connect(globals())).get(sid)));

  command('update', 'change a sender (202) with a JSON patch of the keys to change', 'update XE… --file patch.json')
    .argument('<sid>', 'the sender sid')
    .requiredOption('--file <path>', 'the update body as JSON')
    .action(async (sid: string, options: { file: string }) => {
      const body = (await readJson(options.file)) as SenderUpdate;
      show(globals(), await (await connect(globals())).update(sid, body));
    });

  command('delete', 'delete a sender; asks first unless --yes', 'delete XE… --yes')
    .argument('<sid>', 'the sender sid')
    .option('--yes', 'do not ask')
    .action(async (sid: string, options: { yes?: boolean }) => {
      const senders = await connect(globals());
      if (!options.yes) {
        const answer = await ask(`Delete ${sid}? This cannot be undone. [y/N] `);
        if (!/^y(es)?$/i.test(answer?.trim() ?? ''))
          throw new UsageError('not deleted: not confirmed (--yes skips the question)');
      }
      await senders.delete(sid);
      show(globals(), `deleted ${sid}`);
    });

  command('list', 'list the WhatsApp senders of the account', 'list --limit 20 --json')
    .option('--limit <n>', 'at most this many senders', (value) => positive(value, '--limit'))
    .option('--page-size <n>', 'senders per request (1 to 1000)', (value) => positive(value, '--page-size'), 50)
    .action(async (options: { limit?: number; pageSize: number }) => {
      const senders = await connect(globals());
      const found: Sender[] = [];
      for await (const sender of senders.iterate({ pageSize: options.pageSize, limit: options.limit }))
        found.push(sender);
      show(globals(), found);
    });

  command('wait', 'wait until a sender reaches a status, with a spinner', 'wait XE… --until ONLINE --timeout 600')
    .argument('<sid>', 'the sender sid')
    .addOption(
      new Option('--until <status...>', 'the statuses to wait for').choices([...statuses]).makeOptionMandatory(),
    )
    .option('--timeout <seconds>', 'give up after this long', (value) => positive(value, '--timeout'), 600)
    .option('--interval <ms>', 'the first wait between reads', (value) => positive(value, '--interval'), 2_000)
    .action(async (sid: string, options: { until: SenderStatus[]; timeout: number; interval: number }) => {
      const senders = await connect(globals());
      const limits = { timeoutMs: options.timeout * 1000, intervalMs: options.interval };
      show(
        globals(),
        await withSpinner(globals(), sid, (wait) => senders.waitForStatus(sid, options.until, { ...limits, ...wait })),
      );
    });

  command('verify', 'submit the one-time password, then wait until ONLINE', 'verify XE… 123456')
    .argument('<sid>', 'the sender sid')
    .argument('<code>', 'the code that reached the number')
    .action(async (sid: string, code: string) => {
      const senders = await connect(globals());
      show(globals(), await withSpinner(globals(), sid, (wait) => senders.verify(sid, code, wait)));
    });

  command(
    'register',
    'create, wait for the one-time password, ask for it, verify, wait until ONLINE',
    'register --file sender.json',
  )
    .requiredOption('--file <path>', 'the create body as JSON')
    .action(async (options: { file: string }) => {
      const body = (await readJson(options.file)) as SenderCreate;
      const senders = await connect(globals());
      let sender = await withSpinner(globals(), body.sender_id ?? 'sender', (wait) => senders.register(body, wait));
      if (sender.status === 'PENDING_VERIFICATION') {
        const code = await ask(`Enter the code sent to ${sender.sender_id}: `);
        if (!code?.trim()) throw new UsageError(`no code given; run: whatsapp-senders verify ${sender.sid} <code>`);
        sender = await withSpinner(globals(), sender.sid, (wait) => senders.verify(sender.sid, code.trim(), wait));
      }
      show(globals(), sender);
    });

  addFleetCommands(root);
  return root;
}

function positive(value: string, name: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new UsageError(`${name} must be a whole number, 1 or more`);
  return number;
}

/** Runs the CLI with these arguments; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  try {
    await program().parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end with exit code 0; a usage mistake was already printed with the help.
      return error.exitCode === 0 ? 0 : 2;
    }
    console.error(errorLine(error));
    return exitCode(error);
  } finally {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  }
}
