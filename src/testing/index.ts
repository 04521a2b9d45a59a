// `whatsapp-senders/testing`: what a user's own tests run against, without a Twilio account: the
// stateful sandbox, behind `prism proxy --errors` so that every answer is checked against the spec,
// and a Prism mock of the spec this package ships. Node only, and never in the main entry.
import { startCheckedSandbox } from './checked.js';
import type { Sandbox, SandboxOptions } from './options.js';
import { startPrism } from './prism.js';
import { startBareSandbox } from './server.js';

export type { Lifecycle, Sandbox, SandboxOptions } from './options.js';
export type { Traffic, TrafficOptions } from './traffic.js';

/** Starts the stateful sandbox; see SandboxOptions. */
export async function startSandbox({ validate = true, ...options }: SandboxOptions = {}): Promise<Sandbox> {
  if (!validate) return view(await startBareSandbox(options));
  // Requests are the sandbox's to judge (a Twilio 400, as the spec documents); Prism checks every answer.
  const checked = await startCheckedSandbox({ ...options, validateRequest: false });
  return view(checked.sandbox, checked.url, () => checked.close());
}

/** The public face of a sandbox: its address for clients, and the close that stops everything. */
function view(sandbox: Sandbox, url = sandbox.url, close = () => sandbox.close()): Sandbox {
  return {
    url,
    senders: sandbox.senders,
    sendersOf: (accountSid) => sandbox.sendersOf(accountSid),
    get requests() {
      return sandbox.requests;
    },
    traffic: sandbox.traffic,
    setStatus: (sid, status, reasons) => sandbox.setStatus(sid, status, reasons),
    failNext: (status, code, count, account) => sandbox.failNext(status, code, count, account),
    rateLimit: (share, account) => sandbox.rateLimit(share, account),
    mutateResponses: (change) => sandbox.mutateResponses(change),
    close,
  };
}

/** A running Prism mock. */
export interface Mock {
  /** The base URL to give the client. */
  url: string;
  /** Stops Prism; calling it again does nothing more. */
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
