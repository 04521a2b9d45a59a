// The built bin (dist/cli.js) as a user runs it: against a sandbox over real sockets, in a real pty
// with 0 columns, with a mistyped code, and with what a user types named in every error.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusesOf } from '../statuses.js';
import { fromDist } from '../test/build.js';
import { credentials } from '../test/credentials.js';
import { root } from '../test/paths.js';
import { nextStatus } from '../testing/lifecycle.js';
import type { BareSandbox } from '../testing/options.js';
import { startBareSandbox } from '../testing/server.js';
import type { SenderStatus } from '../types.js';

const bin = await fromDist('cli.js');
const scratch = mkdtempSync(join(tmpdir(), 'cli-test-'));
let sandbox: BareSandbox;
beforeAll(async () => {
  sandbox = await startBareSandbox({ lifecycle: 'timer', stepMs: 50 });
});
afterAll(async () => {
  await sandbox.close();
  rmSync(scratch, { recursive: true, force: true });
});

const env: NodeJS.ProcessEnv = {
  PATH: process.env.PATH,
  TWILIO_ACCOUNT_SID: credentials.accountSid,
  TWILIO_AUTH_TOKEN: credentials.authToken,
  NO_COLOR: '1',
};

/** Runs the bin; resolves to its exit code, stdout and stderr. */
function cli(args: string[], { input = '', environment = env, base = true } = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args, ...(base ? ['--base-url', sandbox.url] : [])], {
      cwd: scratch,
      env: environment,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

let number = 0;
const fresh = () => `whatsapp:+1555${String(3_000_000 + ++number).padStart(7, '0')}`;
let files = 0;
/** A JSON file of its own for each call, so that tests running side by side never share one. */
const file = (name: string, body: unknown) => {
  const path = join(scratch, `${++files}-${name}`);
  writeFileSync(path, JSON.stringify(body));
  return path;
};

describe('create with --file and flags', () => {
  it('takes the flags over the file, and says so', async () => {
    const path = file('motors.json', { sender_id: fresh(), profile: { name: 'From the file', about: 'Kept' } });
    const flag = fresh();
    const { code, stdout, stderr } = await cli([
      'create',
      '--file',
      path,
      '--sender-id',
      flag,
      '--name',
      'From a flag',
    ]);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain(`note: --sender-id overrides sender_id of ${path}`);
    expect(stderr).toContain(`note: --name overrides profile.name of ${path}`);
    expect(stdout).toMatch(new RegExp(`^sender_id +${flag.replace('+', '\\+')}$`, 'm'));
    const stored = [...sandbox.senders.values()].find((sender) => sender.sender_id === flag);
    expect(stored?.profile).toMatchObject({ name: 'From a flag', about: 'Kept' });
  });
});

describe.concurrent('errors name what the user typed', () => {
  it.each([
    ['a page size over the limit', ['list', '--page-size', '5000'], /^error: --page-size: must be at most 1000$/m],
    ['a malformed sid', ['get', 'XE123'], /^error: <sid>: /m],
    [
      'a bad --sender-id',
      ['create', '--sender-id', '+15017122661', '--name', 'Example Motors'],
      /^error: --sender-id: /m,
    ],
    [
      'no --name (a WhatsApp sender needs its display name)',
      ['create', '--sender-id', 'whatsapp:+15017122661'],
      /^error: --name: /m,
    ],
    ['a malformed sid to verify', ['verify', 'XE123', '482913'], /^error: <sid>: /m],
    ['a bad --base-url', ['list', '--base-url', 'ftp://example.com'], /^error: --base-url: /m],
  ])('names the flag for %s, and exits 2', async (_, args, message) => {
    const { code, stderr } = await cli(args as string[], { base: !args.includes('--base-url') });
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\$\.(pageSize|sid|baseUrl|sender_id)|options\./);
    expect(code).toBe(2);
  });

  it('names the file and the path inside it for a bad field of --file', async () => {
    const path = file('bad.json', { sender_id: fresh(), profile: { name: 'Bad', emails: [{ label: 'x' }] } });
    const { code, stderr } = await cli(['create', '--file', path]);
    expect(code).toBe(2);
    expect(stderr).toContain(`error: ${path}: $.profile.emails[0].email: is required`);
  });

  it('names the TWILIO_* variables, not library options, when credentials are missing or wrong', async () => {
    const missing = await cli(['list'], { environment: { PATH: env.PATH } });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/TWILIO_ACCOUNT_SID is not set; TWILIO_AUTH_TOKEN is not set/);
    expect(missing.stderr).not.toContain('$.');
    const wrong = await cli(['list'], { environment: { ...env, TWILIO_ACCOUNT_SID: 'AC123' } });
    expect(wrong.stderr).toMatch(/^error: TWILIO_ACCOUNT_SID must be AC followed by 32 hex digits$/m);
  });
});

// Each test registers a number of its own: they run side by side.
describe.concurrent('register', () => {
  it('asks again after a mistyped code, and goes online with the right one', async () => {
    const path = file('again.json', { sender_id: fresh(), profile: { name: 'Example Motors' } });
    const { code, stdout, stderr } = await cli(['register', '--file', path], { input: '111111\n222222\n123456\n' });
    expect(code, stderr).toBe(0);
    expect(stderr.match(/→ 400 \(70002/g)).toHaveLength(2);
    expect(stderr).toContain('Enter the code again (try 3 of 3): 123456');
    expect(stdout).toMatch(/^status +ONLINE$/m);
  });

  it('run again for a number it registered already, says how to go on with that sender', async () => {
    const path = file('twice.json', { sender_id: fresh(), profile: { name: 'Example Motors' } });
    // The first run gets no code at all: exit 2, and how to go on with the sender it made.
    const first = await cli(['register', '--file', path], { input: '' });
    const sid = /XE[0-9a-f]{32}/.exec(first.stderr)?.[0];
    expect(first.code).toBe(2);
    expect(first.stderr.trimEnd().split('\n').at(-1)).toBe(
      `to go on: whatsapp-senders verify ${sid} <code> --base-url ${sandbox.url}`,
    );
    expect(sandbox.senders.get(sid as string)?.status).toBe('PENDING_VERIFICATION');
    const again = await cli(['register', '--file', path], { input: '' });
    expect(again.code).toBe(1);
    expect(again.stderr.trimEnd().split('\n').at(-1)).toBe(
      `to go on: whatsapp-senders verify ${sid} <code> --base-url ${sandbox.url}`,
    );
  });

  // After no code at all: the first run of the test above.
  it.each([['three mistyped codes', '111111\n222222\n333333\n', 1]])(
    'after %s, ends by saying how to go on',
    async (_, input, exit) => {
      const path = file('stuck.json', { sender_id: fresh(), profile: { name: 'Example Motors' } });
      const { code, stderr } = await cli(['register', '--file', path], { input });
      expect(code).toBe(exit);
      const sid = /XE[0-9a-f]{32}/.exec(stderr)?.[0];
      expect(stderr.trimEnd().split('\n').at(-1)).toBe(
        `to go on: whatsapp-senders verify ${sid} <code> --base-url ${sandbox.url}`,
      );
      expect(sandbox.senders.get(sid as string)?.status).toBe('PENDING_VERIFICATION');
    },
  );

  it('wait --timeout bounds the whole wait (maxWaitMs), not one request', async () => {
    const created = await cli(['create', '--sender-id', fresh(), '--name', 'Stuck', '--json']);
    expect(created.code, created.stderr).toBe(0);
    const { sid } = JSON.parse(created.stdout) as { sid: string };
    // A working status the sandbox never moves on from: the wait keeps polling until its deadline.
    const stuck = statusesOf('working').find((status) => !nextStatus[status]) as SenderStatus;
    sandbox.setStatus(sid, stuck);
    const started = Date.now();
    const { code, stderr } = await cli(['wait', sid, '--until', 'ONLINE', '--timeout', '1', '--interval', '100']);
    expect(code).toBe(1);
    expect(stderr).toContain(`timed out after 1000 ms; still ${stuck}, waiting for ONLINE`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('ends in a real pty with 0 columns, without a spinner', async () => {
    const path = file('pty.json', { sender_id: fresh(), profile: { name: 'Example Motors' } });
    const command = `stty cols 0 rows 0; exec ${process.execPath} ${bin} register --file ${path} --base-url ${sandbox.url}`;
    const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: scratch, env });
    let bytes = 0;
    let output = '';
    let answered = false;
    child.stdout.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (output.length < 100_000) output += chunk.toString();
      if (!answered && output.includes('Enter the code')) {
        answered = true;
        child.stdin.write('123456\n');
      }
    });
    const ended = await Promise.race([
      new Promise((resolve) => child.once('exit', (code) => resolve(code))),
      new Promise((resolve) => setTimeout(() => resolve('still running'), 30_000)),
    ]);
    if (ended === 'still running') child.kill('SIGKILL');
    expect(ended).toBe(0);
    // A spinner redrawing in 0 columns writes megabytes a second; the whole run here is under 2 KB.
    expect(bytes).toBeLessThan(16_384);
    expect(output).toMatch(/status +ONLINE/);
  }, 60_000);
});

/** Starts `whatsapp-senders sandbox` as a user does; resolves to its URL, its export lines and the process. */
async function startCliSandbox() {
  const server = spawn(process.execPath, [bin, 'sandbox', '--step-ms', '50'], { env: { PATH: env.PATH } });
  let printed = '';
  await new Promise<void>((resolve, reject) => {
    server.stdout?.on('data', (chunk) => {
      printed += chunk;
      if (/TWILIO_AUTH_TOKEN=\S+\n/.test(printed)) resolve();
    });
    server.once('exit', () => reject(new Error(`the sandbox ended: ${printed}`)));
  });
  const url = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(printed)?.[1] as string;
  const exports = Object.fromEntries(
    [...printed.matchAll(/^export (\w+)=(\S+)$/gm)].map((match) => [match[1], match[2]]),
  );
  const exited = new Promise((resolve) => server.once('exit', (code) => resolve(code)));
  return { server, url, exports: exports as NodeJS.ProcessEnv, exited };
}

describe.concurrent('wait ends at once on a status that waiting will not change, saying how to go on', () => {
  /** A sender created through the bin, then put in `status` by the sandbox. */
  const senderIn = async (status: SenderStatus) => {
    const created = await cli(['create', '--sender-id', fresh(), '--name', 'Stopped', '--json']);
    expect(created.code, created.stderr).toBe(0);
    const { sid } = JSON.parse(created.stdout) as { sid: string };
    sandbox.setStatus(sid, status);
    return sid;
  };
  // --timeout 5: without the guarantee the wait polls until then, and ends with a timeout instead.
  const waitOnline = (sid: string) => cli(['wait', sid, '--until', 'ONLINE', '--timeout', '5', '--interval', '100']);

  it.each(statusesOf('awaiting-code'))('%s (awaiting-code): the verify command to run', async (status) => {
    const sid = await senderIn(status);
    const { code, stderr } = await waitOnline(sid);
    expect(code).toBe(1);
    expect(stderr).toContain(`sender ${sid} is ${status} (it waits for the one-time password`);
    expect(stderr.trimEnd().split('\n').at(-1)).toBe(
      `to go on: whatsapp-senders verify ${sid} <code> --base-url ${sandbox.url}`,
    );
  });

  it.each(statusesOf('action-needed'))('%s (action-needed): that someone must act, and where', async (status) => {
    const sid = await senderIn(status);
    const { code, stderr } = await waitOnline(sid);
    expect(code).toBe(1);
    expect(stderr.trimEnd().split('\n').at(-1)).toBe(
      `to go on: whatsapp-senders get ${sid} --base-url ${sandbox.url} (it is ${status}: it will not move on until someone acts, in the Twilio Console)`,
    );
  });

  it.each(statusesOf('failed'))('%s (failed): its reasons', async (status) => {
    const sid = await senderIn(status);
    const { code, stderr } = await waitOnline(sid);
    expect(code).toBe(1);
    expect(stderr).toContain(`sender ${sid} is ${status} (30008: `);
    expect(stderr.trimEnd().split('\n').at(-1)).toBe(
      `to go on: whatsapp-senders get ${sid} --base-url ${sandbox.url} (it is ${status}; see its reasons)`,
    );
  });
});

describe('whatsapp-senders sandbox', () => {
  const started: ChildProcess[] = [];
  afterAll(() => {
    for (const server of started) if (server.exitCode === null) server.kill('SIGKILL');
  });

  // The transcript's commands are processes of their own against one sandbox: its `list` shows what its
  // `register` and `create` made, so the sandbox lasts across commands.
  it("reproduces the README's CLI transcript; the sandbox answers only the credentials it printed, until Ctrl-C", async () => {
    const { server, url, exports, exited } = await startCliSandbox();
    started.push(server);
    expect(Object.keys(exports)).toEqual(['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN']);
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## CLI'), readme.indexOf('## Testing your own code'));
    const sender = /```json\n([\s\S]*?)```/.exec(section)?.[1] as string;
    writeFileSync(join(scratch, 'sender.json'), sender);
    const transcript = /```console\n\$ whatsapp-senders register[\s\S]*?```/.exec(section)?.[0] as string;
    const steps = transcript
      .split('\n')
      .slice(1, -1)
      .join('\n')
      .split(/^\$ /m)
      .filter(Boolean)
      .map((block) => {
        const [command = '', ...output] = block.trimEnd().split('\n');
        return { command, output };
      });
    expect(steps.length).toBeGreaterThanOrEqual(4);
    const environment = { PATH: env.PATH, ...exports };
    const documented = new URL('http://127.0.0.1:4020');
    let last = 0;
    for (const { command, output } of steps) {
      if (command === 'echo $?') {
        expect(output).toEqual([String(last)]);
        continue;
      }
      const args = [...command.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => (match[1] ?? match[2]) as string).slice(1);
      const input = output.map((line) => /^Enter the code sent to .*: (\d+)$/.exec(line)?.[1]).find(Boolean);
      const run = await new Promise<{ code: number | null; text: string }>((resolve) => {
        const child = spawn(process.execPath, [bin, ...args.map((arg) => arg.replace(documented.origin, url))], {
          cwd: scratch,
          env: environment,
          stdio: ['pipe', 'pipe', 'pipe'],
        });
        let text = '';
        child.stdout.on('data', (chunk) => (text += chunk));
        child.stderr.on('data', (chunk) => (text += chunk));
        child.on('close', (code) => resolve({ code, text }));
        child.stdin.end(input ? `${input}\n` : '');
      });
      last = run.code ?? -1;
      // What varies from run to run: sids, request ids, times.
      const pattern = (line: string) =>
        new RegExp(
          `^${line
            .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
            .replace(/XE[0-9a-f]{32}/g, 'XE[0-9a-f]{32}')
            .replace(/RQ…/g, 'RQ[0-9a-f]{32}')
            .replace(/\d+\\\.\d s/g, '\\d+\\.\\d s')
            .replace(/ {2,}/g, ' {2,}')}$`,
        );
      const lines = run.text.trimEnd().split('\n');
      expect(lines.length, run.text).toBe(output.length);
      for (const [i, line] of output.entries()) expect(lines[i], run.text).toMatch(pattern(line));
    }
    // Only the credentials it printed.
    const other = await cli(['list', '--base-url', url], { base: false });
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/→ 401 \(20003/);
    server.kill('SIGINT');
    expect(await exited).toBe(0);
  }, 90_000);
});
