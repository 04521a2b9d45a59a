// whatsapp-senders/fleet and the bin's plan and apply, from the packed package as a user installs
// it: import and require, its dependencies resolved by name, against the sandbox with two accounts.
import { execFile, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startBareSandbox } from '../../src/testing/server.js';

const run = promisify(execFile);
const project = inject('packageProject');
const one = `AC${'1'.repeat(32)}`;
const two = `AC${'2'.repeat(32)}`;
let sandbox: Awaited<ReturnType<typeof startBareSandbox>>;
beforeAll(async () => {
  sandbox = await startBareSandbox({ accounts: { [one]: 'token-one', [two]: 'token-two' } });
});
afterAll(() => sandbox.close());

const env = { ...process.env, ONE_TOKEN: 'token-one', TWO_TOKEN: 'token-two' };
const fleet = (first: number) => `accounts:
  one: { accountSid: ${one}, authTokenEnv: ONE_TOKEN }
  two: { accountSid: ${two}, authTokenEnv: TWO_TOKEN }
senders:
  - { account: one, sender_id: "whatsapp:+1555000${first}", profile: { name: One } }
  - { account: two, sender_id: "whatsapp:+1555000${first}", profile: { name: Two } }
`;

describe('whatsapp-senders/fleet, installed', () => {
  for (const [kind, file, load] of [
    ['import', 'fleet.mjs', "import { applyFleet, parseFleet } from 'whatsapp-senders/fleet';"],
    ['require', 'fleet.cjs', "const { applyFleet, parseFleet } = require('whatsapp-senders/fleet');"],
  ] as const) {
    it(`applies a fleet of two accounts, from ${kind}`, async () => {
      const first = kind === 'import' ? 1000 : 2000;
      writeFileSync(
        join(project, file),
        `${load}
(async () => {
  const fleet = parseFleet(${JSON.stringify(fleet(first))});
  const report = await applyFleet(fleet, { baseUrl: ${JSON.stringify(sandbox.url)}, journal: ${JSON.stringify(join(project, `${file}.journal.jsonl`))} });
  console.log(JSON.stringify(report.entries.filter((e) => e.action !== 'extra').map((e) => [e.account, e.result])));
})();`,
      );
      const { stdout } = await run(process.execPath, [file], { cwd: project, env, timeout: 60_000 });
      expect(JSON.parse(stdout.trim())).toEqual([
        ['one', 'created'],
        ['two', 'created'],
      ]);
    });
  }

  it('plans and applies from the bin, a YAML file read by the installed js-yaml', async () => {
    writeFileSync(join(project, 'fleet.yaml'), fleet(3000));
    const bin = join(project, 'node_modules', '.bin', 'whatsapp-senders');
    const cli = (args: string[]) =>
      new Promise<{ code: number | null; stdout: string }>((resolve) => {
        const child = spawn(bin, ['--base-url', sandbox.url, ...args], { cwd: project, env });
        let stdout = '';
        child.stdout.on('data', (chunk) => {
          stdout += chunk;
        });
        child.on('close', (code) => resolve({ code, stdout }));
      });
    const plan = await cli(['plan', 'fleet.yaml', '--json']);
    expect(plan.code).toBe(0);
    // The senders the other tests made in these accounts are extras here.
    const actions = JSON.parse(plan.stdout).map((e: { action: string }) => e.action);
    expect(actions.filter((action: string) => action !== 'extra')).toEqual(['create', 'create']);
    const applied = await cli(['apply', 'fleet.yaml', '--yes']);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toMatch(/^total\s+2\s/m);
  });
});
