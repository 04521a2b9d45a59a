// Starts and stops Prism from the project's own dependencies, on 127.0.0.1 and a free port.
// Used by the contract suite's global setup, `npm run mock` and `npm start`.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// This file runs from scripts/ and, bundled, from dist/: the spec is one folder up from either.
const bundledSpec = join(dirname(fileURLToPath(import.meta.url)), '..', 'openapi', 'senders.yaml');

/** Prism's CLI script, found from this package; a clear error when it is not installed. */
function prismCli() {
  const require = createRequire(import.meta.url);
  let manifest;
  try {
    manifest = require.resolve('@stoplight/prism-cli/package.json');
  } catch {
    throw new Error(
      'Prism is not installed: this needs @stoplight/prism-cli, an optional peer dependency of whatsapp-senders. ' +
        'Install it with: npm install --save-dev @stoplight/prism-cli',
    );
  }
  return join(manifest, '..', require(manifest).bin.prism);
}

const host = '127.0.0.1';
const logLines = 400;

/**
 * @typedef {object} Prism
 * @property {string} url base URL, such as http://127.0.0.1:43211
 * @property {() => string} logTail the last lines Prism printed
 * @property {() => Promise<void>} close stops Prism and waits for it to exit
 */

/**
 * Starts `prism <mode> <spec> [upstream] --errors` and resolves once it answers HTTP.
 * @param {object} [options]
 * @param {'mock' | 'proxy'} [options.mode]
 * @param {string} [options.spec] path of the OpenAPI document
 * @param {string} [options.upstream] the upstream URL, for `proxy`
 * @param {number} [options.port] a fixed port; by default a free one
 * @param {string} [options.logFile] also append Prism's output to this file
 * @param {string[]} [options.args] more Prism arguments
 * @param {number} [options.timeoutMs] how long Prism may take to start
 * @returns {Promise<Prism>}
 */
export async function startPrism(options = {}) {
  // A free port can be taken between the probe and Prism's bind: try a fresh one.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options);
    } catch (error) {
      if (options.port !== undefined || attempt === 3 || !/EADDRINUSE/.test(String(error))) throw error;
    }
  }
}

async function startOnce({
  mode = 'mock',
  spec = bundledSpec,
  upstream,
  port,
  logFile,
  args = [],
  timeoutMs = 60_000,
} = {}) {
  const chosenPort = port ?? (await freePort());
  const argv = [
    prismCli(),
    mode,
    spec,
    ...(upstream ? [upstream] : []),
    '--errors',
    '-h',
    host,
    '-p',
    String(chosenPort),
    ...args,
  ];
  // Own process group, so that close() also ends anything Prism forks.
  const child = spawn(process.execPath, argv, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines = [];
  const file = logFile ? createWriteStream(logFile, { flags: 'a' }) : undefined;
  const keep = (chunk) => {
    file?.write(chunk);
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    if (lines.length > logLines) lines.splice(0, lines.length - logLines);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const url = `http://${host}:${chosenPort}`;
  const logTail = (count = 60) => lines.slice(-count).join('\n');
  let stopped = false;
  const close = async () => {
    if (stopped) return;
    stopped = true;
    signalGroup(child.pid, 'SIGTERM');
    const killer = setTimeout(() => signalGroup(child.pid, 'SIGKILL'), 5_000);
    await exited;
    clearTimeout(killer);
    await new Promise((resolve) => (file ? file.end(resolve) : resolve()));
  };

  const deadline = Date.now() + timeoutMs;
  let early;
  exited.then((how) => {
    early = how;
  });
  while (true) {
    if (early) {
      await close();
      throw new Error(`Prism exited before answering (${JSON.stringify(early)}):\n${logTail()}`);
    }
    if (Date.now() > deadline) {
      await close();
      throw new Error(`Prism did not answer on ${url} within ${timeoutMs} ms:\n${logTail()}`);
    }
    try {
      // Any HTTP answer means the server is up; the path need not exist.
      await fetch(`${url}/`, { signal: AbortSignal.timeout(1_000) });
      return { url, logTail, close };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** Asks the kernel for a port that is free now. */
async function freePort() {
  const server = createServer();
  await new Promise((resolve, reject) => server.once('error', reject).listen(0, host, resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}
