// A small multi-account Senders service on a real socket, for the fleet's tests: each account's
// senders kept apart by the Basic username, 401 to unknown credentials, a latency, random shares
// of 429 and 503, and the counts the tests assert on: creates per account and sender_id, writes,
// and the most requests in flight per account.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { statusesOf, statusKind } from '../statuses.js';
import { nextStatus, script } from '../testing/lifecycle.js';
import type { SenderStatus } from '../types.js';

const ready = statusesOf('ready')[0] as SenderStatus;

export type FakeSender = Record<string, unknown> & { sid: string; sender_id: string; status: string };

export interface FleetServiceOptions {
  /** Credentials accepted: the Basic username (an Account SID or an API key) → its password and account. */
  accounts: Record<string, { password: string; accountSid?: string }>;
  latencyMs?: number;
  /** Share of requests answered 429 (with `Retry-After: 0` unless `retryAfter` says otherwise). */
  rateLimitShare?: number;
  retryAfter?: string | null;
  /** Share of creates answered 503 before anything is done. */
  unavailableShare?: number;
  /** Share of creates answered 503 after the sender was created: the answer lost, the write applied. */
  lostAnswerShare?: number;
  /** A seeded generator, so that a failing run can be run again. */
  seed?: number;
}

export async function startFleetService(options: FleetServiceOptions) {
  let state = options.seed ?? 1;
  const random = () => {
    // mulberry32
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const stores = new Map<string, Map<string, FakeSender>>();
  const creates = new Map<string, number>(); // `${accountSid} ${sender_id}` → creates that reached the store's logic
  const inFlight = new Map<string, number>();
  const highWater = new Map<string, number>();
  const service = {
    url: '',
    options,
    stores,
    creates,
    highWater,
    writes: 0,
    requests: 0,
    /** Every request that passed authentication: when, whose, what, and the status answered. */
    log: [] as { at: number; accountSid: string; method: string; path: string; senderId?: string; status: number }[],
    /** Looks at each request first; an answer it returns is sent instead (a scripted failure). */
    intercept: (_request: {
      accountSid: string;
      method: string;
      path: string;
      body: Record<string, unknown>;
    }): { status: number; code: number; headers?: Record<string, string> } | undefined => undefined,
    /** The account's senders as a list page sees them, from `start`: a test may repeat or shift entries, as offset paging does when senders are added meanwhile. */
    listView: (all: FakeSender[], _start: number): FakeSender[] => all,
    /** A hook on each create, after the sender is stored: set OFFLINE, a display-name verdict… */
    onCreate: (_sender: FakeSender, _accountSid: string) => {},
    /** Puts a sender straight into an account, as if made elsewhere. */
    seed(accountSid: string, sender: Partial<FakeSender> & { sender_id: string }) {
      const stored = { ...blank(sender.sender_id), ...sender } as FakeSender;
      store(accountSid).set(stored.sid, stored);
      return stored;
    },
    createsOf: (accountSid: string, senderId: string) => creates.get(`${accountSid} ${senderId}`) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const store = (accountSid: string) => {
    const found = stores.get(accountSid) ?? new Map<string, FakeSender>();
    stores.set(accountSid, found);
    return found;
  };

  const server = createServer(async (request: IncomingMessage, response: ServerResponse) => {
    service.requests++;
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const send = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
      if (response.destroyed) return;
      response.writeHead(status, {
        'Twilio-Request-Id': `RQ${randomBytes(16).toString('hex')}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      });
      response.end(body === undefined ? undefined : JSON.stringify(body));
    };
    const fail = (status: number, code: number, message: string, headers?: Record<string, string>) =>
      send(status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status }, headers);

    const [user, password] = Buffer.from((request.headers.authorization ?? '').replace(/^Basic /, ''), 'base64')
      .toString()
      .split(':');
    const credential = options.accounts[user ?? ''];
    if (!credential || credential.password !== password) return fail(401, 20003, 'Authenticate');
    const accountSid = credential.accountSid ?? (user as string);
    const active = (inFlight.get(accountSid) ?? 0) + 1;
    inFlight.set(accountSid, active);
    highWater.set(accountSid, Math.max(highWater.get(accountSid) ?? 0, active));
    const path = (request.url ?? '/').split('?')[0] as string;
    const body = text ? JSON.parse(text) : {};
    const entry = {
      at: Date.now(),
      accountSid,
      method: request.method ?? '',
      path,
      senderId: body.sender_id,
      status: 0,
    };
    service.log.push(entry);
    response.once('finish', () => {
      entry.status = response.statusCode;
    });
    try {
      if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
      const scripted = service.intercept({ accountSid, method: entry.method, path, body });
      if (scripted) return fail(scripted.status, scripted.code, 'Scripted by the test', scripted.headers);
      if (random() < (options.rateLimitShare ?? 0)) {
        const retryAfter = options.retryAfter === undefined ? '0' : options.retryAfter;
        return fail(429, 20429, 'Too Many Requests', retryAfter === null ? {} : { 'Retry-After': retryAfter });
      }
      handle(request, text, accountSid, send, fail);
    } finally {
      inFlight.set(accountSid, (inFlight.get(accountSid) ?? 1) - 1);
    }
  });

  const collection = '/v2/Channels/Senders';
  function handle(
    request: IncomingMessage,
    text: string,
    accountSid: string,
    send: (status: number, body?: unknown, headers?: Record<string, string>) => void,
    fail: (status: number, code: number, message: string) => void,
  ) {
    const url = new URL(request.url ?? '/', 'http://fake');
    const senders = store(accountSid);
    const body = text ? JSON.parse(text) : {};
    const sid = url.pathname.slice(collection.length + 1);
    const base = service.url;
    const render = (sender: FakeSender) => ({ ...structuredClone(sender), url: `${base}${collection}/${sender.sid}` });
    if (url.pathname === collection && request.method === 'GET') {
      const pageSize = Number(url.searchParams.get('PageSize') ?? 50);
      const start = Number(url.searchParams.get('PageToken') ?? 0);
      const all = service.listView([...senders.values()], start);
      const next = start + pageSize < all.length;
      const at = (from: number) => `${base}${collection}?Channel=whatsapp&PageSize=${pageSize}&PageToken=${from}`;
      for (const sender of all.slice(start, start + pageSize)) step(sender);
      return send(200, {
        senders: all.slice(start, start + pageSize).map(render),
        meta: {
          page: Math.floor(start / pageSize),
          page_size: pageSize,
          first_page_url: at(0),
          previous_page_url: null,
          url: at(start),
          next_page_url: next ? at(start + pageSize) : null,
          key: 'senders',
        },
      });
    }
    if (url.pathname === collection && request.method === 'POST') {
      if (random() < (options.unavailableShare ?? 0)) return fail(503, 20503, 'Service Unavailable');
      service.writes++;
      const key = `${accountSid} ${body.sender_id}`;
      creates.set(key, (creates.get(key) ?? 0) + 1);
      for (const existing of senders.values()) {
        if (existing.sender_id === body.sender_id) return fail(400, 63100, `${body.sender_id} already exists`);
      }
      const sender = { ...blank(body.sender_id), ...body, status: script.created } as FakeSender;
      senders.set(sender.sid, sender);
      service.onCreate(sender, accountSid);
      if (random() < (options.lostAnswerShare ?? 0)) return fail(503, 20503, 'Service Unavailable');
      return send(202, render(sender));
    }
    const sender = senders.get(sid);
    if (!sender) return fail(404, 20404, 'The requested resource was not found');
    if (request.method === 'GET') {
      step(sender);
      return send(200, render(sender));
    }
    service.writes++;
    if (request.method === 'DELETE') {
      senders.delete(sid);
      return send(204);
    }
    const code = body.configuration?.verification_code;
    if (code !== undefined) {
      if (statusKind(sender.status) !== 'awaiting-code') return fail(400, 63101, 'No verification is pending');
      sender.status = script.codeSubmitted;
      return send(202, render(sender));
    }
    for (const field of ['profile', 'webhook'] as const) {
      if (body[field]) sender[field] = { ...(sender[field] as object), ...body[field] };
    }
    if (body.friendly_name !== undefined) sender.friendly_name = body.friendly_name;
    if (statusKind(sender.status) === 'ready') sender.status = script.changed;
    return send(202, render(sender));
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  service.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return service;
}

export type FleetService = Awaited<ReturnType<typeof startFleetService>>;

/** Each read moves a passing status one step on, as the sandbox's lifecycle does. */
function step(sender: FakeSender) {
  const to = nextStatus[sender.status as SenderStatus];
  if (to) sender.status = to;
}

function blank(senderId: string): FakeSender {
  return {
    sid: `XE${randomBytes(16).toString('hex')}`,
    sender_id: senderId,
    status: ready,
    configuration: null,
    webhook: null,
    profile: null,
    offline_reasons: null,
  };
}
