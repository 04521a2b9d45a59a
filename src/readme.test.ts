// The README's usage example runs as written, against a local server: the package name is mapped to a
// shim of the built package whose createSendersClient points the default base URL at that server.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { transform } from 'esbuild';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { fromDist } from './test/build.js';
import { accountSid, authToken } from './test/credentials.js';
import { json, startServer } from './test/http-server.js';
import { root } from './test/paths.js';
import { startSandbox } from './testing/index.js';

// Built first (outside any test's timeout) when dist/ is older than src/.
const built = pathToFileURL(await fromDist('index.js')).href;
const rawJs = pathToFileURL(await fromDist('raw.js')).href;
const sid = 'XE0123456789abcdef0123456789abcdef';
let server: Awaited<ReturnType<typeof startServer>>;
let scratch: string;

beforeAll(async () => {
  server = await startServer((request, response) => {
    const sender = { sid, status: 'CREATING', sender_id: 'whatsapp:+15017122661' };
    if (request.method === 'POST') return json(response, 202, sender);
    if (request.url.startsWith('/v2/Channels/Senders?')) {
      return json(response, 200, {
        senders: [sender],
        meta: {
          page: 0,
          page_size: 100,
          first_page_url: '',
          previous_page_url: null,
          url: '',
          next_page_url: null,
          key: 'senders',
        },
      });
    }
    return json(response, 404, { code: 20404, message: 'The requested resource was not found', status: 404 });
  });
  scratch = await mkdtemp(join(tmpdir(), 'readme-example-'));
});
afterAll(async () => {
  await server.close();
  await rm(scratch, { recursive: true, force: true });
});

it('runs the usage example of the README', async () => {
  const readme = await readFile(join(root, 'README.md'), 'utf8');
  const usage = readme.slice(readme.indexOf('## Example'));
  const example = /```ts\n([\s\S]*?)```/.exec(usage)?.[1];
  expect(example).toContain("from 'whatsapp-senders'");

  await writeFile(
    join(scratch, 'shim.mjs'),
    `import * as real from '${built}';\nexport * from '${built}';\n` +
      `export const createSendersClient = (options) => real.createSendersClient({ ...options, baseUrl: '${server.url}' });\n`,
  );
  const { code } = await transform((example ?? '').replaceAll("'whatsapp-senders'", "'./shim.mjs'"), {
    loader: 'ts',
    format: 'esm',
  });
  await writeFile(join(scratch, 'example.mjs'), code);

  vi.stubEnv('TWILIO_ACCOUNT_SID', accountSid);
  vi.stubEnv('TWILIO_AUTH_TOKEN', authToken);
  const printed: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    printed.push(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '));
  });
  try {
    await import(pathToFileURL(join(scratch, 'example.mjs')).href);
  } finally {
    log.mockRestore();
    vi.unstubAllEnvs();
  }
  expect(server.received.map((request) => `${request.method} ${request.url}`)).toEqual([
    'POST /v2/Channels/Senders',
    'GET /v2/Channels/Senders?Channel=whatsapp&PageSize=100',
    'GET /v2/Channels/Senders/XE00000000000000000000000000000000',
  ]);
  expect(printed).toEqual([
    `${sid} CREATING RQ0123456789abcdef0123456789abcdef`,
    'whatsapp:+15017122661 CREATING',
    '404 20404 RQ0123456789abcdef0123456789abcdef',
  ]);
});

it("runs the README's quickstart through a sender's whole life, against the sandbox", async () => {
  const sandbox = await startSandbox({ validate: false, lifecycle: 'timer', stepMs: 50 });
  try {
    const readme = await readFile(join(root, 'README.md'), 'utf8');
    const quickstart = readme.slice(readme.indexOf("## A sender's life"));
    const example = /```ts\n([\s\S]*?)```/.exec(quickstart)?.[1] ?? '';
    expect(example.trim().split('\n').length).toBeLessThanOrEqual(15);

    // The shim points the client at the sandbox, and polls it every 20 ms instead of every 2 s.
    await writeFile(
      join(scratch, 'quickstart-shim.mjs'),
      `import * as real from '${built}';\nexport * from '${built}';\n` +
        'export const createSendersClient = (options) => {\n' +
        `  const client = real.createSendersClient({ ...options, baseUrl: '${sandbox.url}' });\n` +
        '  const fast = (options = {}) => ({ ...options, intervalMs: 20 });\n' +
        '  return { ...client, register: (body, o) => client.register(body, fast(o)), verify: (sid, code, o) => client.verify(sid, code, fast(o)) };\n' +
        '};\n',
    );
    const { code } = await transform(example.replaceAll("'whatsapp-senders'", "'./quickstart-shim.mjs'"), {
      loader: 'ts',
      format: 'esm',
    });
    await writeFile(join(scratch, 'quickstart.mjs'), code);
    vi.stubEnv('TWILIO_ACCOUNT_SID', accountSid);
    vi.stubEnv('TWILIO_AUTH_TOKEN', authToken);
    const printed: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(args.join(' ')));
    try {
      await import(pathToFileURL(join(scratch, 'quickstart.mjs')).href);
    } finally {
      log.mockRestore();
      vi.unstubAllEnvs();
    }
    expect(printed.map((line) => line.split(' ')[1])).toEqual([
      'CREATING',
      'PENDING_VERIFICATION',
      'VERIFYING',
      'ONLINE',
    ]);
    expect([...sandbox.senders.values()].map((sender) => sender.status)).toEqual(['ONLINE']);
  } finally {
    await sandbox.close();
  }
});

it("runs the README's example test file of whatsapp-senders/testing, with vitest, against the sandbox", async () => {
  const readme = await readFile(join(root, 'README.md'), 'utf8');
  const testing = readme.slice(readme.indexOf('## Testing your own code'));
  const example = /```ts\n([\s\S]*?)```/.exec(testing)?.[1] ?? '';
  expect(example).toContain("from 'whatsapp-senders/testing'");
  // Inside the repository, so that 'whatsapp-senders/testing' resolves to the build, as it would installed.
  const dir = join(root, 'test-results', 'readme-example');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'register.test.ts'), example);
  // Hook bounds for a loaded 2-core machine: the sandbox's Prism starts in about 1 s when the machine is idle.
  await writeFile(
    join(dir, 'vitest.config.mjs'),
    "export default { test: { include: ['register.test.ts'], hookTimeout: 60_000 } };\n",
  );
  const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
  const { stdout } = await promisify(execFile)(process.execPath, [vitest, 'run', '--root', dir], {
    cwd: dir,
    env: { ...process.env, NO_COLOR: '1' },
  });
  expect(stdout).toMatch(/Tests\s+1 passed/);
}, 60_000);

it("runs the README's example of whatsapp-senders/raw against a local server", async () => {
  const readme = await readFile(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## The raw client'));
  const example = /```ts\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  expect(example).toContain("from 'whatsapp-senders/raw'");
  const built = rawJs;
  await writeFile(
    join(scratch, 'raw-shim.mjs'),
    `import * as real from '${built}';\nexport * from '${built}';\n` +
      `export const createRawClient = (options) => real.createRawClient({ ...options, baseUrl: '${server.url}' });\n`,
  );
  const { code } = await transform(example.replaceAll("'whatsapp-senders/raw'", "'./raw-shim.mjs'"), {
    loader: 'ts',
    format: 'esm',
  });
  await writeFile(join(scratch, 'raw-example.mjs'), code);
  vi.stubEnv('TWILIO_ACCOUNT_SID', accountSid);
  vi.stubEnv('TWILIO_AUTH_TOKEN', authToken);
  const printed: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    printed.push(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '));
  });
  const before = server.received.length;
  try {
    await import(pathToFileURL(join(scratch, 'raw-example.mjs')).href);
  } finally {
    log.mockRestore();
    vi.unstubAllEnvs();
  }
  expect(server.received.slice(before).map((request) => `${request.method} ${request.url}`)).toEqual([
    `GET /v2/Channels/Senders/${sid}`,
  ]);
  expect(printed).toEqual(['404 {"code":20404,"message":"The requested resource was not found","status":404}']);
});

it('runs every TypeScript block of the README in one of the tests above', async () => {
  const readme = await readFile(join(root, 'README.md'), 'utf8');
  const headings = [...readme.matchAll(/```ts\n/g)].map((match) => {
    const before = readme.slice(0, match.index);
    return before.slice(before.lastIndexOf('\n## ') + 1).split('\n')[0];
  });
  expect(headings).toEqual([
    '## Example',
    "## A sender's life",
    '## Many senders, many accounts',
    '## Many senders, many accounts',
    '## Many senders, many accounts',
    '## Many senders, many accounts',
    '## Testing your own code',
    '## The raw client',
  ]);
});
