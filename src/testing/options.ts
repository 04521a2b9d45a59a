// The options of the sandbox and the mock, and what they resolve to.
import type { Sender, SenderStatus } from '../types.js';
import type { Lifecycle } from './lifecycle.js';
import type { Answer, ListView } from './routes.js';
import type { Traffic, TrafficOptions } from './traffic.js';

export type { Lifecycle } from './lifecycle.js';

/** Options of startSandbox. */
export interface SandboxOptions {
  /**
   * The port clients use; by default a free one.
   * @default 0
   */
  port?: number;
  /**
   * Put `prism proxy --errors` in front, so that each answer is checked against the spec (needs
   * `@stoplight/prism-cli`, an optional peer dependency).
   * @default true
   */
  validate?: boolean;
  /**
   * `instant`: a status moves on at once after each change, as the service's does (a created sender
   * to the status that awaits its code; a submitted code, or a change, to `ready`);
   * `timer`: after `stepMs`; `manual`: only by `setStatus`.
   * @default 'instant'
   */
  lifecycle?: Lifecycle;
  /**
   * The delay of each step with `lifecycle: 'timer'`.
   * @default 200
   */
  stepMs?: number;
  /**
   * Keeps accounts apart: each Account SID with its Auth Token. A request's senders are those of
   * the account its Basic user name names; unknown credentials get 401 (Twilio error 20003), as
   * subaccounts' do at Twilio. Without it, any Basic credentials are accepted, all in one store.
   * @example { [`AC${'1'.repeat(32)}`]: 'token-one', [`AC${'2'.repeat(32)}`]: 'token-two' }
   */
  accounts?: Readonly<Record<string, string>>;
  /**
   * A delay before every answer of the service (not of the control API), in milliseconds.
   * @default 0
   */
  latencyMs?: number;
  /**
   * The one-time password the sandbox "sends" to every number: an update with another code is
   * refused with a 400 and the sender goes on awaiting its code.
   * @default '123456'
   */
  verificationCode?: string;
  /**
   * Keep the host process alive while the sandbox runs, for a server meant to last (the CLI's
   * `sandbox` command). By default it never keeps a process alive on its own: a script that forgets
   * close() still ends.
   * @default false
   */
  keepAlive?: boolean;
  /** Random shares of 429 and 503 answers, for load tests; see `traffic` on the sandbox for the counts. */
  traffic?: TrafficOptions;
}

/** A running sandbox. */
export interface Sandbox {
  /** The base URL to give the client: `createSendersClient({ baseUrl: sandbox.url, … })`. */
  url: string;
  /** The store, by sid, in creation order: every account's senders. */
  senders: Map<string, Sender>;
  /** One account's senders, by sid, in creation order (with `accounts`; `''` names the shared store without). */
  sendersOf(accountSid: string): Map<string, Sender>;
  /** Forces a lifecycle step; a `failed` status takes its reasons (one about WhatsApp registration by default). Throws on an unknown sid or status. */
  setStatus(sid: string, status: SenderStatus, offlineReasons?: { code: string; message: string }[]): void;
  /**
   * Answers the next `count` requests with this error status (400 to 599; a RangeError otherwise)
   * and Twilio code (by default 20429 for 429, else 20000 + status); a 429 carries `Retry-After: 0`.
   * With `account` (an Account SID or API key), only the requests whose credentials name it take
   * them: tests that share one sandbox cannot take each other's failures.
   */
  failNext(status: number, code?: number, count?: number, account?: string): void;
  /**
   * The 429 mode: refuses this share of requests (0 to 1; a RangeError otherwise), spread evenly, with
   * `Retry-After: 0`; 0 ends it. With `account`, only that account's requests, spread over its own.
   */
  rateLimit(share: number, account?: string): void;
  /** Changes every JSON body it answers, as a service drifting from the spec would: for testing drift checks. */
  mutateResponses(change: (body: Record<string, unknown>) => unknown): void;
  /** How many requests it has answered. */
  readonly requests: number;
  /** Creates per account and sender_id, and the most requests each account had in flight at once. */
  readonly traffic: Traffic;
  /** Stops the sandbox (and Prism); calling it again does nothing more. */
  close(): Promise<void>;
}

/** The sandbox alone, and the address it puts in bodies when it runs behind a proxy. */
export interface BareSandbox extends Sandbox {
  /** The address clients use, for the URLs in bodies: the proxy's, when it runs behind one. */
  publicUrl: string;
  /** Puts a sender straight into an account's store, as if made elsewhere; no create is counted. */
  seed(account: string, sender: Sender): void;
}

/** A request that passed authentication, as the hooks see it. */
export interface SandboxRequest {
  /** When it arrived (ms since the epoch), before any latency. */
  at: number;
  /** The account it acts for: its Basic user name, or `accountOf`'s answer. */
  account: string;
  method: string;
  path: string;
  /** Its parsed JSON body; undefined without one, or when it is not JSON. */
  body: unknown;
}

/**
 * What the repository's own tests plug into a bare sandbox, to script what the options cannot: not
 * part of the package's surface.
 */
export interface SandboxHooks {
  /** The account a Basic user name acts for (an API key's owner, say); by default the name itself. */
  accountOf?(user: string): string;
  /** Sees each authenticated request before the random faults and the routes; an answer it returns is sent instead. */
  intercept?(request: SandboxRequest): Answer | undefined;
  /** Sees the answer of each authenticated request. */
  answered?(request: SandboxRequest, answer: Answer): void;
  /** Sees each sender a create made, once stored and before its answer goes out. */
  created?(sender: Sender, account: string): void;
  /** What each list page shows. */
  listView?: ListView;
}
