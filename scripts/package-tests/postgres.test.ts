// whatsapp-senders/fleet/postgres from the packed package, installed as a user installs it: without
// pg, the optional peer dependency. The main entry and the file journal need nothing more; the
// PostgreSQL store, from the library and from the bin, says which package to add, and sends nothing.
import { execFile, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startBareSandbox } from '../../src/testing/server.js';

const run = promisify(execFile);
const project = inject('packageProject');
const account = `AC${'3'.repeat(32)}`;
let sandbox: Awaited<ReturnType<typeof startBareSandbox>>;
beforeAll(async () => {
  sandbox = await startBareSandbox({ accounts: { [account]: 'token-three' } });
});
afterAll(() => sandbox.close());
const url = 'postgres://onboarding:s3cret-pw@127.0.0.1:5432/fleet';

describe('whatsapp-senders/fleet/postgres, installed without pg', () => {
  it('the project has no pg: the case is real', () => {
    const require = createRequire(join(project, 'package.json'));
    expect(() => require.resolve('pg')).toThrow();
  });

  for (const [kind, file, load] of [
    ['import', 'postgres.mjs', "import { openPostgresJournal } from 'whatsapp-senders/fleet/postgres';"],
    ['require', 'postgres.cjs', "const { openPostgresJournal } = require('whatsapp-senders/fleet/postgres');"],
  ] as const) {
    it(`says to install pg, from ${kind}`, async () => {
      writeFileSync(
        join(project, file),
        `${load}
openPostgresJournal({ connectionString: ${JSON.stringify(url)} }).then(
  () => console.log('opened'),
  (error) => console.log(JSON.stringify({ name: error.name, reason: error.reason, message: error.message })),
);`,
      );
      const { stdout } = await run(process.execPath, [file], { cwd: project, timeout: 60_000 });
      expect(JSON.parse(stdout.trim())).toEqual({
        name: 'PostgresJournalError',
        reason: 'driver',
        message: 'the PostgreSQL journal needs the pg package (node-postgres), which is not installed: npm install pg',
      });
    });
  }

  it('the bin: exit 2, the package to add, nothing sent, no password', async () => {
    writeFileSync(
      join(project, 'pg-fleet.yaml'),
      `accounts:\n  three: { accountSid: ${account}, authTokenEnv: THREE_TOKEN }\nsenders:\n  - { account: three, sender_id: "whatsapp:+15550004000", profile: { name: Three } }\n`,
    );
    const bin = join(project, 'node_modules', '.bin', 'whatsapp-senders');
    const ended = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(bin, ['--base-url', sandbox.url, 'apply', 'pg-fleet.yaml', '--yes', '--journal', url], {
        cwd: project,
        env: { ...process.env, THREE_TOKEN: 'token-three' },
      });
      let stderr = '';
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
      });
      child.on('close', (code) => resolve({ code, stderr }));
    });
    expect(ended.stderr).toContain(
      'error: --journal: the PostgreSQL journal needs the pg package (node-postgres), which is not installed: npm install pg; nothing was sent',
    );
    expect(ended.code).toBe(2);
    expect(ended.stderr).not.toContain('s3cret-pw');
    expect(sandbox.traffic.totalCreates).toBe(0);
  });
});
