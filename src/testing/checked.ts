// The sandbox behind `prism proxy --errors`: every answer it gives is checked against the spec on
// its way out, and a response the spec forbids becomes an error naming the field.
import type { BareSandbox, SandboxOptions } from './options.js';
import { type Prism, startPrism } from './prism.js';
import { startBareSandbox } from './server.js';

/** The sandbox and the Prism proxy in front of it. */
export interface CheckedSandbox {
  /** The proxy's address: the one to give clients. */
  url: string;
  /** The sandbox itself, for its control API and its store. */
  sandbox: BareSandbox;
  prism: Prism;
  /** Stops both; calling it again does nothing more. */
  close(): Promise<void>;
}

/** Starts the sandbox, then Prism in front of it (on `port` when given). */
export async function startCheckedSandbox({
  port,
  logFile,
  validateRequest,
  ...options
}: Omit<SandboxOptions, 'validate'> & { logFile?: string; validateRequest?: boolean } = {}): Promise<CheckedSandbox> {
  const sandbox = await startBareSandbox(options);
  try {
    const prism = await startPrism({ mode: 'proxy', upstream: sandbox.url, port, logFile, validateRequest });
    sandbox.publicUrl = prism.url;
    let closed: Promise<void> | undefined;
    return {
      url: prism.url,
      sandbox,
      prism,
      close() {
        closed ??= prism.close().then(() => sandbox.close());
        return closed;
      },
    };
  } catch (error) {
    await sandbox.close();
    throw error;
  }
}
