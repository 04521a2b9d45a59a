/** How statuses advance: at once after each change, after `stepMs`, or only by `setStatus`. */
export type Lifecycle = 'instant' | 'timer' | 'manual';

export interface SandboxOptions {
  /** 0 (the default) for a free port. */
  port?: number;
  lifecycle?: Lifecycle;
  /** The delay of each step with `timer`. */
  stepMs?: number;
}

/** A running sandbox. */
export interface Sandbox {
  /** The sandbox's own address. */
  url: string;
  /** The address clients use, for the URLs in bodies: the proxy's, when it runs behind one. */
  publicUrl: string;
  /** The store, by sid, in creation order. */
  senders: Map<string, Record<string, unknown>>;
  /** How many requests it has answered. */
  readonly requests: number;
  setStatus(sid: string, status: string, offlineReasons?: { code: string; message: string }[]): void;
  failNext(status: number, code?: number, count?: number): void;
  rateLimit(share: number): void;
  mutateResponses(change: (body: Record<string, unknown>) => unknown): void;
  close(): Promise<void>;
}

export function startSandbox(options?: SandboxOptions): Promise<Sandbox>;
