// The README's "Many senders, many accounts": its YAML file is a valid fleet, and each of its
// TypeScript examples runs as written (the package name mapped to the build), against the sandbox.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { transform } from 'esbuild';
import { expect, it, vi } from 'vitest';
import { fromDist } from '../test/build.js';
import { root } from '../test/paths.js';
import { startPostgres } from '../test/postgres.js';
import type { BareSandbox } from '../testing/options.js';
import { startBareSandbox } from '../testing/server.js';
import { sharedAccountsAtOnce } from './apply.js';
import { parseFleet } from './file.js';

// Built first (outside the test's timeout) when dist/ is older than src/.
const built = pathToFileURL(await fromDist('fleet.js')).href;
const builtPostgres = pathToFileURL(await fromDist('postgres.js')).href;

const readme = await readFile(join(root, 'README.md'), 'utf8');
const part = readme.slice(readme.indexOf('## Many senders, many accounts'), readme.indexOf('## Testing your own code'));
const yaml = /```yaml\n([\s\S]*?)```/.exec(part)?.[1] ?? '';
const examples = [...part.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] as string);
const fleet = parseFleet(yaml);
const [acme, globex] = [...fleet.accounts.values()];

/** Runs example `n` (`runs` times) in a folder with the README's fleet.yaml and `files`, with `env`; resolves to what it logged. */
async function runExample(
  n: number,
  {
    env = {},
    files = {},
    runs = 1,
  }: { env?: Record<string, string | undefined>; files?: Record<string, string>; runs?: number } = {},
): Promise<{ printed: string[]; sandbox: BareSandbox }> {
  const sandbox = await startBareSandbox({
    accounts: { [acme?.accountSid ?? '']: 'acme-token', [globex?.apiKey ?? '']: 'globex-secret' },
  });
  const dir = await mkdtemp(join(tmpdir(), 'readme-fleet-'));
  const source = (examples[n] ?? '')
    .replaceAll("'whatsapp-senders/fleet'", `'${built}'`)
    .replaceAll("'whatsapp-senders/fleet/postgres'", `'${builtPostgres}'`);
  const { code } = await transform(source, {
    loader: 'ts',
    format: 'esm',
  });
  await writeFile(join(dir, 'fleet.yaml'), yaml);
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  vi.stubEnv('SENDERS_BASE_URL', sandbox.url);
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const printed: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(args.join(' ')));
  const cwd = process.cwd();
  try {
    process.chdir(dir);
    // Each run a module of its own: a second run of one example is not the first one's cache.
    for (let run = 1; run <= runs; run++) {
      await writeFile(join(dir, `example${run}.mjs`), code);
      await import(pathToFileURL(join(dir, `example${run}.mjs`)).href);
    }
  } finally {
    process.chdir(cwd);
    log.mockRestore();
    vi.unstubAllEnvs();
    await sandbox.close();
  }
  return { printed, sandbox };
}

it("runs the README's fleet example on the README's own file, against the sandbox", async () => {
  const { printed } = await runExample(0, {
    env: { ACME_TWILIO_AUTH_TOKEN: 'acme-token', GLOBEX_TWILIO_API_SECRET: 'globex-secret' },
  });
  expect(printed).toEqual([
    'create acme whatsapp:+15017122661 ',
    'create globex whatsapp:+15017122662 ',
    // The canary waited until its sender left CREATING; the other was read again at the end.
    'created whatsapp:+15017122661 PENDING_VERIFICATION',
    'created whatsapp:+15017122662 PENDING_VERIFICATION',
    '2 senders wait for their code',
  ]);
});

it("runs the README's credentials-from-code example, with a secrets manager of the test's own", async () => {
  expect(examples[1]).toContain('credentials:');
  const vault = { [`twilio/${acme?.accountSid}`]: 'acme-token', [`twilio/${globex?.apiKey}`]: 'globex-secret' };
  const { printed, sandbox } = await runExample(1, {
    // No variable holds a secret: only the function gives them.
    env: { ACME_TWILIO_AUTH_TOKEN: undefined, GLOBEX_TWILIO_API_SECRET: undefined },
    files: {
      'secrets.js': `const vault = ${JSON.stringify(vault)};\nexport const secrets = { get: async (name) => vault[name] };\n`,
    },
  });
  expect(printed).toEqual(['converged']);
  expect(sandbox.senders.size).toBe(2);
});

it("runs the README's ensureSender example twice: created, then unchanged, one sender", async () => {
  expect(examples[2]).toContain('ensureSender(');
  const { printed, sandbox } = await runExample(2, {
    env: { ACME_TWILIO_AUTH_TOKEN: 'acme-token' },
    runs: 2,
  });
  expect(printed).toEqual([
    expect.stringMatching(/^created XE[0-9a-f]{32} (CREATING|PENDING_VERIFICATION)$/),
    expect.stringMatching(/^unchanged XE[0-9a-f]{32} PENDING_VERIFICATION$/),
  ]);
  expect(sandbox.senders.size).toBe(1);
});

it("runs the README's PostgreSQL example as two replicas would, on a real server: one create, one sid", async () => {
  expect(examples[3]).toContain('openPostgresJournal(');
  const server = await startPostgres();
  const { printed, sandbox } = await runExample(3, {
    env: { ACME_TWILIO_AUTH_TOKEN: 'acme-token', JOURNAL_DATABASE_URL: server.url },
    runs: 2,
  });
  expect(printed).toEqual([
    expect.stringMatching(/^created XE[0-9a-f]{32}$/),
    expect.stringMatching(/^unchanged XE[0-9a-f]{32}$/),
  ]);
  expect(printed[1]?.split(' ')[1]).toBe(printed[0]?.split(' ')[1]);
  expect(sandbox.senders.size).toBe(1);
  const rows = await server.sql('SELECT count(*)::int AS n FROM whatsapp_senders.journal WHERE type = $1', ['run']);
  expect(rows).toEqual([{ n: 2 }]);
});

it("the README's accounts at once on a shared store is the code's default", () => {
  expect(part).toContain(`works at most ${sharedAccountsAtOnce} accounts at once`);
});
