// The fleet's tests' multi-account Senders service: the sandbox (src/testing) on a real socket, its
// accounts kept apart, with what the fleet's tests script through its hooks: a log of each request,
// a settable interception, a hook on each create, and senders seeded or hidden. Its counts (creates,
// writes, the high-water of requests in flight) and random 429s and 503s are the sandbox's own.
//
// How it differs from the hand-written fake it replaced, and why:
// - Verification codes: the sandbox accepts only `verificationCode` (its default, '123456') and
//   refuses another with a 400, so that a wrong code can be tested; tests submit that code.
// - `unavailableShare` answers 503 to any request, not only creates, as the sandbox does: the one
//   test that uses it holds its guarantee so (reads answered 503 are retried by the client).
// - Statuses move on at once (`lifecycle: 'instant'`), not one step a read: a create answers
//   CREATING and is awaiting its code by the next read, as before; no test needs a status held.
import { statusesOf } from '../statuses.js';
import type { SandboxRequest } from '../testing/options.js';
import { type Answer, collection, type ListView, twilioError } from '../testing/routes.js';
import { startBareSandbox } from '../testing/server.js';
import { createSender } from '../testing/store.js';
import type { TrafficOptions } from '../testing/traffic.js';
import type { Sender, SenderCreate } from '../types.js';

const ready = statusesOf('ready')[0] as string;

export type FakeSender = Record<string, unknown> & { sid: string; sender_id: string; status: string };

export interface FleetServiceOptions extends TrafficOptions {
  /** Credentials accepted: the Basic username (an Account SID or an API key) → its password and account. */
  accounts: Record<string, { password: string; accountSid?: string }>;
  latencyMs?: number;
  /** The one code a submission may carry; the sandbox's default ('123456') unless given. */
  verificationCode?: string;
}

/** A request as the tests' hooks see it. */
export interface FleetRequest {
  accountSid: string;
  method: string;
  path: string;
  body: Record<string, unknown>;
}

export interface LogEntry {
  at: number;
  accountSid: string;
  method: string;
  path: string;
  senderId?: string;
  status: number;
}

export async function startFleetService({ accounts, latencyMs, verificationCode, ...traffic }: FleetServiceOptions) {
  const hidden = new Set<string>();
  const entries = new WeakMap<SandboxRequest, LogEntry>();
  const tokens = Object.fromEntries(Object.entries(accounts).map(([user, { password }]) => [user, password]));
  const sandbox = await startBareSandbox(
    { accounts: tokens, latencyMs, ...(verificationCode ? { verificationCode } : {}), traffic },
    {
      accountOf: (user) => accounts[user]?.accountSid ?? user,
      intercept(call): Answer | undefined {
        const body = (call.body ?? {}) as Record<string, unknown>;
        const senderId = typeof body.sender_id === 'string' ? body.sender_id : undefined;
        const entry = {
          at: call.at,
          accountSid: call.account,
          method: call.method,
          path: call.path,
          senderId,
          status: 0,
        };
        service.log.push(entry);
        entries.set(call, entry);
        if (hidden.has(call.path.slice(collection.length + 1))) return twilioError(404, 20404, 'Not found');
        const scripted = service.intercept({ accountSid: call.account, method: call.method, path: call.path, body });
        return scripted && twilioError(scripted.status, scripted.code, 'Scripted by the test', scripted.headers);
      },
      answered(call, answer) {
        const entry = entries.get(call);
        if (entry) entry.status = answer.status;
      },
      created: (sender, account) => service.onCreate(sender as unknown as FakeSender, account),
      listView: (all, start) => service.listView(hidden.size ? all.filter((s) => !hidden.has(s.sid)) : all, start),
    },
  );
  const service = {
    url: sandbox.url,
    /** Creates per account and sender_id, writes, high-water; `traffic.configure` changes the shares. */
    traffic: sandbox.traffic,
    highWater: sandbox.traffic.highWater,
    get writes() {
      return sandbox.traffic.writes;
    },
    get requests() {
      return sandbox.requests;
    },
    /** Every request that passed authentication, as it arrived: when, whose, what, and the status answered. */
    log: [] as LogEntry[],
    /** Looks at each request first; an answer it returns is sent instead (a scripted failure). */
    intercept: (
      _request: FleetRequest,
    ): { status: number; code: number; headers?: Record<string, string> } | undefined => undefined,
    /** The account's senders as a list page sees them, from `start`. */
    listView: ((all) => all) as ListView,
    /** A hook on each create, once stored: set OFFLINE, a display-name verdict… */
    onCreate: (_sender: FakeSender, _accountSid: string) => {},
    createsOf: (accountSid: string, senderId: string) => sandbox.traffic.createsOf(accountSid, senderId),
    sendersOf: (accountSid: string) => sandbox.sendersOf(accountSid),
    /** Puts a sender straight into an account, ONLINE unless said, as if made elsewhere; no create counted. */
    seed(accountSid: string, given: Partial<FakeSender> & { sender_id: string }): FakeSender {
      const { profile: _p, webhook: _w, configuration: _c, ...rest } = given;
      const sender = Object.assign(createSender(given as unknown as SenderCreate), { status: ready }, rest);
      sandbox.seed(accountSid, sender as Sender);
      return sender as unknown as FakeSender;
    },
    /** Hides the account's senders from every read (a 404 by sid) until the function returned is called. */
    hide(accountSid: string): () => void {
      const sids = [...sandbox.sendersOf(accountSid).keys()];
      for (const sid of sids) hidden.add(sid);
      return () => {
        for (const sid of sids) hidden.delete(sid);
      };
    },
    close: () => sandbox.close(),
  };
  return service;
}

export type FleetService = Awaited<ReturnType<typeof startFleetService>>;
