// Prism, in this process: `@stoplight/prism-http-server`, which `@stoplight/prism-cli` installs,
// serves a mock of the spec or a validating proxy in front of an upstream. In-process, it cannot
// outlive its host: no child to leave behind on a signal, a crash or a forgotten close(). Started
// in-process, with faker in English only (whilePrismLoads), it is faster than the spawned CLI.
import { createWriteStream, existsSync, type WriteStream } from 'node:fs';
import { Server } from 'node:http';
import { createRequire, Module } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';

/** A running Prism. */
export interface Prism {
  /** Base URL, such as http://127.0.0.1:43211. */
  url: string;
  /** The last lines Prism logged. */
  logTail(count?: number): string;
  /** Stops Prism; calling it again does nothing more. */
  close(): Promise<void>;
}

/** Options of startPrism. */
export interface StartPrismOptions {
  /** `mock` answers from the spec's examples; `proxy` forwards to `upstream` and checks both ways. @default 'mock' */
  mode?: 'mock' | 'proxy';
  /** Path of the OpenAPI document. @default the spec this package ships */
  spec?: string;
  /** The upstream URL, for `proxy`. */
  upstream?: string;
  /** A fixed port; by default a free one. */
  port?: number;
  /** Also append Prism's log to this file. */
  logFile?: string;
  /**
   * Check requests too (a violation is Prism's 422). The sandbox's front leaves requests to the
   * sandbox, whose Twilio-shaped 400 is what the spec documents; the contract suite checks them here.
   * @default true
   */
  validateRequest?: boolean;
}

const host = '127.0.0.1';
const logLines = 400;

/** The spec this package ships: `openapi/` beside `dist/`, or two folders up from `src/testing/`. */
function bundledSpec(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '..', 'openapi', 'senders.yaml'), join(here, '..', '..', 'openapi', 'senders.yaml')];
  return candidates.find((path) => existsSync(path)) ?? (candidates[0] as string);
}

interface PrismModules {
  createServer(
    operations: unknown,
    options: { cors: boolean; config: object; components: { logger: unknown } },
  ): { listen(port: number, host: string): Promise<string>; close(): Promise<void> };
  getHttpOperationsFromSpec(spec: string): Promise<unknown[]>;
  createLogger(name: string, options: object, destination: Writable): unknown;
}

let modules: PrismModules | undefined;

/** Prism's server, router and logger, from the user's `@stoplight/prism-cli`; a clear error when it is missing. */
function prismModules(): PrismModules {
  if (modules) return modules;
  const require = createRequire(import.meta.url);
  let manifest: string;
  try {
    manifest = require.resolve('@stoplight/prism-cli/package.json');
  } catch {
    throw new Error(
      'Prism is not installed: this needs @stoplight/prism-cli, an optional peer dependency of whatsapp-senders. ' +
        'Install it with: npm install --save-dev @stoplight/prism-cli',
    );
  }
  // Prism's own packages, as prism-cli resolves them.
  const fromCli = createRequire(manifest);
  modules = whilePrismLoads(fromCli, () => ({
    createServer: fromCli('@stoplight/prism-http-server').createServer,
    getHttpOperationsFromSpec: fromCli('@stoplight/prism-http').getHttpOperationsFromSpec,
    createLogger: fromCli('@stoplight/prism-core').createLogger,
  }));
  return modules;
}

type Load = (request: string, parent: { filename?: string | null } | null | undefined, isMain: boolean) => unknown;

/**
 * Loads Prism (`load`) with two of its requests answered otherwise, from Prism's own files only, while
 * `load` runs; nothing else in the process is changed, and Prism loads as before where Node's loader has
 * no `_load` to wrap.
 * - Faker in English only. Prism's mock generator requires `@faker-js/faker`, whose index builds one
 *   Faker of all 57 locales: about 1,900 modules, 1.1 of the 1.8 CPU-seconds a first Prism start takes
 *   (Node 20, faker 6.3.1). Prism reads its default export and never sets a locale, so English is all it
 *   uses: that request gets faker's English build under the two names Prism reads, where faker is
 *   version 6 (another layout is left alone). The index is neither loaded nor replaced.
 * - The userland `punycode`. Prism's dependencies (uri-js, whatwg-url) require `punycode`, which names
 *   Node's own module first, and Node 21 and later print a DeprecationWarning (DEP0040) on the user's
 *   stderr for it. The userland package of the same API, which those dependencies install beside them,
 *   answers instead, where it can be found.
 */
function whilePrismLoads<T>(fromCli: NodeJS.Require, load: () => T): T {
  const loader = Module as unknown as { _load?: Load };
  const original = loader._load;
  if (typeof original !== 'function') return load();
  const faker = englishFaker(fromCli);
  loader._load = function (this: unknown, request, parent, isMain) {
    if (faker && request === '@faker-js/faker' && parent?.filename?.startsWith(faker.prismHttp)) {
      return { default: faker.english, faker: faker.english };
    }
    if (request === 'punycode' && parent?.filename) {
      const userland = resolveFrom(parent.filename, 'punycode/');
      if (userland) return original.call(this, userland, parent, isMain);
    }
    return original.call(this, request, parent, isMain);
  };
  try {
    return load();
  } finally {
    loader._load = original;
  }
}

/** Faker 6's English build, as Prism's mock generator would resolve faker, and Prism's folder; undefined otherwise. */
function englishFaker(fromCli: NodeJS.Require): { english: unknown; prismHttp: string } | undefined {
  try {
    const entry = fromCli.resolve('@stoplight/prism-http');
    const prismHttp = entry.slice(0, entry.lastIndexOf(`${sep}dist${sep}`) + 1);
    const fromPrismHttp = createRequire(entry);
    const { version } = fromPrismHttp('@faker-js/faker/package.json') as { version: string };
    if (!version.startsWith('6.') || prismHttp === '') return undefined;
    return { english: fromPrismHttp('@faker-js/faker/locale/en'), prismHttp };
  } catch {
    return undefined;
  }
}

/** Where `request` resolves from `filename`'s folder; undefined when it does not. */
function resolveFrom(filename: string, request: string): string | undefined {
  try {
    return createRequire(filename).resolve(request);
  } catch {
    return undefined;
  }
}

/** One line of Prism's JSON log, as a person reads it: `[VALIDATOR] Violation: response.body.status …`. */
function readable(line: string): string {
  try {
    const entry = JSON.parse(line) as {
      name?: string;
      msg?: string;
      input?: { method?: string; url?: { path?: string } };
    };
    const request = entry.input ? ` ${entry.input.method?.toUpperCase()} ${entry.input.url?.path}` : '';
    return `[${entry.name ?? 'PRISM'}]${request} ${entry.msg ?? ''}`;
  } catch {
    return line;
  }
}

/** Where Prism's log goes: its last `logLines` lines, readable, and `logFile` when given. */
function logSink(logFile: string | undefined) {
  const lines: string[] = [];
  const file: WriteStream | undefined = logFile ? createWriteStream(logFile, { flags: 'a' }) : undefined;
  let partial = '';
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const text = partial + chunk.toString('utf8');
      const complete = text.split('\n');
      partial = complete.pop() ?? '';
      for (const line of complete.filter(Boolean).map(readable)) {
        lines.push(line);
        file?.write(`${line}\n`);
      }
      if (lines.length > logLines) lines.splice(0, lines.length - logLines);
      done();
    },
  });
  return { lines, file, destination };
}

/**
 * Starts Prism's server, catching the Node server underneath as it starts listening: to unref it and
 * to end its keep-alive connections.
 */
async function listenCaught(
  server: { listen(port: number, host: string): Promise<string> },
  port: number,
): Promise<{ http: Server | undefined; address: string }> {
  let http: Server | undefined;
  const listen = Server.prototype.listen;
  Server.prototype.listen = function (this: Server, ...args: unknown[]) {
    http = this;
    return listen.apply(this, args as Parameters<typeof listen>);
  } as typeof listen;
  let address: string;
  try {
    const listening = server.listen(port, host);
    Server.prototype.listen = listen;
    address = await listening;
  } finally {
    Server.prototype.listen = listen;
  }
  http?.unref();
  http?.on('connection', (socket) => socket.unref());
  return { http, address };
}

/**
 * Starts Prism with `--errors` (any violation becomes an error) on 127.0.0.1, and resolves once
 * it listens. It never keeps the process alive on its own.
 */
export async function startPrism({
  mode = 'mock',
  spec = bundledSpec(),
  upstream,
  port = 0,
  logFile,
  validateRequest = true,
}: StartPrismOptions = {}): Promise<Prism> {
  const prism = prismModules();
  if (mode === 'proxy' && !upstream) throw new Error('startPrism: proxy mode needs an upstream URL');
  const { lines, file, destination } = logSink(logFile);
  const logger = prism.createLogger('PRISM', { level: 'info' }, destination);
  const operations = await prism.getHttpOperationsFromSpec(spec);
  const shared = {
    validateRequest,
    validateResponse: true,
    checkSecurity: true,
    errors: true,
    upstreamProxy: undefined,
    mock: { dynamic: false, ignoreExamples: false },
  };
  const config =
    mode === 'proxy'
      ? { ...shared, isProxy: true, upstream: new URL(upstream as string) }
      : { ...shared, isProxy: false };
  const server = prism.createServer(operations, {
    cors: true,
    config,
    components: { logger: (logger as { child(options: object): unknown }).child({ name: 'HTTP SERVER' }) },
  });

  const { http, address } = await listenCaught(server, port);
  let closed: Promise<void> | undefined;
  return {
    url: address.replace(/\/$/, ''),
    logTail: (count = 60) => lines.slice(-count).join('\n'),
    close() {
      closed ??= (async () => {
        http?.closeAllConnections();
        await server.close().catch(() => undefined);
        await new Promise<void>((resolve) => (file ? file.end(resolve) : resolve()));
      })();
      return closed;
    },
  };
}
