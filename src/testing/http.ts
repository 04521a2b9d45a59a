// The sandbox's HTTP plumbing on node:http: reading a request's body and credentials, writing an
// answer, listening without keeping the host alive. Nothing here knows the service's routes.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Answer, twilioError } from './routes.js';

const maxBodyBytes = 1024 * 1024;

/** The user name and password of a Basic Authorization header, or undefined when it is not one. */
export function basic(header: string | undefined): { user: string; password: string } | undefined {
  const match = /^Basic ([A-Za-z0-9+/]+={0,2})$/.exec(header ?? '');
  if (!match?.[1]) return undefined;
  const text = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = text.indexOf(':');
  return colon > 0 ? { user: text.slice(0, colon), password: text.slice(colon + 1) } : undefined;
}

/**
 * Reads a request body up to `maxBodyBytes`; rejects when the upload is aborted, or with a RangeError
 * when it is too large. A body too large is left unread, not destroyed, so that the 400 can still go
 * out on the connection; the server closes it after answering.
 */
export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
      request.off('aborted', onAborted);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBodyBytes) return void chunks.push(chunk);
      stop();
      request.pause();
      reject(new RangeError(`the body is over ${maxBodyBytes} bytes`));
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    const onAborted = () => onError(new Error('the upload was aborted'));
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
    request.on('aborted', onAborted);
  });
}

/** Writes an answer, its body through `mutate`; a `mutate` that throws gives a 500 instead. */
export function writeAnswer(response: ServerResponse, { status, body, headers = {} }: Answer, mutate = same): void {
  let text: string | undefined;
  let answered = { status, headers };
  try {
    text = body === undefined ? undefined : JSON.stringify(mutate(body));
  } catch (error) {
    const failed = twilioError(500, 20500, `The sandbox's mutateResponses failed: ${String(error)}`);
    text = JSON.stringify(failed.body);
    answered = { status: 500, headers: {} };
  }
  response.writeHead(answered.status, {
    'Twilio-Request-Id': `RQ${randomBytes(16).toString('hex')}`,
    ...(text === undefined ? {} : { 'Content-Type': 'application/json' }),
    ...answered.headers,
  });
  response.end(text);
}

const same = (body: unknown): unknown => body;

/**
 * Answers a request whose body could not be read: an aborted upload has no one to answer; a body
 * too large gets a 400 and the connection closes. (`request.socket` is null once it is gone.)
 */
export function refuseBody(request: IncomingMessage, response: ServerResponse, error: unknown): void {
  if (error instanceof RangeError && !response.headersSent && request.socket && !request.socket.destroyed) {
    response.setHeader('Connection', 'close');
    response.once('finish', () => request.socket?.destroy());
    writeAnswer(response, twilioError(400, 70002, `The request body is too large: ${error.message}`));
  } else response.destroy();
}

/**
 * Listens on 127.0.0.1 and resolves to the base URL. Unless `keepAlive`, neither the server nor its
 * idle keep-alive connections keep the host alive: a script that forgets close() still ends.
 */
export async function listen(server: Server, port: number, keepAlive: boolean): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  if (!keepAlive) {
    server.unref();
    server.on('connection', (socket) => socket.unref());
  }
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
