// `whatsapp-senders sandbox`: the stateful sandbox until Ctrl-C, with credentials of its own, so
// that every other command can run against it with `--base-url` and keep what the last one made.
import { randomBytes } from 'node:crypto';
import { Option } from 'commander';
import type { Fleet } from '../../fleet/index.js';
import { startCheckedSandbox } from '../../testing/checked.js';
import type { Lifecycle } from '../../testing/lifecycle.js';
import { startBareSandbox } from '../../testing/server.js';
import { credentialVariables } from '../credentials.js';
import { port, positive } from '../flags.js';
import { loadFleetFile } from '../fleet-file.js';
import { UsageError } from '../format.js';
import { command, type Program } from '../globals.js';

/** The CLI sandbox's step with `--lifecycle timer`: slower than the library's, at a pace a person can follow. */
const watchableStepMs = 1_500;

/** Adds `sandbox` to the program. */
export function addSandbox(program: Program): void {
  command(
    program,
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
      watchableStepMs,
    )
    .option('--validate', 'put prism proxy --errors in front (needs @stoplight/prism-cli)')
    .option(
      '--fleet <file>',
      'accept each account of this fleet file, with its credential type, and print its variables',
    )
    .action(async (flags: Omit<SandboxCommandOptions, 'fleet'> & { fleet?: string }) => {
      const { baseUrl, sandbox } = program.globals();
      if (baseUrl !== undefined || sandbox) {
        throw new UsageError('sandbox starts a service of its own: --base-url and --sandbox do not apply to it');
      }
      await runSandbox({ ...flags, fleet: flags.fleet ? await loadFleetFile(flags.fleet) : undefined });
    });
}

/** Options of the sandbox command. */
export interface SandboxCommandOptions {
  port: number;
  lifecycle: Lifecycle;
  stepMs: number;
  validate?: boolean;
  /** A fleet file, read and checked: the sandbox accepts each of its accounts, with its credential type. */
  fleet?: Fleet;
}

/** What the sandbox accepts and the `export` lines that give it: one account, or each account of a fleet. */
function credentialsFor(fleet: Fleet | undefined): { accounts: Record<string, string>; exports: string[] } {
  const secret = () => randomBytes(16).toString('hex');
  if (!fleet) {
    const accountSid = `AC${secret()}`;
    const authToken = secret();
    return {
      accounts: { [accountSid]: authToken },
      exports: [`${credentialVariables.accountSid}=${accountSid}`, `${credentialVariables.authToken}=${authToken}`],
    };
  }
  const accounts: Record<string, string> = {};
  const exports: string[] = [];
  for (const account of fleet.accounts.values()) {
    const value = secret();
    // An API key is its own user name to the sandbox, as to Twilio: the key's secret is its password.
    accounts[account.apiKey ?? account.accountSid] = value;
    exports.push(`${account.authTokenEnv ?? account.apiSecretEnv}=${value}`);
  }
  return { accounts, exports };
}

/** Starts the sandbox, prints its address and the `export` lines of its credentials, and resolves when stopped. */
export async function runSandbox({ port, lifecycle, stepMs, validate, fleet }: SandboxCommandOptions): Promise<void> {
  const { accounts, exports } = credentialsFor(fleet);
  const options = { port, lifecycle, stepMs, accounts, keepAlive: true };
  const running = validate
    ? await startCheckedSandbox({ ...options, validateRequest: false })
    : await startBareSandbox(options);
  const checked = validate ? ', behind prism proxy --errors' : '';
  console.log(`sandbox: a stateful WhatsApp Senders service on ${running.url}${checked}; Ctrl-C stops it.`);
  const which = fleet ? `the secrets of each account of ${fleet.path}` : 'its credentials';
  console.log(`In another shell, set ${which} and pass --base-url ${running.url} to each command:`);
  for (const line of exports) console.log(`export ${line}`);
  // The signal wait keeps the process; close() lets it end.
  const keep = setInterval(() => undefined, 2 ** 30);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  clearInterval(keep);
  await running.close();
  console.error('sandbox: stopped');
}
