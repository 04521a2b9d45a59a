// iterate() over a real local server that pages like the service: meta.next_page_url is followed as given.
import { afterEach, describe, expect, it } from 'vitest';
import { responseExample } from '../contract-tests/spec.js';
import { ApiError, createSendersClient, NextPageError, type Sender, SendersError } from './index.js';
import { maxEmptyPages } from './pagination.js';
import { localServers, settle } from './test/calls.js';
import { credentials } from './test/credentials.js';
import { json, startServer } from './test/http-server.js';

const online = responseExample<Sender>('fetchSender', '200', 'online');
const sid = online.sid;
const collection = '/v2/Channels/Senders';
const serve = localServers();
const sender = (n: number): Sender => ({ ...online, sid: `XE${n.toString(16).padStart(32, '0')}` });

let server: Awaited<ReturnType<typeof startServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A server holding `total` senders, whose next page URLs carry an opaque token and odd query order. */
async function pagedServer(total: number, nextOrigin?: string) {
  const started = await startServer((request, response) => {
    const url = new URL(request.url, 'http://local');
    const size = Number(url.searchParams.get('PageSize') ?? 50);
    const start = Number(url.searchParams.get('PageToken')?.replace('PT', '') ?? 0);
    const senders = Array.from({ length: Math.max(0, Math.min(size, total - start)) }, (_, i) => sender(start + i));
    const origin = nextOrigin ?? started.url;
    const next =
      start + size < total
        ? `${origin}/v2/Channels/Senders?PageToken=PT${start + size}&Channel=whatsapp&PageSize=${size}&Page=${start / size + 1}`
        : null;
    json(response, 200, {
      senders,
      meta: {
        page: start / size,
        page_size: size,
        first_page_url: `${started.url}/v2/Channels/Senders?Channel=whatsapp&PageSize=${size}&Page=0`,
        previous_page_url: null,
        url: `${started.url}${request.url}`,
        next_page_url: next,
        key: 'senders',
      },
    });
  });
  return started;
}

async function collect(iterable: AsyncIterable<Sender>): Promise<string[]> {
  const sids: string[] = [];
  for await (const item of iterable) sids.push(item.sid);
  return sids;
}

describe('iterate()', () => {
  it('walks every page, following next_page_url exactly as given', async () => {
    server = await pagedServer(7);
    const senders = createSendersClient({ ...credentials, baseUrl: server.url });
    const sids = await collect(senders.iterate({ pageSize: 3 }));
    expect(sids).toEqual([0, 1, 2, 3, 4, 5, 6].map((n) => sender(n).sid));
    expect(server.received.map((request) => request.url)).toEqual([
      '/v2/Channels/Senders?Channel=whatsapp&PageSize=3',
      '/v2/Channels/Senders?PageToken=PT3&Channel=whatsapp&PageSize=3&Page=1',
      '/v2/Channels/Senders?PageToken=PT6&Channel=whatsapp&PageSize=3&Page=2',
    ]);
    expect(new Set(server.received.map((request) => request.headers.authorization)).size).toBe(1);
  });

  it('stops at limit without fetching a page it does not need', async () => {
    server = await pagedServer(100);
    const senders = createSendersClient({ ...credentials, baseUrl: server.url });
    expect(await collect(senders.iterate({ pageSize: 5, limit: 10 }))).toHaveLength(10);
    expect(server.received).toHaveLength(2);
  });

  it('is lazy: the next page is fetched only when the current one is used up', async () => {
    server = await pagedServer(10);
    const senders = createSendersClient({ ...credentials, baseUrl: server.url });
    const iterator = senders.iterate({ pageSize: 5 });
    for (let i = 0; i < 5; i++) await iterator.next();
    expect(server.received).toHaveLength(1);
    await iterator.next();
    expect(server.received).toHaveLength(2);
    await iterator.return();
  });

  it('refuses a next page on another origin, sending nothing there', async () => {
    const elsewhere = await startServer((_, response) => json(response, 200, {}));
    try {
      server = await pagedServer(10, elsewhere.url);
      const senders = createSendersClient({ ...credentials, baseUrl: server.url });
      const error = await collect(senders.iterate({ pageSize: 5 })).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SendersError);
      expect((error as Error).message).toContain(`refusing next_page_url "${elsewhere.url}/v2/Channels/Senders?`);
      expect((error as Error).message).toContain(`credentials are only sent under ${server.url}`);
      expect(elsewhere.received).toHaveLength(0);
    } finally {
      await elsewhere.close();
    }
  });

  it("refuses a next page outside the base URL's path, sending nothing there", async () => {
    const tenants = await startServer((request, response) => {
      const page = (next: string | null) => ({ senders: [sender(1)], meta: { next_page_url: next, key: 'senders' } });
      json(
        response,
        200,
        page(request.url.startsWith('/tenant-a/') ? `${tenants.url}/tenant-b/v2/Channels/Senders` : null),
      );
    });
    try {
      const senders = createSendersClient({ ...credentials, baseUrl: `${tenants.url}/tenant-a` });
      const error = await collect(senders.iterate()).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(NextPageError);
      expect(tenants.received.map((request) => request.url.split('?')[0])).toEqual(['/tenant-a/v2/Channels/Senders']);
    } finally {
      await tenants.close();
    }
  });

  it('refuses a next page that carries a user name and password, on the same origin and path, sending nothing', async () => {
    const withUser = await startServer((_, response) => {
      const next = `${withUser.url.replace('://', '://someone:hunter2@')}/v2/Channels/Senders?PageToken=PT1`;
      json(response, 200, { senders: [sender(1)], meta: { next_page_url: next, key: 'senders' } });
    });
    try {
      const senders = createSendersClient({ ...credentials, baseUrl: withUser.url });
      const error = await collect(senders.iterate()).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(NextPageError);
      expect((error as Error).message).toContain(`credentials are only sent under ${withUser.url}`);
      expect(withUser.received).toHaveLength(1);
    } finally {
      await withUser.close();
    }
  });

  it('gives up with a NextPageError after a run of empty pages that keep linking on, even with a limit', async () => {
    let n = 0;
    server = await startServer((_, response) =>
      json(response, 200, {
        senders: [],
        meta: { next_page_url: `${server?.url}/v2/Channels/Senders?PageToken=PT${++n}`, key: 'senders' },
      }),
    );
    const senders = createSendersClient({ ...credentials, baseUrl: server.url });
    const error = await collect(senders.iterate({ limit: 5 })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NextPageError);
    expect((error as Error).message).toMatch(/empty pages/);
    expect(server.received.length).toBe(maxEmptyPages);
  });

  it('refuses a page with more senders than the PageSize asked for, in list() and iterate()', async () => {
    server = await startServer((_, response) =>
      json(response, 200, { senders: [1, 2, 3].map(sender), meta: { next_page_url: null, key: 'senders' } }),
    );
    const senders = createSendersClient({ ...credentials, baseUrl: server.url });
    await expect(senders.list({ pageSize: 2 })).rejects.toThrow(/holds 3 senders, more than the PageSize of 2/);
    await expect(collect(senders.iterate({ pageSize: 2 }))).rejects.toBeInstanceOf(ApiError);
    expect((await senders.list({ pageSize: 3 })).senders).toHaveLength(3);
  });

  it('stops with the signal, rejecting with its reason', async () => {
    server = await pagedServer(10);
    const senders = createSendersClient({ ...credentials, baseUrl: server.url });
    const controller = new AbortController();
    const iterator = senders.iterate({ pageSize: 5 }, { signal: controller.signal });
    for (let i = 0; i < 5; i++) await iterator.next();
    const reason = new Error('stop walking');
    controller.abort(reason);
    await expect(iterator.next()).rejects.toBe(reason);
    expect(server.received).toHaveLength(1);
  });

  it('refuses a limit that is not a whole number on the first next(), sending nothing', async () => {
    const senders = createSendersClient({ ...credentials, baseUrl: 'http://127.0.0.1:9' });
    const pages = senders.iterate({ limit: -1 });
    await expect(pages.next()).rejects.toThrow(/\$\.limit/);
  });
});

describe('iterate() on pages that loop or lie', () => {
  const page = (senders: unknown, next: string | null, extra: object = {}) => ({
    senders,
    meta: {
      page: 0,
      page_size: 1,
      first_page_url: '',
      previous_page_url: null,
      url: '',
      next_page_url: next,
      key: 'senders',
    },
    ...extra,
  });

  it('a page that links to itself is an ApiError after one request', async () => {
    const server = await serve((request, response, base) =>
      json(response, 200, page([online], `${base}${request.url}`)),
    );
    const senders = createSendersClient({ ...credentials, baseUrl: server.url });
    const seen: string[] = [];
    const { error, ms } = await settle(async () => {
      for await (const sender of senders.iterate({ pageSize: 1 })) seen.push(sender.sid);
    });
    expect(error).toBeInstanceOf(ApiError);
    expect((error as Error).message).toContain('already read');
    expect(seen).toEqual([sid]);
    expect(server.received).toHaveLength(1);
    expect(ms).toBeLessThan(2_000);
  });

  it('two pages that link to each other: two requests, then an ApiError', async () => {
    const server = await serve((request, response, base) => {
      const second = request.url.includes('PageToken=2');
      json(
        response,
        200,
        page([online], `${base}${collection}?Channel=whatsapp&PageSize=1${second ? '' : '&PageToken=2'}`),
      );
    });
    const senders = createSendersClient({ ...credentials, baseUrl: server.url });
    const { error } = await settle(async () => {
      for await (const _ of senders.iterate({ pageSize: 1 })) void _;
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(server.received).toHaveLength(2);
  });

  it.each([
    ['senders as a string', { senders: 'abc', meta: page([], null).meta }, 'senders is a string'],
    ['no meta', { senders: [online] }, 'meta is missing'],
    ['meta as a list', { senders: [], meta: [] }, 'meta is a list'],
  ])('a page with %s is an ApiError that names it', async (_, body, said) => {
    const server = await serve((_, response) => json(response, 200, body));
    const senders = createSendersClient({ ...credentials, baseUrl: server.url });
    const walked: unknown[] = [];
    const { error } = await settle(async () => {
      for await (const sender of senders.iterate()) walked.push(sender);
    });
    expect(error).toBeInstanceOf(ApiError);
    expect((error as Error).message).toContain(said);
    expect(walked).toEqual([]);
    const listed = await settle(() => senders.list());
    expect(listed.error).toBeInstanceOf(ApiError);
    expect(server.received).toHaveLength(2);
  });
});
