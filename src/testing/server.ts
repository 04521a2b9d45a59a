// The sandbox's HTTP side on 127.0.0.1: reads each request, applies the test's injected failures
// and the 429 mode, checks Basic auth, and hands the call to the routes. The control API
// (`/__sandbox/…`) lets a test outside the process force steps and failures.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Sender, SenderStatus } from '../types.js';
import { Advancer, setStatus } from './lifecycle.js';
import type { BareSandbox, SandboxOptions } from './options.js';
import { type Answer, Routes, twilioError } from './routes.js';

const control = '/__sandbox/';
const hex = (bytes: number) => randomBytes(bytes).toString('hex');

/** Starts the sandbox alone, without Prism in front. */
export async function startBareSandbox({
  port = 0,
  lifecycle = 'instant',
  stepMs = 200,
}: Omit<SandboxOptions, 'validate'> = {}): Promise<BareSandbox> {
  const senders = new Map<string, Sender>();
  const failures: { status: number; code: number }[] = [];
  let rateLimitShare = 0;
  let handled = 0;
  let mutate = (body: unknown): unknown => body;
  const advancer = new Advancer(lifecycle, stepMs, (sender) => senders.get(sender.sid) === sender);
  const routes = new Routes(senders, advancer);

  const sandbox: BareSandbox = {
    url: '',
    publicUrl: '',
    senders,
    get requests() {
      return handled;
    },
    setStatus(sid: string, status: SenderStatus, offlineReasons?: { code: string; message: string }[]) {
      const sender = senders.get(sid);
      if (!sender) throw new Error(`no sender ${sid}`);
      setStatus(sender, status, offlineReasons);
    },
    failNext(status: number, code = status === 429 ? 20429 : 20000 + status, count = 1) {
      for (let i = 0; i < count; i++) failures.push({ status, code });
    },
    rateLimit(share: number) {
      rateLimitShare = share;
    },
    mutateResponses(change) {
      mutate = change as (body: unknown) => unknown;
    },
    close() {
      advancer.stop();
      return new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };

  const send = (response: ServerResponse, { status, body, headers = {} }: Answer) => {
    response.writeHead(status, {
      'Twilio-Request-Id': `RQ${hex(16)}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    });
    response.end(body === undefined ? undefined : JSON.stringify(mutate(body)));
  };

  async function answer(request: IncomingMessage): Promise<Answer> {
    handled++;
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(request.url ?? '/', 'http://sandbox');
    if (url.pathname.startsWith(control)) return controlRequest(url.pathname.slice(control.length), text);
    const injected = failures.shift();
    if (injected) {
      const retryAfter = injected.status === 429 ? { 'Retry-After': '0' } : undefined;
      return twilioError(injected.status, injected.code, 'Injected by the sandbox', retryAfter);
    }
    if (rateLimitShare > 0 && Math.floor(handled * rateLimitShare) > Math.floor((handled - 1) * rateLimitShare)) {
      return twilioError(429, 20429, 'Too Many Requests', { 'Retry-After': '0' });
    }
    if (!/^Basic [A-Za-z0-9+/=]+$/.test(request.headers.authorization ?? '')) {
      return twilioError(401, 20003, 'Authenticate', { 'WWW-Authenticate': 'Basic realm="Twilio API"' });
    }
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      return twilioError(400, 20001, 'The request body is not JSON');
    }
    return routes.handle({ method: request.method ?? 'GET', url, body, base: sandbox.publicUrl || sandbox.url });
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
      return { status: 400, body: { message: String(error) } };
    }
  }

  const server = createServer(async (request, response) => {
    send(response, await answer(request));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  sandbox.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return sandbox;
}
