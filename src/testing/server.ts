// The sandbox's HTTP side on 127.0.0.1: reads each request, applies the test's injected failures
// and the 429 mode, checks Basic auth (per account when `accounts` is given), and hands the call to
// the routes. Nothing a request does can throw out of a handler: a failure inside becomes a 500 with
// a Twilio body, and an upload cut short is dropped. The control API (`/__sandbox/…`) lets a test
// outside the process force steps and failures.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { senderStatuses } from '../statuses.js';
import type { SenderStatus } from '../types.js';
import { Advancer, setStatus } from './lifecycle.js';
import type { BareSandbox, SandboxOptions } from './options.js';
import { type Answer, Routes, twilioError } from './routes.js';
import { Store } from './store.js';
import { Traffic } from './traffic.js';

const control = '/__sandbox/';
const maxBodyBytes = 1024 * 1024;
const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const unauthorized = () =>
  twilioError(401, 20003, 'Authentication Error - invalid username or password', {
    'WWW-Authenticate': 'Basic realm="Twilio API"',
  });

/** The user name and password of a Basic Authorization header, or undefined when it is not one. */
function basic(header: string | undefined): { user: string; password: string } | undefined {
  const match = /^Basic ([A-Za-z0-9+/]+={0,2})$/.exec(header ?? '');
  if (!match?.[1]) return undefined;
  const text = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = text.indexOf(':');
  return colon > 0 ? { user: text.slice(0, colon), password: text.slice(colon + 1) } : undefined;
}

/**
 * Reads a request body up to `maxBodyBytes`; rejects when the upload is aborted, or with a RangeError
 * when it is too large. A body too large is left unread, not destroyed, so that the 400 can still go
 * out on the connection; the server closes it after answering.
 */
function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
      request.off('aborted', onAborted);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBodyBytes) return void chunks.push(chunk);
      stop();
      request.pause();
      reject(new RangeError(`the body is over ${maxBodyBytes} bytes`));
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    const onAborted = () => onError(new Error('the upload was aborted'));
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
    request.on('aborted', onAborted);
  });
}

/** Throws a RangeError unless `value` is a whole number from `min` to `max`. */
function wholeNumber(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be a whole number from ${min} to ${max}, got ${String(value)}`);
  }
  return value;
}

/** Starts the sandbox alone, without Prism in front. */
export async function startBareSandbox({
  port = 0,
  lifecycle = 'instant',
  stepMs = 200,
  accounts,
  latencyMs = 0,
  verificationCode = '123456',
  keepAlive = false,
  traffic: trafficOptions,
}: Omit<SandboxOptions, 'validate'> = {}): Promise<BareSandbox> {
  wholeNumber('port', port, 0, 65_535);
  wholeNumber('stepMs', stepMs, 0, 3_600_000);
  wholeNumber('latencyMs', latencyMs, 0, 3_600_000);
  if (typeof verificationCode !== 'string' || verificationCode === '') {
    throw new TypeError(`verificationCode must be a non-empty string, got ${JSON.stringify(verificationCode)}`);
  }
  if (accounts !== undefined) {
    if (typeof accounts !== 'object' || accounts === null) throw new TypeError('accounts must be an object');
    for (const [user, password] of Object.entries(accounts)) {
      // The Basic user of a Twilio request: an Account SID, or an API key SID (senders-api.md, Authentication).
      if (!/^(AC|SK)[0-9a-fA-F]{32}$/.test(user)) {
        throw new RangeError(
          `accounts: ${JSON.stringify(user)} is not an Account SID (AC and 32 hex digits) or API key (SK…)`,
        );
      }
      if (typeof password !== 'string' || password === '') {
        throw new TypeError(`accounts: the token of ${user} must be a non-empty string`);
      }
    }
  }
  if (!['instant', 'timer', 'manual'].includes(lifecycle)) {
    throw new RangeError(`lifecycle must be instant, timer or manual, got ${String(lifecycle)}`);
  }
  const store = new Store();
  const failures: { status: number; code: number }[] = [];
  const waits = new Set<{ timer: ReturnType<typeof setTimeout>; resolve: () => void }>();
  let rateLimitShare = 0;
  let handled = 0;
  let mutate = (body: unknown): unknown => body;
  const advancer = new Advancer(lifecycle, stepMs, (sender) => store.holds(sender));
  const routes = new Routes(store, advancer, verificationCode);
  let closed: Promise<void> | undefined;
  const traffic = new Traffic(trafficOptions);

  const sandbox: BareSandbox = {
    url: '',
    publicUrl: '',
    senders: store.senders,
    traffic,
    sendersOf: (accountSid) => new Map(store.of(accountSid).map((sender) => [sender.sid, sender])),
    get requests() {
      return handled;
    },
    setStatus(sid: string, status: SenderStatus, offlineReasons?: { code: string; message: string }[]) {
      const sender = store.senders.get(sid);
      if (!sender) throw new Error(`no sender ${sid} in the sandbox`);
      if (!(senderStatuses as readonly string[]).includes(status)) {
        throw new RangeError(`status must be one of ${senderStatuses.join(', ')}, got ${String(status)}`);
      }
      setStatus(sender, status, offlineReasons);
    },
    failNext(status: number, code?: number, count = 1) {
      wholeNumber('status', status, 400, 599);
      const twilioCode = code ?? (status === 429 ? 20429 : 20000 + status);
      wholeNumber('code', twilioCode, 1, 99_999);
      wholeNumber('count', count, 1, 100_000);
      for (let i = 0; i < count; i++) failures.push({ status, code: twilioCode });
    },
    rateLimit(share: number) {
      if (typeof share !== 'number' || !(share >= 0 && share <= 1)) {
        throw new RangeError(`share must be a number from 0 to 1, got ${String(share)}`);
      }
      rateLimitShare = share;
    },
    mutateResponses(change) {
      mutate = change as (body: unknown) => unknown;
    },
    close() {
      closed ??= new Promise<void>((resolve) => {
        advancer.stop();
        for (const wait of waits) {
          clearTimeout(wait.timer);
          wait.resolve();
        }
        server.closeAllConnections();
        server.close(() => resolve());
      });
      return closed;
    },
  };

  /** Waits `latencyMs`; close() cuts the wait short. */
  const delay = () =>
    new Promise<void>((resolve) => {
      const wait = { timer: setTimeout(() => done(), latencyMs), resolve: () => done() };
      const done = () => {
        waits.delete(wait);
        resolve();
      };
      waits.add(wait);
    });

  /** Writes an answer; a `mutateResponses` change that throws gives a 500 instead. */
  function send(response: ServerResponse, { status, body, headers = {} }: Answer) {
    let text: string | undefined;
    let answered = { status, headers };
    try {
      text = body === undefined ? undefined : JSON.stringify(mutate(body));
    } catch (error) {
      const failed = twilioError(500, 20500, `The sandbox's mutateResponses failed: ${String(error)}`);
      text = JSON.stringify(failed.body);
      answered = { status: 500, headers: {} };
    }
    response.writeHead(answered.status, {
      'Twilio-Request-Id': `RQ${hex(16)}`,
      ...(text === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...answered.headers,
    });
    response.end(text);
  }

  async function answer(request: IncomingMessage, text: string): Promise<Answer> {
    const url = new URL(request.url ?? '/', 'http://sandbox');
    if (url.pathname.startsWith(control)) return controlRequest(url.pathname.slice(control.length), text);
    handled++;
    if (latencyMs > 0) await delay();
    const injected = failures.shift();
    if (injected) {
      const retryAfter = injected.status === 429 ? { 'Retry-After': '0' } : undefined;
      return twilioError(injected.status, injected.code, 'Injected by the sandbox', retryAfter);
    }
    if (rateLimitShare > 0 && Math.floor(handled * rateLimitShare) > Math.floor((handled - 1) * rateLimitShare)) {
      return twilioError(429, 20429, 'Too Many Requests', { 'Retry-After': '0' });
    }
    const credentials = basic(request.headers.authorization);
    if (!credentials) return unauthorized();
    if (accounts && !(Object.hasOwn(accounts, credentials.user) && accounts[credentials.user] === credentials.password))
      return unauthorized();
    const fault = traffic.fault(request.method ?? 'GET');
    if (fault) return fault;
    const holdMs = traffic.holdMs(request.method ?? 'GET');
    if (holdMs > 0) await new Promise((resolve) => setTimeout(resolve, holdMs).unref());
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      return twilioError(400, 70002, 'The request body is not JSON');
    }
    const account = accounts ? credentials.user : '';
    const method = request.method ?? 'GET';
    const result = routes.handle({ method, url, body, account, base: sandbox.publicUrl || sandbox.url });
    // Only a create body has a sender_id: count each create that reached the store (a refused duplicate too).
    const senderId = (body as { sender_id?: unknown } | undefined)?.sender_id;
    const reached =
      result.status === 202 || /already exists/.test(String((result.body as { message?: unknown })?.message));
    if (
      method === 'POST' &&
      senderId !== undefined &&
      reached &&
      traffic.created(account, senderId) &&
      result.status === 202
    )
      return twilioError(503, 20503, 'Service Unavailable');
    return result;
  }

  /** The control API: `/__sandbox/status`, `/__sandbox/fail-next`, `/__sandbox/rate-limit`. */
  function controlRequest(action: string, text: string): Answer {
    try {
      const input = JSON.parse(text || '{}');
      if (action === 'status') sandbox.setStatus(input.sid, input.status, input.offline_reasons);
      else if (action === 'fail-next') sandbox.failNext(input.status, input.code, input.count);
      else if (action === 'rate-limit') sandbox.rateLimit(input.share);
      else return { status: 404, body: { message: `no control ${action}` } };
      return { status: 200, body: { ok: true } };
    } catch (error) {
      return { status: 400, body: { message: error instanceof Error ? error.message : String(error) } };
    }
  }

  const server = createServer((request, response) => {
    void respond(request, response);
  });
  async function respond(request: IncomingMessage, response: ServerResponse) {
    let text: string;
    try {
      text = await readBody(request);
    } catch (error) {
      // Aborted uploads have no one to answer; a body too large gets a 400 and the connection closes.
      // (`request.socket` is null once the connection is gone.)
      if (error instanceof RangeError && !response.headersSent && request.socket && !request.socket.destroyed) {
        response.setHeader('Connection', 'close');
        response.once('finish', () => request.socket?.destroy());
        send(response, twilioError(400, 70002, `The request body is too large: ${error.message}`));
      } else response.destroy();
      return;
    }
    let result: Answer;
    try {
      const user = basic(request.headers.authorization)?.user ?? '';
      traffic.enter(user);
      result = await answer(request, text).finally(() => traffic.leave(user));
    } catch (error) {
      result = twilioError(500, 20500, `The sandbox failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (response.headersSent || response.destroyed) return;
    try {
      send(response, result);
    } catch {
      response.destroy();
    }
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  // A sandbox never keeps its host alive on its own, nor do its idle keep-alive connections: a script
  // that forgets close() still ends as soon as its own requests are done.
  if (!keepAlive) {
    server.unref();
    server.on('connection', (socket) => socket.unref());
  }
  sandbox.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return sandbox;
}
