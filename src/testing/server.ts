// The sandbox's HTTP side on 127.0.0.1: reads each request, applies the test's injected failures
// and the 429 mode, checks Basic auth (per account when `accounts` is given), and hands the call to
// the routes. Nothing a request does can throw out of a handler: a failure inside becomes a 500 with
// a Twilio body, and an upload cut short is dropped. The control API (`/__sandbox/…`, control.ts)
// lets a test outside the process force steps and failures.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { senderStatuses } from '../statuses.js';
import type { Sender, SenderStatus } from '../types.js';
import { checkOptions } from './arguments.js';
import { control, controlPath } from './control.js';
import { Faults } from './faults.js';
import { basic, listen, readBody, refuseBody, writeAnswer } from './http.js';
import { Advancer, setStatus } from './lifecycle.js';
import type { BareSandbox, SandboxHooks, SandboxOptions, SandboxRequest } from './options.js';
import { type Answer, Routes, twilioError } from './routes.js';
import { Store } from './store.js';
import { Traffic } from './traffic.js';

const unauthorized = () =>
  twilioError(401, 20003, 'Authentication Error - invalid username or password', {
    'WWW-Authenticate': 'Basic realm="Twilio API"',
  });

/** The options a sandbox runs with, defaults filled in. */
type Settings = Required<Omit<SandboxOptions, 'validate' | 'accounts' | 'traffic'>> &
  Pick<SandboxOptions, 'accounts' | 'traffic'>;

/** Starts the sandbox alone, without Prism in front; `hooks` are for this repository's own tests. */
export async function startBareSandbox(
  {
    port = 0,
    lifecycle = 'instant',
    stepMs = 200,
    accounts,
    latencyMs = 0,
    verificationCode = '123456',
    keepAlive = false,
    traffic,
  }: Omit<SandboxOptions, 'validate'> = {},
  hooks: SandboxHooks = {},
): Promise<BareSandbox> {
  const settings: Settings = { port, lifecycle, stepMs, accounts, latencyMs, verificationCode, keepAlive, traffic };
  checkOptions(settings);
  const service = new Service(settings, hooks);
  const server = createServer((request, response) => {
    void service.respond(request, response);
  });
  const sandbox = face(service, server);
  service.sandbox = sandbox;
  sandbox.url = await listen(server, port, keepAlive);
  return sandbox;
}

/** The sandbox as its caller holds it: the store, the counts, and what a test may force. */
function face(service: Service, server: Server): BareSandbox {
  const { store, faults, traffic } = service;
  let closed: Promise<void> | undefined;
  return {
    url: '',
    publicUrl: '',
    senders: store.senders,
    traffic,
    sendersOf: (accountSid) => new Map(store.of(accountSid).map((sender) => [sender.sid, sender])),
    get requests() {
      return service.handled;
    },
    setStatus(sid: string, status: SenderStatus, offlineReasons?: { code: string; message: string }[]) {
      const sender = store.senders.get(sid);
      if (!sender) throw new Error(`no sender ${sid} in the sandbox`);
      if (!(senderStatuses as readonly string[]).includes(status)) {
        throw new RangeError(`status must be one of ${senderStatuses.join(', ')}, got ${String(status)}`);
      }
      setStatus(sender, status, offlineReasons);
    },
    failNext: (status, code, count, account) => faults.failNext(status, code, count, account),
    rateLimit: (share, account) => faults.rateLimit(share, account),
    mutateResponses(change) {
      service.mutate = change as (body: unknown) => unknown;
    },
    seed: (account, sender) => store.add(account, sender),
    close() {
      closed ??= new Promise<void>((resolve) => {
        service.stop();
        server.closeAllConnections();
        server.close(() => resolve());
      });
      return closed;
    },
  };
}

/** What one sandbox holds, and how it answers a request. */
class Service {
  readonly store = new Store();
  readonly faults = new Faults();
  readonly traffic: Traffic;
  readonly advancer: Advancer;
  readonly routes: Routes;
  /** The face the control API acts on, set once it is made. */
  sandbox: BareSandbox | undefined;
  /** Requests answered, the control API's aside. */
  handled = 0;
  mutate = (body: unknown): unknown => body;
  /** The latency waits under way, so that close() cuts them short. */
  readonly #waits = new Set<{ timer: ReturnType<typeof setTimeout>; resolve: () => void }>();

  constructor(
    readonly settings: Settings,
    readonly hooks: SandboxHooks,
  ) {
    this.traffic = new Traffic(settings.traffic);
    this.advancer = new Advancer(settings.lifecycle, settings.stepMs, (sender) => this.store.holds(sender));
    this.routes = new Routes(this.store, this.advancer, settings.verificationCode, hooks.listView);
  }

  /** Reads the request, answers it; nothing it does throws out. */
  async respond(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let text: string;
    try {
      text = await readBody(request);
    } catch (error) {
      return refuseBody(request, response, error);
    }
    let result: Answer;
    const user = basic(request.headers.authorization)?.user ?? '';
    try {
      this.traffic.enter(user);
      result = await this.answer(request, text).finally(() => this.traffic.leave(user));
    } catch (error) {
      result = twilioError(500, 20500, `The sandbox failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (response.headersSent || response.destroyed) return;
    try {
      writeAnswer(response, result, this.mutate);
    } catch {
      response.destroy();
    }
  }

  /** The control API's answer, or the service's: latency, injected faults, then authentication. */
  async answer(request: IncomingMessage, text: string): Promise<Answer> {
    const at = Date.now();
    const url = new URL(request.url ?? '/', 'http://sandbox');
    if (url.pathname.startsWith(controlPath)) {
      return control(this.sandbox as BareSandbox, url.pathname.slice(controlPath.length), text);
    }
    this.handled++;
    if (this.settings.latencyMs > 0) await this.#delay();
    const credentials = basic(request.headers.authorization);
    const injected = this.faults.take(credentials?.user ?? '');
    if (injected) return injected;
    const { accounts } = this.settings;
    if (!credentials) return unauthorized();
    if (accounts && !(Object.hasOwn(accounts, credentials.user) && accounts[credentials.user] === credentials.password))
      return unauthorized();
    const account = accounts ? (this.hooks.accountOf?.(credentials.user) ?? credentials.user) : '';
    const method = request.method ?? 'GET';
    const parsed = parse(text);
    const call: SandboxRequest = { at, account, method, path: url.pathname, body: parsed.body };
    const result = await this.#serve(call, url, parsed.ok);
    this.hooks.answered?.(call, result);
    return result;
  }

  /** An authenticated request: the test's interception, the random faults, then the routes. */
  async #serve(call: SandboxRequest, url: URL, isJson: boolean): Promise<Answer> {
    const { account, method, body } = call;
    const intercepted = this.hooks.intercept?.(call);
    if (intercepted) return intercepted;
    const fault = this.traffic.fault(method);
    if (fault) return fault;
    const holdMs = this.traffic.holdMs(method);
    if (holdMs > 0) await new Promise((resolve) => setTimeout(resolve, holdMs).unref());
    if (!isJson) return twilioError(400, 70002, 'The request body is not JSON');
    const base = this.sandbox?.publicUrl || this.sandbox?.url || '';
    const result = this.routes.handle({ method, url, body, account, base });
    if (result.createOf === undefined) return result;
    // Every create that reached the store counts, a refused duplicate too; only a made one can lose its answer.
    const lost = this.traffic.created(account, result.createOf);
    if (result.status !== 202) return result;
    const made = this.store.findBySenderId(account, result.createOf) as Sender;
    this.hooks.created?.(made, account);
    return lost ? twilioError(503, 20503, 'Service Unavailable') : result;
  }

  /** Waits `latencyMs`; stop() cuts the wait short. */
  #delay(): Promise<void> {
    return new Promise<void>((resolve) => {
      const wait = { timer: setTimeout(() => done(), this.settings.latencyMs), resolve: () => done() };
      const done = () => {
        this.#waits.delete(wait);
        resolve();
      };
      this.#waits.add(wait);
    });
  }

  /** Cancels the pending steps and waits. */
  stop(): void {
    this.advancer.stop();
    for (const wait of this.#waits) {
      clearTimeout(wait.timer);
      wait.resolve();
    }
  }
}

/** A request body as JSON: none is undefined; `ok` is false when it is not JSON. */
function parse(text: string): { ok: boolean; body: unknown } {
  try {
    return { ok: true, body: text ? JSON.parse(text) : undefined };
  } catch {
    return { ok: false, body: undefined };
  }
}
