/** A running Prism. */
export interface Prism {
  /** Base URL, such as http://127.0.0.1:43211. */
  url: string;
  /** The last lines Prism printed. */
  logTail(count?: number): string;
  /** Stops Prism and waits for it to exit. */
  close(): Promise<void>;
}

export interface StartPrismOptions {
  mode?: 'mock' | 'proxy';
  spec?: string;
  upstream?: string;
  port?: number;
  logFile?: string;
  args?: string[];
  timeoutMs?: number;
}

export function startPrism(options?: StartPrismOptions): Promise<Prism>;
