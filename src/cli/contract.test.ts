// `whatsapp-senders contract` from the built bin: through prism proxy --errors in front of a
// sandbox that answers as the spec says, one that drifts, with nothing to check, and in front of nothing.
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, openSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterEach, expect, it, vi } from 'vitest';
import { operationTable } from '../../generated/operations.js';
import { fromDist } from '../test/build.js';
import type { BareSandbox } from '../testing/options.js';
import { startBareSandbox } from '../testing/server.js';
import { runContract } from './commands/contract.js';
import { UsageError } from './format.js';

const bin = await fromDist('cli.js');
let sandbox: BareSandbox | undefined;
afterEach(() => sandbox?.close());

async function contract(args: string[], env: NodeJS.ProcessEnv = { PATH: process.env.PATH }) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, 'contract', ...args], { env });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

/** A sandbox with three senders, one of them online. */
async function seeded() {
  sandbox = await startBareSandbox();
  const auth = { Authorization: `Basic ${btoa(`AC${'0'.repeat(32)}:x`)}`, 'Content-Type': 'application/json' };
  for (const n of [1, 2, 3]) {
    await fetch(`${sandbox.url}${operationTable.createSender.path}`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ sender_id: `whatsapp:+1555000000${n}`, profile: { name: 'Example Motors' } }),
    });
  }
  return sandbox;
}

/** A seeded sandbox whose pages break the spec: each sender's status is outside the enum. */
async function drifting() {
  const upstream = await seeded();
  upstream.mutateResponses((body) =>
    Array.isArray(body.senders)
      ? { ...body, senders: (body.senders as object[]).map((sender) => ({ ...sender, status: 'SUSPENDED' })) }
      : body,
  );
  return upstream;
}

/** `runContract` in this process: its exit code, and each line it printed. */
async function inProcess(options: Parameters<typeof runContract>[0]) {
  const said: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    said.push(args.join(' '));
  });
  try {
    return { code: await runContract(options, {}), said };
  } finally {
    log.mockRestore();
  }
}

it('says plainly that nothing was checked without credentials or --base-url, and exits 0', async () => {
  const { code, output } = await contract([]);
  expect(code).toBe(0);
  expect(output).toMatch(/^contract: nothing was checked: TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN .* are not set/m);
});

it('checks a page, a few senders and a 404 of --base-url, and passes when nothing drifts', async () => {
  const upstream = await seeded();
  const { code, output } = await contract(['--base-url', upstream.url]);
  expect(code, output).toBe(0);
  expect(output).toContain('✔ a page of senders: 3 sender(s)');
  expect(output.match(/^✔ sender XE[0-9a-f]{32}: PENDING_VERIFICATION$/gm)).toHaveLength(3);
  expect(output).toContain('✔ an unknown sid: 404 (20404)');
  expect(output).toContain(
    `contract: 5 checks of ${upstream.url} through prism proxy --errors: no drift from the spec.`,
  );
}, 60_000);

it('prints its verdict as JSON with --json: each check, the drift, and no text line', async () => {
  const upstream = await drifting();
  const { code, said } = await inProcess({ baseUrl: upstream.url, json: true });
  expect(code).toBe(1);
  expect(said).toHaveLength(1);
  const verdict = JSON.parse(said[0] ?? '');
  // The page breaks the spec (its senders' status), so no sender of it is read: two checks.
  expect(verdict, said[0]).toMatchObject({
    verdict: 'drift',
    message: expect.stringMatching(/^contract: \d+ problem\(s\) in 2 checks of http:/),
    checks: [
      { name: 'a page of senders', ok: false },
      { name: 'an unknown sid', ok: true, result: '404 (20404)' },
    ],
  });
  expect(verdict.drift).toContainEqual(expect.stringMatching(/response\.body\.senders\.0\.status: .*allowed values/));
}, 60_000);

it('keeps its exit code when its reader goes away (| head -1), and says so when its output cannot be written', async () => {
  const upstream = await seeded();
  const child = spawn(process.execPath, [bin, 'contract', '--base-url', upstream.url], {
    env: { PATH: process.env.PATH },
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  // The first line read, the reader leaves: the four lines after it meet a closed pipe (EPIPE).
  child.stdout.once('data', () => child.stdout.destroy());
  const [code] = (await once(child, 'close')) as [number | null];
  // No EPIPE error or stack (Node 22 may print Prism's punycode DeprecationWarning: that is not ours).
  expect(stderr).not.toMatch(/EPIPE|Error:|could not be written|\n\s+at /);
  expect(code).toBe(0);
  const full = openSync('/dev/full', 'w');
  try {
    const version = spawn(process.execPath, [bin, '--version'], { stdio: ['ignore', full, 'pipe'] });
    let said = '';
    version.stderr?.on('data', (chunk) => (said += chunk));
    expect(((await once(version, 'close')) as [number | null])[0]).toBe(1);
    expect(said).toBe('error: the output could not be written (ENOSPC)\n');
    // A command that lasts ends too: a sandbox whose URL cannot be shown is of no use.
    const sandbox = spawn(process.execPath, [bin, 'sandbox'], { stdio: ['ignore', full, 'pipe'] });
    let told = '';
    sandbox.stderr?.on('data', (chunk) => (told += chunk));
    expect(((await once(sandbox, 'close')) as [number | null])[0]).toBe(1);
    expect(told).toContain('error: the output could not be written (ENOSPC)');
  } finally {
    closeSync(full);
  }
}, 60_000);

it('exits 1 on drift, naming the field', async () => {
  const upstream = await drifting();
  const { code, output } = await contract(['--base-url', upstream.url]);
  expect(code, output).toBe(1);
  expect(output).toMatch(
    /GET \/v2\/Channels\/Senders: response\.body\.senders\.0\.status: .*must be equal to one of the allowed values/,
  );
}, 60_000);

// In-process (runContract is what the bin's `contract` runs): the bin's own exit codes are tested above.
it('says a service it cannot reach is not drift: nothing was checked, exit 1', async () => {
  // Port 1 (tcpmux): nothing listens there on a test machine; a refused connection.
  const { code, said } = await inProcess({ baseUrl: 'http://127.0.0.1:1' });
  expect(code).toBe(1);
  const last = said.at(-1) as string;
  expect(last).toBe(
    'contract: could not reach http://127.0.0.1:1 (connect ECONNREFUSED 127.0.0.1:1): nothing was checked against the spec.',
  );
  expect(said.join('\n')).not.toMatch(/problem\(s\)|drift/);
}, 60_000);

it('refuses a --base-url that carries credentials or is not http(s) before it starts Prism, naming the flag', async () => {
  for (const [baseUrl, message] of [
    ['http://AC1:secret-in-url@127.0.0.1:1', '--base-url: must not carry credentials'],
    ['notaurl', '--base-url: must be an absolute http(s) URL'],
  ] as const) {
    const error = (await runContract({ baseUrl }, {}).catch((caught: unknown) => caught)) as Error;
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toContain(message);
    expect(error.message).not.toContain('secret-in-url');
  }
});

it('counts a check that got no answer apart from drift, and says how many were not made', async () => {
  // Every second connection is reset; the others answer a page and a 404 as the spec says.
  let connections = 0;
  const server = createServer((request, response) => {
    if (++connections % 2 === 0) return request.socket.destroy();
    response.setHeader('Connection', 'close');
    response.setHeader('Content-Type', 'application/json');
    if (request.url?.startsWith(`${operationTable.listSenders.path}?`))
      return response.end(JSON.stringify({ senders: [], meta: {} }));
    response.statusCode = 404;
    response.end(
      JSON.stringify({
        code: 20404,
        message: 'Not found',
        more_info: 'https://www.twilio.com/docs/errors/20404',
        status: 404,
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const { code, said } = await inProcess({ baseUrl: url });
    expect(code).toBe(1);
    expect(said.at(-1)).toMatch(
      new RegExp(`^contract: 1 of 2 checks could not reach ${url} \\(.+\\); the others found no drift\\.$`),
    );
  } finally {
    server.closeAllConnections();
    server.close();
  }
}, 60_000);
