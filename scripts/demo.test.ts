// `npm start` (scripts/demo.mjs) as a person runs it: the whole lifecycle, in order, exit 0; and
// `--live`, which never writes without a yes. The demo imports the package by its name, which is dist/: built first if stale.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ensureBuilt } from '../src/test/build.js';
import { credentials } from '../src/test/credentials.js';
import { root } from '../src/test/paths.js';

function demo(args: string[], env: NodeJS.ProcessEnv, input = '') {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'scripts', 'demo.mjs'), ...args], { cwd: root, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

await ensureBuilt();

const without = (names: string[]) =>
  Object.fromEntries(Object.entries(process.env).filter(([name]) => !names.includes(name)));
const twilio = ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_API_KEY', 'TWILIO_API_SECRET'];

it('walks a sender through its whole life against the sandbox, with timings, and exits 0', async () => {
  const { code, stdout, stderr } = await demo([], without(twilio));
  expect(code, stderr).toBe(0);
  const steps = [
    /sandbox behind prism proxy --errors on http:\/\/127\.0\.0\.1:\d+/,
    /… CREATING/,
    /… PENDING_VERIFICATION/,
    /register XE[0-9a-f]{32} is PENDING_VERIFICATION: the code is on its way .* \(\d+ ms\)/,
    /… VERIFYING/,
    /… ONLINE/,
    /verify {3}XE[0-9a-f]{32} is ONLINE {2}\(\d+ ms\)/,
    /… ONLINE:UPDATING/,
    /update {3}webhook → https:\/\/example\.com\/hooks\/whatsapp; ONLINE again/,
    /list {5}1 sender\(s\)/,
    /delete {3}XE[0-9a-f]{32} deleted; a get now says 404/,
    / {2}done$/m,
  ];
  let at = 0;
  for (const pattern of steps) {
    const found = stdout.slice(at).search(pattern);
    expect(found, `${pattern} after offset ${at} in:\n${stdout}`).toBeGreaterThanOrEqual(0);
    at += found + 1;
  }
  for (const line of stdout.trim().split('\n')) expect(line).toMatch(/^ *\d+\.\d{2} s {2}/);
}, 60_000);

it('--live names the missing variables and exits 2', async () => {
  const { code, stderr } = await demo(['--live'], without(twilio));
  expect(code).toBe(2);
  expect(stderr).toContain('TWILIO_ACCOUNT_SID');
});

it('--live asks before each write, and stops at a no without sending anything', async () => {
  const env = {
    ...without(twilio),
    TWILIO_ACCOUNT_SID: credentials.accountSid,
    TWILIO_AUTH_TOKEN: credentials.authToken,
  };
  const { code, stdout, stderr } = await demo(['--live'], env, 'whatsapp:+15017122661\nn\n');
  expect(code).toBe(1);
  expect(stdout).toContain('Register whatsapp:+15017122661? [y/N]');
  expect(stderr).toContain('error: stopped: Register whatsapp:+15017122661 was not confirmed');
});
