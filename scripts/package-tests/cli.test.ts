// The CLI as users get it: the packed package's bin, run as a child process against the stateful
// sandbox behind `prism proxy --errors`, asserting on its stdout, stderr and exit code.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { credentials, secrets } from '../../src/test/credentials.js';
import { startCheckedSandbox } from '../../src/testing/checked.js';

const project = inject('packageProject');
const bin = join(project, 'node_modules', '.bin', 'whatsapp-senders');
let checked: Awaited<ReturnType<typeof startCheckedSandbox>>;
beforeAll(async () => {
  checked = await startCheckedSandbox({ lifecycle: 'timer', stepMs: 100 });
});
afterAll(() => checked.close());

const env: NodeJS.ProcessEnv = {
  ...process.env,
  TWILIO_ACCOUNT_SID: credentials.accountSid,
  TWILIO_AUTH_TOKEN: credentials.authToken,
};

/** Runs the bin with `args` (and `--base-url` of the sandbox), feeding `input` to its stdin. */
function cli(args: string[], { input = '', base = true, environment = env } = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(bin, [...args, ...(base ? ['--base-url', checked.url] : [])], {
      cwd: project,
      env: { ...environment, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      for (const secret of secrets) {
        if (stdout.includes(secret) || stderr.includes(secret)) reject(new Error('the CLI printed a credential'));
      }
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(input);
  });
}

let number = 0;
const fresh = () => `whatsapp:+1555${String(8_000_000 + ++number).padStart(8, '0')}`;
const sidIn = (text: string) => /XE[0-9a-f]{32}/.exec(text)?.[0] as string;

// Each test has senders of its own: they run side by side, each bin a process of its own.
describe.concurrent('whatsapp-senders (the bin)', () => {
  it.each(['create', 'get', 'update', 'delete', 'list', 'wait', 'verify', 'register'])(
    'has --help with an example for %s',
    async (command) => {
      const { code, stdout } = await cli([command, '--help'], { base: false });
      expect(code).toBe(0);
      expect(stdout).toContain(`Usage: whatsapp-senders ${command}`);
      expect(stdout).toMatch(/Example:\n {2}\$ whatsapp-senders /);
    },
  );

  it('creates from options, and prints JSON with --json', async () => {
    const senderId = fresh();
    const text = await cli(['create', '--sender-id', senderId, '--name', 'Example Motors']);
    expect(text).toMatchObject({ code: 0, stderr: '' });
    expect(text.stdout).toMatch(
      /^sid +XE[0-9a-f]{32}\nsender_id +whatsapp:\+1555\d{8}\nstatus +CREATING\nname +Example Motors$/m,
    );
    const json = await cli(['create', '--sender-id', fresh(), '--name', 'Example Motors', '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ status: 'CREATING' });
  });

  it('creates from a file, gets, updates from a file, and lists as an aligned table', async () => {
    const file = join(project, 'sender.json');
    const senderId = fresh();
    writeFileSync(file, JSON.stringify({ sender_id: senderId, profile: { name: 'Acme' } }));
    const sid = sidIn((await cli(['create', '--file', file])).stdout);
    expect((await cli(['get', sid])).stdout).toContain(`sender_id  ${senderId}`);
    const patch = join(project, 'patch.json');
    writeFileSync(patch, JSON.stringify({ profile: { name: 'Acme Cars' } }));
    expect((await cli(['update', sid, '--file', patch])).stdout).toContain('name       Acme Cars');

    const { code, stdout } = await cli(['list', '--page-size', '2']);
    expect(code).toBe(0);
    const [header, ...rows] = stdout.trimEnd().split('\n');
    expect(header).toMatch(/^SID {33}SENDER_ID {2,}STATUS {2,}NAME {2,}QUALITY$/);
    const row = rows.find((line) => line.startsWith(sid)) as string;
    expect(row).toMatch(new RegExp(`^${sid}  \\${senderId.replace('+', '\\+')} +PENDING_VERIFICATION +Acme Cars +-$`));
    // Columns line up: in every row, each column starts where its title does, after two spaces.
    for (const title of ['SENDER_ID', 'STATUS', 'NAME', 'QUALITY']) {
      const at = header?.indexOf(title) as number;
      for (const line of rows) expect(`${line.slice(at - 2, at)}|${line[at] ?? ''}`).toMatch(/^ {2}\|\S$/);
    }
    const limited = await cli(['list', '--limit', '1', '--json']);
    expect(JSON.parse(limited.stdout)).toHaveLength(1);
  });

  it('registers: waits for the code step, asks for the code, verifies, waits until ONLINE', async () => {
    const file = join(project, 'register.json');
    writeFileSync(file, JSON.stringify({ sender_id: fresh(), profile: { name: 'Example Motors' } }));
    const { code, stdout, stderr } = await cli(['register', '--file', file], { input: '123456\n' });
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('Enter the code sent to whatsapp:+1555');
    expect(stdout).toMatch(/^status +ONLINE$/m);
    expect(stdout).toMatch(/^quality +HIGH$/m);
  });

  it('verifies and waits with --until', async () => {
    const sid = sidIn((await cli(['create', '--sender-id', fresh(), '--name', 'Example Motors'])).stdout);
    expect((await cli(['wait', sid, '--until', 'PENDING_VERIFICATION', '--interval', '50'])).code).toBe(0);
    const verified = await cli(['verify', sid, '123456', '--json']);
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ sid, status: 'ONLINE' });
  });

  it('deletes only when confirmed', async () => {
    const sid = sidIn((await cli(['create', '--sender-id', fresh(), '--name', 'Example Motors'])).stdout);
    const refused = await cli(['delete', sid], { input: 'n\n' });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('error: not deleted: not confirmed (--yes skips the question)');
    expect((await cli(['get', sid])).code).toBe(0);
    expect(await cli(['delete', sid], { input: 'y\n' })).toMatchObject({ code: 0, stdout: `deleted ${sid}\n` });
    const sid2 = sidIn((await cli(['create', '--sender-id', fresh(), '--name', 'Example Motors'])).stdout);
    expect((await cli(['delete', sid2, '--yes'])).code).toBe(0);
  });

  it('prints an API error as one line with its code and more_info link, and exits 1', async () => {
    const { code, stdout, stderr } = await cli(['get', `XE${'0'.repeat(32)}`]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(
      /^error: GET .* → 404 \(20404: .*\) \[request RQ[0-9a-f]{32}\] \(more info: https:\/\/www\.twilio\.com\/docs\/errors\/20404\)\n$/,
    );
  });

  it.each([
    ['a malformed sid', ['get', 'xe123'], /error: <sid>: /],
    [
      'an invalid body',
      ['create', '--sender-id', '+15017122661', '--name', 'Example Motors'],
      /error: --sender-id: must be `whatsapp:` followed by an E\.164 number, such as `whatsapp:\+15017122661`/,
    ],
    ['an unknown command', ['launch'], /unknown command 'launch'/],
    ['a missing argument', ['get'], /missing required argument 'sid'/],
    ['a status off the list', ['wait', `XE${'0'.repeat(32)}`, '--until', 'GONE'], /Allowed choices are/],
    ['a bad --limit', ['list', '--limit', 'ten'], /--limit must be a whole number/],
    ['create with nothing to create', ['create'], /create needs --file, or --sender-id/],
  ])('exits 2 on %s', async (_, args, message) => {
    const { code, stderr } = await cli(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('names the TWILIO_* variables when credentials are missing, and exits 2', async () => {
    const { TWILIO_ACCOUNT_SID: _sid, TWILIO_AUTH_TOKEN: _token, ...without } = env;
    const { code, stderr } = await cli(['list'], { environment: without });
    expect(code).toBe(2);
    expect(stderr).toContain('TWILIO_ACCOUNT_SID');
    expect(stderr).toContain('TWILIO_AUTH_TOKEN');
  });

  it('says plainly that contract checked nothing without credentials', async () => {
    const { TWILIO_ACCOUNT_SID: _sid, TWILIO_AUTH_TOKEN: _token, ...without } = env;
    const { code, stdout } = await cli(['contract'], { base: false, environment: without });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^contract: nothing was checked: /);
  });

  it('tries things out with --sandbox, no credentials needed', async () => {
    const { TWILIO_ACCOUNT_SID: _sid, TWILIO_AUTH_TOKEN: _token, ...without } = env;
    const { code, stdout, stderr } = await cli(
      ['create', '--sender-id', fresh(), '--name', 'Example Motors', '--sandbox'],
      {
        base: false,
        environment: without,
      },
    );
    expect(code).toBe(0);
    expect(stderr).toMatch(/^sandbox: a fresh in-memory service on http:\/\/127\.0\.0\.1:\d+/);
    expect(stdout).toMatch(/^status +CREATING$/m);
  });
});
