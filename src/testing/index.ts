// `whatsapp-senders/testing`: what a user's own tests run against, without a Twilio account: the
// stateful sandbox, behind `prism proxy --errors` so that every answer is checked against the spec,
// and a Prism mock of the spec this package ships. Node only, and never in the main entry.
import { startPrism } from '../../scripts/prism.mjs';
import { startSandbox as startBareSandbox } from '../../scripts/sandbox.mjs';
import type { Sender, SenderStatus } from '../types.js';

/** How the sandbox's statuses advance. */
export type Lifecycle = 'instant' | 'timer' | 'manual';

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
  /** Stops the sandbox (and Prism). */
  close(): Promise<void>;
}

/** Starts the stateful sandbox; see SandboxOptions. */
export async function startSandbox({
  port,
  validate = true,
  lifecycle,
  stepMs,
}: SandboxOptions = {}): Promise<Sandbox> {
  const sandbox = await startBareSandbox({ port: validate ? 0 : port, lifecycle, stepMs });
  const view = (url: string, close: () => Promise<void>): Sandbox => ({
    url,
    senders: sandbox.senders as unknown as Map<string, Sender>,
    setStatus: (sid, status, reasons) => sandbox.setStatus(sid, status, reasons),
    failNext: (status, code, count) => sandbox.failNext(status, code, count),
    close,
  });
  if (!validate) return view(sandbox.url, () => sandbox.close());
  try {
    const prism = await startPrism({ mode: 'proxy', upstream: sandbox.url, port });
    sandbox.publicUrl = prism.url;
    return view(prism.url, async () => {
      await prism.close();
      await sandbox.close();
    });
  } catch (error) {
    await sandbox.close();
    throw error;
  }
}

/** A running Prism mock. */
export interface Mock {
  /** The base URL to give the client. */
  url: string;
  /** Stops Prism. */
  close(): Promise<void>;
}

/**
 * Starts `prism mock --errors` on the spec this package ships: every documented status and example,
 * chosen with `Prefer: code=404` or `Prefer: example=…`. Needs `@stoplight/prism-cli`.
 */
export async function startMock({ port }: { port?: number } = {}): Promise<Mock> {
  const prism = await startPrism({ port });
  return { url: prism.url, close: () => prism.close() };
}
