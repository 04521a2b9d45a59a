// The README's "Many senders, many accounts": its YAML file is a valid fleet, and its TypeScript
// example runs as written (the package name mapped to the build), against the sandbox.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { transform } from 'esbuild';
import { expect, it, vi } from 'vitest';
import { root } from '../test/paths.js';
import { startBareSandbox } from '../testing/server.js';
import { parseFleet } from './file.js';

it("runs the README's fleet example on the README's own file, against the sandbox", async () => {
  const readme = await readFile(join(root, 'README.md'), 'utf8');
  const part = readme.slice(readme.indexOf('## Many senders, many accounts'));
  const yaml = /```yaml\n([\s\S]*?)```/.exec(part)?.[1] ?? '';
  const example = /```ts\n([\s\S]*?)```/.exec(part)?.[1] ?? '';
  const fleet = parseFleet(yaml);
  const [acme, globex] = [...fleet.accounts.values()];
  const sandbox = await startBareSandbox({
    accounts: { [acme?.accountSid ?? '']: 'acme-token', [globex?.apiKey ?? '']: 'globex-secret' },
  });
  const dir = await mkdtemp(join(tmpdir(), 'readme-fleet-'));
  const built = pathToFileURL(join(root, 'dist', 'fleet.js')).href;
  const { code } = await transform(example.replaceAll("'whatsapp-senders/fleet'", `'${built}'`), {
    loader: 'ts',
    format: 'esm',
  });
  await writeFile(join(dir, 'example.mjs'), code);
  await writeFile(join(dir, 'fleet.yaml'), yaml);
  vi.stubEnv('SENDERS_BASE_URL', sandbox.url);
  vi.stubEnv('ACME_TWILIO_AUTH_TOKEN', 'acme-token');
  vi.stubEnv('GLOBEX_TWILIO_API_SECRET', 'globex-secret');
  const printed: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(args.join(' ')));
  const cwd = process.cwd();
  try {
    process.chdir(dir);
    await import(pathToFileURL(join(dir, 'example.mjs')).href);
  } finally {
    process.chdir(cwd);
    log.mockRestore();
    vi.unstubAllEnvs();
    await sandbox.close();
  }
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
  const readme = await readFile(join(root, 'README.md'), 'utf8');
  const part = readme.slice(readme.indexOf('## Many senders, many accounts'));
  const yaml = /```yaml\n([\s\S]*?)```/.exec(part)?.[1] ?? '';
  const example = [...part.matchAll(/```ts\n([\s\S]*?)```/g)][1]?.[1] ?? '';
  expect(example).toContain('credentials:');
  const fleet = parseFleet(yaml);
  const [acme, globex] = [...fleet.accounts.values()];
  const sandbox = await startBareSandbox({
    accounts: { [acme?.accountSid ?? '']: 'acme-token', [globex?.apiKey ?? '']: 'globex-secret' },
  });
  const dir = await mkdtemp(join(tmpdir(), 'readme-credentials-'));
  const built = pathToFileURL(join(root, 'dist', 'fleet.js')).href;
  const { code } = await transform(example.replaceAll("'whatsapp-senders/fleet'", `'${built}'`), {
    loader: 'ts',
    format: 'esm',
  });
  await writeFile(join(dir, 'example.mjs'), code);
  await writeFile(join(dir, 'fleet.yaml'), yaml);
  const vault = { [`twilio/${acme?.accountSid}`]: 'acme-token', [`twilio/${globex?.apiKey}`]: 'globex-secret' };
  await writeFile(
    join(dir, 'secrets.js'),
    `const vault = ${JSON.stringify(vault)};\nexport const secrets = { get: async (name) => vault[name] };\n`,
  );
  // No variable holds a secret: only the function gives them.
  vi.stubEnv('SENDERS_BASE_URL', sandbox.url);
  vi.stubEnv('ACME_TWILIO_AUTH_TOKEN', undefined);
  vi.stubEnv('GLOBEX_TWILIO_API_SECRET', undefined);
  const printed: unknown[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(args[0]));
  const cwd = process.cwd();
  try {
    process.chdir(dir);
    await import(pathToFileURL(join(dir, 'example.mjs')).href);
  } finally {
    process.chdir(cwd);
    log.mockRestore();
    vi.unstubAllEnvs();
    await sandbox.close();
  }
  expect(printed).toEqual(['converged']);
  expect(sandbox.senders.size).toBe(2);
});
