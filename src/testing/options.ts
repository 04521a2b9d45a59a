// The options of the sandbox and the mock, and what they resolve to.
import type { Sender, SenderStatus } from '../types.js';
import type { Lifecycle } from './lifecycle.js';

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
   * `instant`: a status moves on at once after each change (CREATING → PENDING_VERIFICATION,
   * VERIFYING → ONLINE, ONLINE:UPDATING → ONLINE); `timer`: after `stepMs`; `manual`: only by `setStatus`.
   * @default 'instant'
   */
  lifecycle?: Lifecycle;
  /**
   * The delay of each step with `lifecycle: 'timer'`.
   * @default 200
   */
  stepMs?: number;
}

/** A running sandbox. */
export interface Sandbox {
  /** The base URL to give the client: `createSendersClient({ baseUrl: sandbox.url, … })`. */
  url: string;
  /** The store, by sid, in creation order. */
  senders: Map<string, Sender>;
  /** Forces a lifecycle step; OFFLINE takes its reasons (one about WhatsApp registration by default). */
  setStatus(sid: string, status: SenderStatus, offlineReasons?: { code: string; message: string }[]): void;
  /** Answers the next `count` requests with this error status and Twilio code. */
  failNext(status: number, code?: number, count?: number): void;
  /** The 429 mode: refuses this share of requests (0 to 1), spread evenly, with `Retry-After: 0`. */
  rateLimit(share: number): void;
  /** Changes every JSON body it answers, as a service drifting from the spec would: for testing drift checks. */
  mutateResponses(change: (body: Record<string, unknown>) => unknown): void;
  /** How many requests it has answered. */
  readonly requests: number;
  /** Stops the sandbox (and Prism). */
  close(): Promise<void>;
}

/** The sandbox alone, and the address it puts in bodies when it runs behind a proxy. */
export interface BareSandbox extends Sandbox {
  /** The address clients use, for the URLs in bodies: the proxy's, when it runs behind one. */
  publicUrl: string;
}
