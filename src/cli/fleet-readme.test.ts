// The README's fleet quick start, run as written: `whatsapp-senders sandbox --fleet fleet.yaml`
// started as a user does, its `export` lines set, then each command of the transcript, its output
// held to the README's (sids and the port vary).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { fromDist } from '../test/build.js';
import { root } from '../test/paths.js';

// Built first (outside a test's timeout) when dist/ is older than src/.
const bin = await fromDist('cli.js');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const section = readme.slice(
  readme.indexOf('## Many senders, many accounts'),
  readme.indexOf('## Testing your own code'),
);
const blocks = [...section.matchAll(/```console\n([\s\S]*?)```/g)].map((match) => match[1] as string);
/** A console block's steps: each `$ ` command with the lines it prints. */
const steps = (block: string) =>
  block
    .split(/^\$ /m)
    .filter(Boolean)
    .map((text) => {
      const [command = '', ...output] = text.trimEnd().split('\n');
      return { command, output };
    });
const words = (command: string) =>
  [...command.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => (m[1] ?? m[2] ?? m[3]) as string);

const servers: ReturnType<typeof spawn>[] = [];
afterAll(() => {
  for (const server of servers) if (server.exitCode === null) server.kill('SIGINT');
});

it("runs the README's fleet quick start as written, against `whatsapp-senders sandbox --fleet`", async () => {
  const scratch = mkdtempSync(join(tmpdir(), 'fleet-quickstart-'));
  writeFileSync(join(scratch, 'fleet.yaml'), /```yaml\n([\s\S]*?)```/.exec(section)?.[1] ?? '');
  const [start, ...rest] = blocks.filter(
    (block) => block.includes('--fleet fleet.yaml') || block.includes('plan fleet.yaml --base-url'),
  );
  const [sandboxStep] = steps(start ?? '');
  expect(sandboxStep?.command).toMatch(/^whatsapp-senders sandbox --fleet fleet\.yaml/);
  const documented = /--port (\d+)/.exec(sandboxStep?.command ?? '')?.[1] as string;
  const args = words(sandboxStep?.command ?? '')
    .slice(1)
    .map((arg) => (arg === documented ? '0' : arg));
  const server = spawn(process.execPath, [bin, ...args], { cwd: scratch, env: { PATH: process.env.PATH } });
  servers.push(server);
  let printed = '';
  await new Promise<void>((resolve, reject) => {
    server.stdout?.on('data', (chunk) => {
      printed += chunk;
      if ((printed.match(/^export \w+=\S+$/gm) ?? []).length === 2) resolve();
    });
    server.once('exit', () => reject(new Error(`the sandbox ended: ${printed}`)));
  });
  const url = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(printed)?.[1] as string;
  const port = new URL(url).port;
  const printedLines = printed.trimEnd().split('\n');
  expect(printedLines.map((line) => line.replace(/=\w+$/, '=…').replaceAll(port, documented))).toEqual(
    sandboxStep?.output,
  );
  const exports = Object.fromEntries([...printed.matchAll(/^export (\w+)=(\S+)$/gm)].map((m) => [m[1], m[2]]));
  expect(Object.keys(exports)).toEqual(['ACME_TWILIO_AUTH_TOKEN', 'GLOBEX_TWILIO_API_SECRET']);

  const transcript = rest.flatMap(steps);
  expect(transcript.length).toBeGreaterThanOrEqual(4);
  for (const { command, output } of transcript) {
    const argv = words(command).map((arg) => arg.replace(`:${documented}`, `:${port}`));
    let text: string;
    if (argv[0] === 'printf') {
      // The shell's printf, as the README runs it.
      execFileSync('sh', ['-c', command], { cwd: scratch });
      text = '';
    } else {
      text = await new Promise<string>((resolve) => {
        const child = spawn(process.execPath, [bin, ...argv.slice(1)], {
          cwd: scratch,
          env: { PATH: process.env.PATH, ...exports },
        });
        let all = '';
        child.stdout.on('data', (chunk) => (all += chunk));
        child.stderr.on('data', (chunk) => (all += chunk));
        child.on('close', () => resolve(all));
        child.stdin.end();
      });
    }
    const pattern = (line: string) =>
      new RegExp(
        `^${line
          .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
          .replace(/XE[0-9a-f]{32}/g, 'XE[0-9a-f]{32}')
          .replaceAll(`:${documented}`, `:${port}`)}$`,
      );
    const lines = text === '' ? [] : text.trimEnd().split('\n');
    expect(lines.length, `${command}\n${text}`).toBe(output.length);
    for (const [i, line] of output.entries()) expect(lines[i], text).toMatch(pattern(line));
  }
  server.kill('SIGINT');
}, 60_000);
