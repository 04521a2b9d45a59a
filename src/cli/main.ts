// `whatsapp-senders`: the client from a terminal or a CI job. Credentials come from the TWILIO_*
// variables. Exit codes: 0 ok, 1 API error or drift, 2 usage or validation error.
import { Command, CommanderError, Option } from 'commander';
import { defaults } from '../defaults.js';
import { ApiError, SenderStatusError } from '../index.js';
import { senderStatuses, statusesOf, statusKind } from '../statuses.js';
import type { Sender, SenderCreate, SenderStatus, SenderUpdate } from '../types.js';
import { version } from '../user-agent.js';
import { runContract } from './contract.js';
import { addFleetCommands, loadFleetFile } from './fleet.js';
import { commandLine } from './fleet-output.js';
import { errorLine, exitCode, GoOn, UsageError } from './format.js';
import { ask, closeIo, connect, type Globals, readJson, show } from './io.js';
import { named } from './names.js';
import { afterVerify, codeOrReady, goOnFrom, withNextStep } from './next-step.js';
import { withProgress } from './progress.js';
import { runSandbox } from './sandbox.js';

/** The exit code a command chose without throwing (`contract` on drift). */
let commandExit = 0;
const codeTries = 3;
/** What `verify` waits for, in the help. */
const readyStatuses = statusesOf('ready').join(' ');

export function program(): Command {
  const root = new Command('whatsapp-senders')
    .description("Register, verify, update and retire WhatsApp senders through Twilio's Senders API.")
    .version(version)
    .option(
      '--base-url <url>',
      'send requests here instead of https://messaging.twilio.com (a sandbox, a mock, a proxy)',
    )
    .option('--sandbox', 'run this one command against a fresh in-memory sandbox (`sandbox` starts one that lasts)')
    .option('--json', 'print JSON instead of text')
    .addHelpText(
      'after',
      '\nCredentials: TWILIO_ACCOUNT_SID with TWILIO_AUTH_TOKEN, or with TWILIO_API_KEY and TWILIO_API_SECRET.\n' +
        'Exit codes: 0 ok, 1 API error or drift, 2 usage or validation error.\n\n' +
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
    'register a sender (202): from a JSON file, from options, or both (the options override the file)',
    'create --sender-id whatsapp:+15017122661 --name "Example Motors"',
  )
    .option('--file <path>', 'the create body as JSON')
    .option('--sender-id <id>', "the number, as whatsapp:+E.164 (overrides the file's sender_id)")
    .option('--name <name>', "the profile name (overrides the file's profile.name)")
    .option('--waba-id <id>', "the WhatsApp Business Account id (overrides the file's configuration.waba_id)")
    .action(async (options: { file?: string; senderId?: string; name?: string; wabaId?: string }) => {
      if (!options.file && !options.senderId) {
        throw new UsageError('create needs --file, or --sender-id (with --name and --waba-id if you like)');
      }
      const body: Record<string, unknown> = options.file ? await readJson(options.file) : {};
      const names: Record<string, string> = {};
      const override = (flag: string, value: string | undefined, section: string | undefined, key: string) => {
        if (value === undefined) return;
        const holder = section ? (body[section] ?? {}) : body;
        if (section) body[section] = holder;
        const path = `$.${section ? `${section}.` : ''}${key}`;
        const fields = holder as Record<string, unknown>;
        if (options.file && fields[key] !== undefined && fields[key] !== value) {
          process.stderr.write(`note: ${flag} overrides ${path.slice(2)} of ${options.file}\n`);
        }
        fields[key] = value;
        names[path] = flag;
      };
      override('--sender-id', options.senderId, undefined, 'sender_id');
      override('--name', options.name, 'profile', 'name');
      override('--waba-id', options.wabaId, 'configuration', 'waba_id');
      // Without a file, a missing sender id or profile (its name) is a missing flag.
      if (!options.file) Object.assign(names, { '$.sender_id': '--sender-id', '$.profile': '--name', ...names });
      const senders = await connect(globals());
      show(globals(), await named(() => senders.create(body as SenderCreate), names, options.file));
    });

  command('get', 'show one sender', 'get XE1234567890abcdef1234567890abcdef')
    .argument('<sid>', 'the sender sid, XE and 32 hex digits')
    .action(async (sid: string) => {
      const senders = await connect(globals());
      show(globals(), await named(() => senders.get(sid)));
    });

  command('update', 'change a sender (202) with a JSON patch of the keys to change', 'update XE… --file patch.json')
    .argument('<sid>', 'the sender sid')
    .requiredOption('--file <path>', 'the update body as JSON')
    .action(async (sid: string, options: { file: string }) => {
      const body = (await readJson(options.file)) as SenderUpdate;
      const senders = await connect(globals());
      show(globals(), await named(() => senders.update(sid, body), {}, options.file));
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
      await named(() => senders.delete(sid));
      show(globals(), `deleted ${sid}`);
    });

  command('list', 'list the WhatsApp senders of the account', 'list --limit 20 --json')
    .option('--limit <n>', 'at most this many senders', (value) => positive(value, '--limit'))
    .option('--page-size <n>', "senders per request (1 to 1000; by default the service's)", (value) =>
      positive(value, '--page-size'),
    )
    .action(async (options: { limit?: number; pageSize?: number }) => {
      const senders = await connect(globals());
      const found: Sender[] = [];
      await named(
        async () => {
          for await (const sender of senders.iterate({ pageSize: options.pageSize, limit: options.limit }))
            found.push(sender);
        },
        { '$.pageSize': '--page-size', '$.limit': '--limit' },
      );
      show(globals(), found);
    });

  command('wait', 'wait until a sender reaches a status', `wait XE… --until ${readyStatuses} --timeout 600`)
    .argument('<sid>', 'the sender sid')
    .addOption(
      new Option('--until <status...>', 'the statuses to wait for').choices([...senderStatuses]).makeOptionMandatory(),
    )
    .option(
      '--timeout <seconds>',
      'give up after this long',
      (value) => positive(value, '--timeout'),
      defaults.poll.maxWaitMs / 1000,
    )
    .option(
      '--interval <ms>',
      'the first wait between reads',
      (value) => positive(value, '--interval'),
      defaults.poll.intervalMs,
    )
    .action(async (sid: string, options: { until: SenderStatus[]; timeout: number; interval: number }) => {
      const senders = await connect(globals());
      const limits = { maxWaitMs: options.timeout * 1000, intervalMs: options.interval };
      const names = { '$.maxWaitMs': '--timeout', '$.intervalMs': '--interval', '$.statuses': '--until' };
      show(
        globals(),
        await withNextStep(sid, () =>
          named(
            () =>
              withProgress(sid, Boolean(globals().json), (wait) =>
                senders.waitForStatus(sid, options.until, { ...limits, ...wait }),
              ),
            names,
          ),
        ),
      );
    });

  command('verify', `submit the one-time password, then wait until ${readyStatuses}`, 'verify XE… 123456')
    .argument('<sid>', 'the sender sid')
    .argument('<code>', 'the code that reached the number')
    .action(async (sid: string, code: string) => {
      const senders = await connect(globals());
      const names = { '$.configuration.verification_code': '<code>' };
      show(
        globals(),
        await withNextStep(sid, () =>
          named(() => withProgress(sid, Boolean(globals().json), (wait) => senders.verify(sid, code, wait)), names),
        ),
      );
    });

  command(
    'register',
    `create, wait for the one-time password, ask for it (${codeTries} tries), verify, wait until ${readyStatuses}`,
    'register --file sender.json',
  )
    .requiredOption('--file <path>', 'the create body as JSON')
    .action(async (options: { file: string }) => {
      const body = (await readJson(options.file)) as SenderCreate;
      const senders = await connect(globals());
      const quiet = Boolean(globals().json);
      const findSender = async (senderId: unknown) => {
        try {
          for await (const each of senders.iterate({ pageSize: 1000 })) if (each.sender_id === senderId) return each;
        } catch {
          // The lookup is a courtesy: the create's own error is what is reported.
        }
        return undefined;
      };
      let sid: string | undefined;
      let sender: Sender;
      try {
        sender = await named(
          () =>
            withProgress(
              body.sender_id ?? 'sender',
              quiet,
              (wait) => senders.register(body, wait),
              (seen) => {
                sid = seen.sid;
              },
            ),
          {},
          options.file,
        );
      } catch (error) {
        if (sid) {
          const status = error instanceof SenderStatusError ? error.senderStatus : undefined;
          throw new GoOn(
            error,
            status ? goOnFrom(sid, status) : `whatsapp-senders wait ${sid} --until ${codeOrReady.join(' ')}`,
          );
        }
        // A refused create may be a number registered already (an earlier register that gave up):
        // the account's own sender with this sender_id says how to go on.
        const existing = error instanceof ApiError && error.status < 500 ? await findSender(body.sender_id) : undefined;
        if (existing) throw new GoOn(error, goOnFrom(existing.sid, existing.status));
        throw error;
      }
      const { sid: created } = sender;
      for (let attempt = 1; statusKind(sender.status) === 'awaiting-code'; attempt++) {
        const question =
          attempt === 1
            ? `Enter the code sent to ${sender.sender_id}: `
            : `Enter the code again (try ${attempt} of ${codeTries}): `;
        const code = (await ask(question))?.trim();
        if (!code) throw new GoOn(new UsageError('no code given'), `whatsapp-senders verify ${created} <code>`);
        try {
          sender = await named(() => withProgress(created, quiet, (wait) => senders.verify(created, code, wait)), {
            '$.configuration.verification_code': 'the code',
          });
        } catch (error) {
          const mistyped = error instanceof UsageError || (error instanceof ApiError && error.status === 400);
          if (!mistyped || attempt >= codeTries) throw new GoOn(error, afterVerify(created, error));
          process.stderr.write(`${errorLine(error)}\n`);
        }
      }
      show(globals(), sender);
    });

  command(
    'sandbox',
    'run a stateful sandbox of the service until Ctrl-C, and print its URL and the credentials it accepts',
    'sandbox --port 4020',
  )
    .option('--port <n>', 'the port (by default a free one)', (value) => port(value), 0)
    // No `manual`: no command steps a sender, so a register against it would wait for ever.
    .addOption(new Option('--lifecycle <how>', 'how statuses move on').choices(['instant', 'timer']).default('timer'))
    .option(
      '--step-ms <ms>',
      'the delay of each step with --lifecycle timer',
      (value) => positive(value, '--step-ms'),
      1_500,
    )
    .option('--validate', 'put prism proxy --errors in front (needs @stoplight/prism-cli)')
    .option(
      '--fleet <file>',
      'accept each account of this fleet file, with its credential type, and print its variables',
    )
    .action(
      async (options: {
        port: number;
        lifecycle: 'instant' | 'timer';
        stepMs: number;
        validate?: boolean;
        fleet?: string;
      }) => runSandbox({ ...options, fleet: options.fleet ? await loadFleetFile(options.fleet) : undefined }),
    );

  command(
    'contract',
    'check that the service still answers as the spec says: a page, a few senders, a 404, read only, through ' +
      'prism proxy --errors (needs @stoplight/prism-cli); the real service with TWILIO_*, or --base-url',
    'contract',
  ).action(async () => {
    commandExit = await runContract({ baseUrl: globals().baseUrl });
  });

  addFleetCommands(root);
  return root;
}

function positive(value: string, name: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new UsageError(`${name} must be a whole number, 1 or more`);
  return number;
}

function port(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > 65_535) {
    throw new UsageError('--port must be a whole number from 0 to 65535');
  }
  return number;
}

/** A next command as it can be pasted: with the `--base-url` this run was given, or it would go to Twilio. */
function withGlobalFlags(next: string, argv: readonly string[]): string {
  const at = argv.findIndex((arg) => arg === '--base-url' || arg.startsWith('--base-url='));
  const given = argv[at]?.startsWith('--base-url=') ? argv[at]?.slice('--base-url='.length) : argv[at + 1];
  if (at < 0 || !given || !next.startsWith('whatsapp-senders ') || next.includes('--base-url')) return next;
  const [command, ...rest] = next.split(' (');
  return [`${command} ${commandLine(['--base-url', given]).slice('whatsapp-senders '.length)}`, ...rest].join(' (');
}

/** Runs the CLI with these arguments; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  commandExit = 0;
  try {
    await program().parseAsync(argv, { from: 'user' });
    return commandExit;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end with exit code 0; a usage mistake was already printed with the help.
      return error.exitCode === 0 ? 0 : 2;
    }
    console.error(errorLine(error instanceof GoOn ? new GoOn(error.error, withGlobalFlags(error.next, argv)) : error));
    return exitCode(error);
  } finally {
    await closeIo();
  }
}
