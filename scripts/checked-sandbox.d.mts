import type { Prism } from './prism.mjs';
import type { Sandbox, SandboxOptions } from './sandbox.mjs';

/** The sandbox behind `prism proxy --errors`. */
export function startCheckedSandbox(
  options?: SandboxOptions & { logFile?: string },
): Promise<{ url: string; sandbox: Sandbox; prism: Prism; close(): Promise<void> }>;
