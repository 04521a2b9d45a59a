// whatsapp-senders/testing and whatsapp-senders/openapi.json, from the packed package as a user
// installs it: Prism is an optional peer dependency, so it is first missing, then added.
import { execFile } from 'node:child_process';
import { existsSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { operationTable } from '../../generated/operations.js';
import { root } from '../../src/test/paths.js';

const run = promisify(execFile);
const project = inject('packageProject');
const prismLink = join(project, 'node_modules', '@stoplight');
afterAll(() => rmSync(prismLink, { force: true, recursive: true }));

/** Runs a script of ESM (or CJS, with `.cjs`) in the user project; resolves to its last line as JSON. */
async function script(name: string, source: string) {
  const { writeFileSync } = await import('node:fs');
  writeFileSync(join(project, name), source);
  const { stdout } = await run(process.execPath, [name], { cwd: project, timeout: 60_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '');
}

const scenario = `
const sandbox = await startSandbox(OPTIONS);
try {
  const senders = createSendersClient({ accountSid: 'AC${'1'.repeat(32)}', authToken: 'token', baseUrl: sandbox.url });
  const registered = await senders.register({ sender_id: 'whatsapp:+15017122661', profile: { name: 'Example Motors' } }, { intervalMs: 20 });
  const online = await senders.verify(registered.sid, '123456', { intervalMs: 20 });
  sandbox.failNext(503);
  const again = await senders.get(online.sid);
  console.log(JSON.stringify({ registered: registered.status, online: online.status, again: again.status, stored: sandbox.senders.size }));
} finally {
  await sandbox.close();
}`;

describe('whatsapp-senders/testing, installed', () => {
  it('runs the sandbox without Prism when validate is false, from import', async () => {
    const source = `import { createSendersClient } from 'whatsapp-senders';\nimport { startSandbox } from 'whatsapp-senders/testing';\n${scenario.replace('OPTIONS', '{ validate: false }')}`;
    expect(await script('sandbox.mjs', source)).toEqual({
      registered: 'PENDING_VERIFICATION',
      online: 'ONLINE',
      again: 'ONLINE',
      stored: 1,
    });
  });

  it('names the missing optional peer dependency when Prism is needed', async () => {
    expect(existsSync(prismLink)).toBe(false);
    const source =
      "const { startSandbox, startMock } = require('whatsapp-senders/testing');\n" +
      '(async () => {\n' +
      '  const messages = [];\n' +
      '  for (const start of [() => startSandbox(), () => startMock()]) {\n' +
      '    await start().then(() => messages.push("started"), (error) => messages.push(error.message));\n' +
      '  }\n' +
      '  console.log(JSON.stringify(messages));\n' +
      '})();\n';
    const messages = await script('missing.cjs', source);
    expect(messages).toHaveLength(2);
    for (const message of messages) {
      expect(message).toContain('@stoplight/prism-cli');
      expect(message).toContain('npm install --save-dev @stoplight/prism-cli');
    }
  });

  it('puts Prism in front once it is installed, and mocks the shipped spec', async () => {
    symlinkSync(join(root, 'node_modules', '@stoplight'), prismLink, 'dir');
    const source = `import { createSendersClient, ApiError } from 'whatsapp-senders';\nimport { startSandbox, startMock } from 'whatsapp-senders/testing';\n${scenario.replace('OPTIONS', '{}')}`;
    expect(await script('checked.mjs', source)).toMatchObject({ online: 'ONLINE', again: 'ONLINE' });
    const mock =
      "import { createSendersClient } from 'whatsapp-senders';\nimport { startMock } from 'whatsapp-senders/testing';\n" +
      'const prism = await startMock();\n' +
      "const senders = createSendersClient({ accountSid: 'AC" +
      '1'.repeat(32) +
      "', authToken: 't', baseUrl: prism.url, maxRetries: 0 });\n" +
      "const error = await senders.get('XE" +
      '0'.repeat(32) +
      "', { headers: { Prefer: 'code=404' } }).catch((e) => e);\n" +
      'await prism.close();\n' +
      'console.log(JSON.stringify({ status: error.status, code: error.code }));\n';
    expect(await script('mock.mjs', mock)).toEqual({ status: 404, code: 20404 });
  }, 90_000);
});

describe('whatsapp-senders/openapi.json, installed', () => {
  it('is the spec, bundled and dereferenced', async () => {
    const source =
      "import spec from 'whatsapp-senders/openapi.json' with { type: 'json' };\n" +
      'const ids = Object.values(spec.paths).flatMap((item) => Object.values(item).map((operation) => operation.operationId)).filter(Boolean);\n' +
      'console.log(JSON.stringify({ openapi: spec.openapi, ids: ids.sort(), refs: JSON.stringify(spec).includes(\'"$ref"\') }));\n';
    expect(await script('spec.mjs', source)).toEqual({
      openapi: '3.1.0',
      ids: Object.keys(operationTable).sort(),
      refs: false,
    });
  });
});
