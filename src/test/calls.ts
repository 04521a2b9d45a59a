// Calls over real local sockets, as the tests of misbehaving servers make them: servers that can link
// back to themselves, closed after each test; a call run within a time bound whose error must hold no
// credential; and a client that backs off for a millisecond, so that retries cost no time.
import type { ServerResponse } from 'node:http';
import { afterEach, expect } from 'vitest';
import { type ClientOptions, createSendersClient } from '../index.js';
import { credentials, secrets } from './credentials.js';
import { type Received, startServer } from './http-server.js';
import { leaksIn } from './leaks.js';

/** How a local server answers; `base` is its own URL, for links back to itself. */
export type Handler = (request: Received, response: ServerResponse, base: string) => void;

/** A local server started by `localServers()`. */
export type LocalServer = Awaited<ReturnType<typeof startServer>>;

/** Registers an afterEach that closes every server this file started; returns the function that starts one. */
export function localServers(): (handler: Handler) => Promise<LocalServer> {
  const servers: LocalServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });
  return async function serve(handler: Handler) {
    let base = '';
    const server = await startServer((request, response) => handler(request, response, base));
    base = server.url;
    servers.push(server);
    return server;
  };
}

/** Runs a call within `boundMs`; its value or its error, how long it took, and what leaked in the error. */
export async function settle<T>(call: () => Promise<T>, boundMs = 5_000) {
  const started = performance.now();
  const outcome = await call().then(
    (value) => ({ value, error: undefined as unknown }),
    (error: unknown) => ({ value: undefined, error }),
  );
  const ms = performance.now() - started;
  expect(ms, 'time bound').toBeLessThan(boundMs);
  expect(leaksIn([outcome.error], secrets), 'credentials in the error').toEqual([]);
  return { ...outcome, ms };
}

/** A request as `METHOD /path?query`. */
export const lines = (request: Received) => `${request.method} ${request.url}`;

/** A client of the test credentials at `url` whose backoff waits 1 ms. */
export const client = (url: string, options: Partial<ClientOptions> = {}) =>
  createSendersClient({ ...credentials, baseUrl: url, backoffBaseMs: 1, backoffCapMs: 1, ...options });
