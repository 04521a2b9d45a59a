// Prism never outlives its host: a host killed by SIGTERM, SIGINT or an uncaught error, a vitest
// run stopped with Ctrl-C, and a script that forgets close() all leave no Prism answering. The hosts
// run the built `whatsapp-senders/testing` (dist/testing.js), as a user's process would.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { fromDist } from '../test/build.js';
import { answers, expectClosedHere, listenerOf } from '../test/listener.js';
import { root } from '../test/paths.js';
import { startMock } from './index.js';

const testing = pathToFileURL(await fromDist('testing.js')).href;
const scratch = mkdtempSync(join(tmpdir(), 'prism-host-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A host that starts the checked sandbox and a mock, prints their URLs, then does `then`. */
function hostScript(then: string, close = false): string {
  return `import { startSandbox, startMock } from ${JSON.stringify(testing)};
const sandbox = await startSandbox();
const mock = await startMock();
const answer = await fetch(sandbox.url + '/v2/Channels/Senders?Channel=whatsapp', { headers: { Authorization: 'Basic ' + btoa('AC:t') } });
console.log(JSON.stringify({ urls: [sandbox.url, mock.url], status: answer.status }));
${close ? 'await sandbox.close(); await mock.close();' : ''}
${then}
`;
}

/** Starts a host; resolves once it printed its URLs. */
function startHost(
  name: string,
  source: string,
): Promise<{ child: ChildProcess; urls: string[]; exited: Promise<unknown> }> {
  const file = join(scratch, name);
  writeFileSync(file, source);
  const child = spawn(process.execPath, [file], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      const line = output.split('\n').find((candidate) => candidate.startsWith('{'));
      if (line) resolve({ child, urls: JSON.parse(line).urls, exited });
    });
    child.stderr?.on('data', (chunk) => (output += chunk));
    // On 'close', after its output has all been read (what it printed last may come after 'exit').
    child.once('close', (code, signal) =>
      reject(new Error(`the host ended (${JSON.stringify({ code, signal })}) before it was ready:\n${output}`)),
    );
  });
}

/** The process ids under `pid`, now. */
function descendants(pid: number): number[] {
  try {
    const direct = execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map(Number);
    return direct.flatMap((child) => [child, ...descendants(child)]);
  } catch {
    return [];
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** After the host is gone: none of its processes is left, and no Prism URL answers. */
async function expectNothingLeft(pids: number[], urls: string[]) {
  // A process being killed may take a moment to go: up to 5 s, then it is left behind.
  for (let waited = 0; pids.some(alive) && waited < 5_000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const left = pids.filter(alive).map((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
    } catch {
      return String(pid);
    }
  });
  expect(left).toEqual([]);
  for (const url of urls) {
    if (!(await answers(url))) continue;
    // The port is free once the host is gone, and a server of another test file may take it at once
    // (CI, 2026-12-06): what must not answer is the host, or a Prism it left.
    expect(listenerOf(url).command, url).not.toMatch(new RegExp(`${scratch}|prism|^unknown`, 'i'));
  }
}

// Each host is a process of its own, waited on: they run side by side.
describe.concurrent('a host that ends without close()', () => {
  it.each([
    ['SIGTERM', 'setInterval(() => {}, 1000);'],
    ['SIGINT', 'setInterval(() => {}, 1000);'],
    ['an uncaught error', "setInterval(() => {}, 1000); process.on('SIGUSR2', () => { throw new Error('boom'); });"],
  ])(
    'leaves no Prism behind when killed by %s',
    async (how, then) => {
      const { child, urls, exited } = await startHost(`${how.replaceAll(' ', '-')}.mjs`, hostScript(then));
      const pids = descendants(child.pid as number);
      for (const url of urls) expect(await answers(url)).toBe(true);
      child.kill(how.startsWith('SIG') ? (how as NodeJS.Signals) : 'SIGUSR2');
      await exited;
      await expectNothingLeft(pids, urls);
    },
    60_000,
  );

  it('exits by itself when a script forgets close()', async () => {
    const { child, urls, exited } = await startHost('forgets.mjs', hostScript(''));
    const pids = descendants(child.pid as number);
    const ended = await Promise.race([
      exited,
      new Promise((resolve) => setTimeout(() => resolve('still running'), 20_000)),
    ]);
    if (ended === 'still running') child.kill('SIGKILL');
    expect(ended).toEqual({ code: 0, signal: null });
    await expectNothingLeft(pids, urls);
  }, 60_000);
});

// A vitest run of its own, started after the hosts above are gone: on a loaded machine, its
// start (a vitest, its worker, the sandbox) is the slow part, and its output says why it failed.
it('leaves no Prism behind after Ctrl-C in a vitest run using the README beforeAll/afterAll pattern', async () => {
  const marker = join(scratch, 'urls.json');
  const file = join(scratch, 'user.test.mjs');
  writeFileSync(
    file,
    `import { writeFileSync } from 'node:fs';
import { startSandbox } from ${JSON.stringify(testing)};
let sandbox;
beforeAll(async () => { sandbox = await startSandbox(); }, 150_000);
afterAll(() => sandbox.close());
it('waits for Ctrl-C', async () => {
  writeFileSync(${JSON.stringify(marker)}, JSON.stringify([sandbox.url]));
  await new Promise((resolve) => setTimeout(resolve, 60_000));
}, 90_000);
`,
  );
  const vitest = spawn(
    process.execPath,
    [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--root', scratch, '--globals', 'user.test.mjs'],
    // Its own process group, as a shell gives a foreground job: Ctrl-C signals the whole group.
    { cwd: scratch, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let output = '';
  vitest.stdout?.on('data', (chunk) => (output += chunk));
  vitest.stderr?.on('data', (chunk) => (output += chunk));
  let ended = false;
  const exited = new Promise((resolve) =>
    vitest.once('exit', (code) => {
      ended = true;
      resolve(code);
    }),
  );
  let urls: string[] = [];
  for (let waited = 0; urls.length === 0 && !ended && waited < 150_000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    try {
      urls = JSON.parse(readFileSync(marker, 'utf8'));
    } catch {
      // not yet
    }
  }
  if (urls.length === 0) process.kill(-(vitest.pid as number), 'SIGKILL');
  expect(urls, `the vitest run never reached its test:\n${output}`).toHaveLength(1);
  const pids = descendants(vitest.pid as number);
  process.kill(-(vitest.pid as number), 'SIGINT');
  await exited;
  await expectNothingLeft(pids, urls);
}, 200_000);

it('closes a mock once, however often close() is called', async () => {
  const mock = await startMock();
  expect(await answers(mock.url)).toBe(true);
  await Promise.all([mock.close(), mock.close()]);
  await mock.close();
  await expectClosedHere(mock.url);
}, 30_000);
