// `whatsapp-senders sandbox`: the stateful sandbox until Ctrl-C, with credentials of its own, so
// that every other command can run against it with `--base-url` and keep what the last one made.
import { randomBytes } from 'node:crypto';
import { startCheckedSandbox } from '../testing/checked.js';
import type { Lifecycle } from '../testing/lifecycle.js';
import { startBareSandbox } from '../testing/server.js';

/** Options of the sandbox command. */
export interface SandboxCommandOptions {
  port: number;
  lifecycle: Lifecycle;
  stepMs: number;
  validate?: boolean;
}

/** Starts the sandbox, prints its address and the `export` lines of its credentials, and resolves when stopped. */
export async function runSandbox({ port, lifecycle, stepMs, validate }: SandboxCommandOptions): Promise<void> {
  const accountSid = `AC${randomBytes(16).toString('hex')}`;
  const authToken = randomBytes(16).toString('hex');
  const options = { port, lifecycle, stepMs, accounts: { [accountSid]: authToken }, keepAlive: true };
  const running = validate
    ? await startCheckedSandbox({ ...options, validateRequest: false })
    : await startBareSandbox(options);
  const checked = validate ? ', behind prism proxy --errors' : '';
  console.log(`sandbox: a stateful WhatsApp Senders service on ${running.url}${checked}; Ctrl-C stops it.`);
  console.log(`In another shell, set its credentials and pass --base-url ${running.url} to each command:`);
  console.log(`export TWILIO_ACCOUNT_SID=${accountSid}`);
  console.log(`export TWILIO_AUTH_TOKEN=${authToken}`);
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
