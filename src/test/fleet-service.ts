// The fleet's tests' multi-account Senders service: the sandbox (startBareSandbox) with its accounts
// kept apart, its counts and its seeded random 429s and 503s; through its hooks, a log of requests,
// a settable interception and list view, a hook on each create, senders seeded or hidden. It differs
// from the hand-written fake it replaced, by choice: a code is accepted only if it is the sandbox's
// ('123456'; another gets a 400, so a wrong code stays testable), and tests submit that one;
// `unavailableShare` answers 503 to any request, not creates only: the client retries reads, so the
// test of a 503 that applied nothing keeps its guarantee (checked over twelve seeds); statuses move
// on at once (`lifecycle: 'instant'`), not a step a read: no test needs a status held back.
import { statusesOf } from '../statuses.js';
import type { SandboxRequest } from '../testing/options.js';
import { type Answer, collection, type ListView, twilioError } from '../testing/routes.js';
import { startBareSandbox } from '../testing/server.js';
import { createSender } from '../testing/store.js';
import type { TrafficOptions } from '../testing/traffic.js';
import type { Sender, SenderCreate } from '../types.js';

const ready = statusesOf('ready')[0] as string;
export type FakeSender = Record<string, unknown> & { sid: string; sender_id: string; status: string };
type Request = { accountSid: string; method: string; path: string; body: Record<string, unknown> };
type Scripted = { status: number; code: number; headers?: Record<string, string> };

export interface FleetServiceOptions extends TrafficOptions {
  /** Credentials accepted: the Basic username (an Account SID or an API key) → its password and account. */
  accounts: Record<string, { password: string; accountSid?: string }>;
  latencyMs?: number;
}

export async function startFleetService({ accounts, latencyMs, ...traffic }: FleetServiceOptions) {
  const hidden = new Set<string>();
  const entries = new WeakMap<SandboxRequest, { status: number }>();
  const tokens = Object.fromEntries(Object.entries(accounts).map(([user, { password }]) => [user, password]));
  const sandbox = await startBareSandbox(
    { accounts: tokens, latencyMs, traffic },
    {
      accountOf: (user) => accounts[user]?.accountSid ?? user,
      intercept(call): Answer | undefined {
        const { at, account: accountSid, method, path } = call;
        const body = (call.body ?? {}) as Record<string, unknown>;
        const senderId = typeof body.sender_id === 'string' ? body.sender_id : undefined;
        const entry = { at, accountSid, method, path, senderId, status: 0 };
        service.log.push(entry);
        entries.set(call, entry);
        if (hidden.has(path.slice(collection.length + 1))) return twilioError(404, 20404, 'Not found');
        const scripted = service.intercept({ accountSid, method, path, body });
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
    /** The sandbox's counts; `traffic.configure` changes its random shares. */
    traffic: sandbox.traffic,
    highWater: sandbox.traffic.highWater,
    get writes() {
      return sandbox.traffic.writes;
    },
    get requests() {
      return sandbox.requests;
    },
    /** Every request that passed authentication, as it arrived, with the status answered (0 until then). */
    log: [] as (Omit<Request, 'body'> & { at: number; senderId?: string; status: number })[],
    /** Looks at each request first; an answer it returns is sent instead (a scripted failure). */
    intercept: (_request: Request): Scripted | undefined => undefined,
    /** The account's senders as a list page shows them, from `start`. */
    listView: ((all) => all) as ListView,
    /** A hook on each create, once stored: set OFFLINE, a display-name verdict… */
    onCreate: (_sender: FakeSender, _accountSid: string) => {},
    createsOf: (accountSid: string, senderId: string) => sandbox.traffic.createsOf(accountSid, senderId),
    sendersOf: (accountSid: string) => sandbox.sendersOf(accountSid),
    /** Puts a sender straight into an account, ONLINE unless said, as if made elsewhere; no create is counted. */
    seed(accountSid: string, given: Partial<FakeSender> & { sender_id: string }): FakeSender {
      const { profile: _p, webhook: _w, configuration: _c, ...rest } = given;
      const sender = Object.assign(createSender(given as unknown as SenderCreate), { status: ready }, rest);
      sandbox.seed(accountSid, sender as Sender);
      return sender as unknown as FakeSender;
    },
    /** Hides the account's senders from every read (by sid, a 404) until the function it returns is called. */
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
