// The transport's guarantees, run through both of its faces (the main client and
// whatsapp-senders/raw) against the same hostile local servers: what one face promises, the other
// keeps, because both send through src/transport/.
import { createServer as createTcpServer, type Socket } from 'node:net';
import { inspect } from 'node:util';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { requestExample, responseExample } from '../../contract-tests/spec.js';
import {
  ApiError,
  createSendersClient,
  NetworkError,
  type Sender,
  type SenderCreate,
  ValidationError,
} from '../index.js';
import { createRawClient } from '../raw/index.js';
import { accountSid, authToken, credentials } from '../test/credentials.js';
import { json, startServer } from '../test/http-server.js';

const online = responseExample<Sender>('fetchSender', '200', 'online');
const seed = requestExample<SenderCreate>('createSender', 'seed');
const secret = btoa(`${accountSid}:${authToken}`);

interface Options {
  baseUrl: string;
  maxResponseBytes?: number;
  fetch?: typeof fetch;
}

/** One face of the transport: get and create, each settling to the value or what was thrown. */
interface Face {
  get(options: Options, sid?: string): Promise<unknown>;
  create(options: Options): Promise<unknown>;
  delete(options: Options): Promise<unknown>;
}

const faces: [string, Face][] = [
  [
    'createSendersClient',
    {
      get: (options, sid = online.sid) => createSendersClient({ ...credentials, maxRetries: 0, ...options }).get(sid),
      create: (options) => createSendersClient({ ...credentials, ...options }).create(seed),
      delete: (options) => createSendersClient({ ...credentials, ...options }).delete(online.sid),
    },
  ],
  [
    'createRawClient',
    {
      get: (options, sid = online.sid) =>
        createRawClient({ ...credentials, ...options }).GET('/v2/Channels/Senders/{Sid}', {
          params: { path: { Sid: sid } },
        }),
      create: (options) => createRawClient({ ...credentials, ...options }).POST('/v2/Channels/Senders', { body: seed }),
      delete: (options) =>
        createRawClient({ ...credentials, ...options }).DELETE('/v2/Channels/Senders/{Sid}', {
          params: { path: { Sid: online.sid } },
        }),
    },
  ],
];

const settle = (call: Promise<unknown>) =>
  call.then(
    (value) => ({ value, error: undefined as unknown }),
    (error: unknown) => ({ value: undefined, error }),
  );

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});
const serve = async (handler: Parameters<typeof startServer>[0]) => {
  const server = await startServer(handler);
  servers.push(server);
  return server;
};

/** A TCP server that answers each request with the bytes `answer` makes of its Authorization header. */
async function rawBytes(answer: (authorization: string) => string) {
  const sockets = new Set<Socket>();
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.once('data', (chunk) => {
      const authorization = /^authorization: (.*)$/im.exec(String(chunk))?.[1]?.trim() ?? '';
      socket.end(answer(authorization));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  servers.push({
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  });
  return `http://127.0.0.1:${port}`;
}

describe.each(faces)('the transport, through %s', (_, face) => {
  describe('bounded reads', () => {
    it('cancels a 200 whose body never ends at maxResponseBytes, with an ApiError that keeps the 200', async () => {
      const server = await serve((__, response) => {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        const chunk = Buffer.alloc(64 * 1024, 'x');
        const pump = () => {
          while (!response.destroyed && response.write(chunk));
          if (!response.destroyed) response.once('drain', pump);
        };
        response.write('{"sid":"');
        pump();
      });
      const { error } = await settle(face.get({ baseUrl: server.url, maxResponseBytes: 1024 * 1024 }));
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ status: 200 });
      expect((error as Error).message).toMatch(/too large/);
      expect(server.received).toHaveLength(1);
    });

    it('says a create was applied when its answer is too large', async () => {
      const server = await serve((__, response) => json(response, 202, { ...online, about: 'x'.repeat(100_000) }));
      const { error } = await settle(face.create({ baseUrl: server.url, maxResponseBytes: 10_000 }));
      expect(error).toBeInstanceOf(ApiError);
      expect((error as Error).message).toMatch(/too large.*the request was applied/);
      expect(server.received).toHaveLength(1);
    });

    it.each([
      ['gzip', gzipSync],
      ['br', brotliCompressSync],
    ] as const)('counts the decoded bytes of a %s bomb, asked for or not', async (encoding, compress) => {
      const bomb = compress(Buffer.from(`{"sid":"${'0'.repeat(8 * 1024 * 1024)}"}`));
      const server = await serve((__, response) => {
        response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': encoding });
        response.end(bomb);
      });
      const { error } = await settle(face.get({ baseUrl: server.url, maxResponseBytes: 1024 * 1024 }));
      expect(bomb.byteLength).toBeLessThan(1024 * 1024);
      expect(error).toBeInstanceOf(ApiError);
      expect((error as Error).message).toMatch(/too large/);
      expect(server.received[0]?.headers['accept-encoding'] ?? '').not.toMatch(/br/);
    });
  });

  describe('shapes', () => {
    it('refuses a 204 where the operation returns a sender; for a create, says it was applied', async () => {
      const server = await serve((__, response) => response.writeHead(204).end());
      const read = await settle(face.get({ baseUrl: server.url }));
      expect(read.error).toBeInstanceOf(ApiError);
      expect(read.error).toMatchObject({ status: 204 });
      const write = await settle(face.create({ baseUrl: server.url }));
      expect(write.error).toBeInstanceOf(ApiError);
      expect((write.error as Error).message).toMatch(/the request was applied/);
    });

    it("takes a 204 to a delete, whose success has no body in the spec (the table's emptyBody)", async () => {
      const server = await serve((__, response) => response.writeHead(204).end());
      const { error } = await settle(face.delete({ baseUrl: server.url }));
      expect(error).toBeUndefined();
    });
  });

  describe('failures that tell the truth', () => {
    it('keeps the status of a 429 whose body is cut', async () => {
      const server = await serve((__, response) => {
        response.writeHead(429, { 'Content-Type': 'application/json', 'Content-Length': '4000' });
        response.write('{"code":20429,', () => response.socket?.resetAndDestroy());
      });
      const { error } = await settle(face.create({ baseUrl: server.url }));
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ status: 429 });
      expect((error as Error).message).toMatch(/body could not be read/);
    });

    it('says a refused connection sent nothing', async () => {
      const closed = await startServer(() => undefined);
      await closed.close();
      const { error } = await settle(face.create({ baseUrl: closed.url }));
      expect(error).toBeInstanceOf(NetworkError);
      expect((error as Error).message).toMatch(/the request was not sent/);
      expect((error as Error).message).not.toMatch(/may have been applied/);
    });
  });

  describe('where requests go', () => {
    it.each(['.', '..', ''])('refuses the sid %j before anything is sent', async (sid) => {
      const server = await serve((__, response) => json(response, 200, online));
      const { error } = await settle(face.get({ baseUrl: server.url }, sid));
      expect(error).toBeInstanceOf(ValidationError);
      expect(server.received).toHaveLength(0);
    });

    it("refuses a redirect that the caller's fetch followed anyway", async () => {
      const server = await serve((request, response) => {
        if (request.url.startsWith('/elsewhere')) json(response, 202, online);
        else response.writeHead(302, { Location: '/elsewhere' }).end();
      });
      const following: typeof fetch = (input, init) => fetch(input, { ...init, redirect: 'follow' });
      const { value, error } = await settle(face.create({ baseUrl: server.url, fetch: following }));
      expect(value).toBeUndefined();
      expect(error).toBeInstanceOf(ApiError);
      expect((error as Error).message).toMatch(/redirect/);
    });

    it('refuses a base URL with a query or a fragment, which no request would carry', async () => {
      for (const baseUrl of ['http://127.0.0.1:9/?tenant=a', 'http://127.0.0.1:9/#a']) {
        const { error } = await settle(Promise.resolve().then(() => face.get({ baseUrl })));
        expect(error).toBeInstanceOf(ValidationError);
      }
    });
  });

  describe('redaction', () => {
    it("keeps the credential out of a parser error's data that echoes it, in the head", async () => {
      const baseUrl = await rawBytes((authorization) => `HTTP/1.1 2${authorization} OK\r\n\r\n`);
      const { error } = await settle(face.get({ baseUrl }));
      expect(error).toBeInstanceOf(NetworkError);
      expect(inspect(error, { depth: 20, showHidden: true })).not.toContain(secret);
    });

    it('keeps the credential out of a body-stage parser error, and keeps the status', async () => {
      const baseUrl = await rawBytes(
        (authorization) => `HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz${authorization}\r\n\r\n`,
      );
      const { error } = await settle(face.get({ baseUrl }));
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ status: 200 });
      expect(inspect(error, { depth: 20, showHidden: true })).not.toContain(secret);
    });

    it('keeps the credential out of a status text that echoes it', async () => {
      const baseUrl = await rawBytes(
        (authorization) =>
          `HTTP/1.1 400 ${authorization}\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}`,
      );
      const outcome = await settle(face.get({ baseUrl }));
      const shown = inspect(outcome, { depth: 20, showHidden: true, getters: true });
      const { statusText } = ((outcome.value as { response?: Response } | undefined)?.response ?? {}) as Response;
      expect(`${shown} ${statusText}`).not.toContain(secret);
      expect(`${shown} ${statusText}`).toContain('400');
    });
  });
});
