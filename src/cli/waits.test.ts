// Waits end when nothing will change by waiting: `wait --until ONLINE` on a sender that waits for
// its one-time password ends at the first read, saying so, with the command that moves it on.
import { spawn } from 'node:child_process';
import { afterAll, expect, it } from 'vitest';
import { createSendersClient } from '../client.js';
import { fromDist } from '../test/build.js';
import { startBareSandbox } from '../testing/server.js';

// Built first (outside a test's timeout) when dist/ is older than src/.
const bin = await fromDist('cli.js');

const accountSid = `AC${'7'.repeat(32)}`;
const sandbox = await startBareSandbox({ accounts: { [accountSid]: 'waits-token' }, lifecycle: 'instant' });
afterAll(() => sandbox.close());

function cli(args: string[]) {
  const child = spawn(process.execPath, [bin, ...args, '--base-url', sandbox.url], {
    env: { PATH: process.env.PATH, TWILIO_ACCOUNT_SID: accountSid, TWILIO_AUTH_TOKEN: 'waits-token' },
  });
  let text = '';
  child.stdout.on('data', (chunk) => (text += chunk));
  child.stderr.on('data', (chunk) => (text += chunk));
  child.stdin.end();
  // A command that never ends (a sandbox that lasts, a wait of ten minutes) is stopped, not left behind.
  const stop = setTimeout(() => child.kill(), 20_000);
  return new Promise<{ code: number | null; text: string }>((resolve) =>
    child.on('close', (code) => {
      clearTimeout(stop);
      resolve({ code, text });
    }),
  );
}

it('ends a wait for ONLINE at once when the sender waits for its code, naming the verify command', async () => {
  const senders = createSendersClient({ accountSid, authToken: 'waits-token', baseUrl: sandbox.url });
  const { sid } = await senders.create({ sender_id: 'whatsapp:+15017122661', profile: { name: 'Example Motors' } });
  // The default timeout is ten minutes: only the first reads may pass before the answer.
  const reads = sandbox.requests;
  const { code, text } = await cli(['wait', sid, '--until', 'ONLINE', '--interval', '50']);
  expect(code).toBe(1);
  expect(text).toContain(`sender ${sid} is PENDING_VERIFICATION (it waits for the one-time password`);
  expect(text.trimEnd().split('\n').at(-1)).toBe(
    `to go on: whatsapp-senders verify ${sid} <code> --base-url ${sandbox.url}`,
  );
  expect(sandbox.requests - reads).toBeLessThanOrEqual(3);
  // Waiting for the status it is in ends at once too, with success.
  expect((await cli(['wait', sid, '--until', 'PENDING_VERIFICATION'])).code).toBe(0);
});

it('offers no sandbox lifecycle that no command can step: --lifecycle manual is refused, exit 2', async () => {
  const { code, text } = await cli(['sandbox', '--lifecycle', 'manual']);
  expect(code).toBe(2);
  expect(text).toContain("argument 'manual' is invalid. Allowed choices are instant, timer.");
});
