export interface PostgresServer {
  /** `postgres://postgres:<password>@127.0.0.1:<port>/postgres` */
  url: string;
  password: string;
  port: number;
  /** The server's last lines of log. */
  log: string[];
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Stops it and starts it again, on the same folder and port. */
  restart(): Promise<void>;
  /** Stops it and removes its folder. */
  remove(): Promise<void>;
}
export function startPostgresServer(): Promise<PostgresServer>;
