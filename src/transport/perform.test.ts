// Timeouts, aborts and the User-Agent, over a real local server.
import { afterEach, describe, expect, it } from 'vitest';
import { responseExample } from '../../contract-tests/spec.js';
import { createSendersClient, type Sender, TimeoutError } from '../index.js';
import { credentials } from '../test/credentials.js';
import { json, startServer } from '../test/http-server.js';
import { version } from '../user-agent.js';

const online = responseExample<Sender>('fetchSender', '200', 'online');

let server: Awaited<ReturnType<typeof startServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('a call', () => {
  it('fails with a TimeoutError when the server never answers', async () => {
    server = await startServer(() => {});
    const senders = createSendersClient({ ...credentials, baseUrl: server.url, timeoutMs: 200, maxRetries: 0 });
    const error = await senders.get(online.sid).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 200, method: 'GET' });
    expect((error as Error).message).toBe(`GET /v2/Channels/Senders/${online.sid} timed out after 200 ms`);
  });

  it('counts the body in the timeout: a body that trickles in slower fails', async () => {
    server = await startServer((_, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.write('{"sid":');
    });
    const senders = createSendersClient({ ...credentials, baseUrl: server.url, maxRetries: 0 });
    await expect(senders.get(online.sid, { timeoutMs: 200 })).rejects.toBeInstanceOf(TimeoutError);
  });

  it("rejects with the caller's abort reason", async () => {
    server = await startServer(() => {});
    const senders = createSendersClient({ ...credentials, baseUrl: server.url });
    const controller = new AbortController();
    const pending = senders.get(online.sid, { signal: controller.signal });
    const reason = new Error('user cancelled');
    setTimeout(() => controller.abort(reason), 50);
    await expect(pending).rejects.toBe(reason);
  });

  it('sends nothing when the signal is already aborted', async () => {
    server = await startServer((_, response) => json(response, 200, online));
    const senders = createSendersClient({ ...credentials, baseUrl: server.url });
    await expect(senders.get(online.sid, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(server.received).toHaveLength(0);
  });

  it('names the package, platform and runtime in the User-Agent, with the extension', async () => {
    server = await startServer((_, response) => json(response, 200, online));
    const senders = createSendersClient({
      ...credentials,
      baseUrl: server.url,
      userAgentExtension: 'acme-onboarding/2.1',
    });
    await senders.get(online.sid);
    expect(server.received[0]?.headers['user-agent']).toBe(
      `whatsapp-senders/${version} (${process.platform} ${process.arch}) node/${process.versions.node} acme-onboarding/2.1`,
    );
    expect(version).toBe((await import('../../package.json', { with: { type: 'json' } })).default.version);
  });
});
