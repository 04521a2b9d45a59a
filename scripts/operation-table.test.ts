import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { operationTable as committed } from '../generated/operations.js';
import { operationTable, renderOperationTable } from './operation-table.mjs';
import { specPath } from './paths.mjs';

const spec = async () => parse(await readFile(specPath, 'utf8'));

describe('the generated operation table', () => {
  it('marks create and update unsafe to send again after an ambiguous failure, and fetch, list and delete safe', () => {
    const safety = Object.fromEntries(Object.entries(committed).map(([id, entry]) => [id, entry.retrySafe]));
    // The five the service has had from the start; an operation added later is held by the test below.
    expect(safety).toMatchObject({
      createSender: false,
      updateSender: false,
      fetchSender: true,
      listSenders: true,
      deleteSender: true,
    });
  });

  it('gives the first five operations their method, path template and flags', () => {
    expect(committed).toMatchObject({
      listSenders: {
        method: 'GET',
        path: '/v2/Channels/Senders',
        retrySafe: true,
        goneMeansDone: false,
        emptyBody: false,
        pagination: { items: 'senders', next: 'meta.next_page_url' },
      },
      createSender: {
        method: 'POST',
        path: '/v2/Channels/Senders',
        retrySafe: false,
        goneMeansDone: false,
        emptyBody: false,
      },
      fetchSender: {
        method: 'GET',
        path: '/v2/Channels/Senders/{Sid}',
        retrySafe: true,
        goneMeansDone: false,
        emptyBody: false,
      },
      updateSender: {
        method: 'POST',
        path: '/v2/Channels/Senders/{Sid}',
        retrySafe: false,
        goneMeansDone: false,
        emptyBody: false,
      },
      deleteSender: {
        method: 'DELETE',
        path: '/v2/Channels/Senders/{Sid}',
        retrySafe: true,
        goneMeansDone: true,
        emptyBody: true,
      },
    });
  });

  it('has every operation of the spec, and nothing else, each with its method and path template', async () => {
    const document = await spec();
    const inSpec = Object.entries(document.paths as Record<string, Record<string, { operationId?: string }>>).flatMap(
      ([path, item]) =>
        Object.entries(item).flatMap(([method, operation]) =>
          operation?.operationId ? [[operation.operationId, { method: method.toUpperCase(), path }]] : [],
        ),
    );
    expect(Object.keys(committed).sort()).toEqual(inSpec.map(([id]) => id).sort());
    for (const [id, expected] of inSpec)
      expect(committed[id as keyof typeof committed]).toMatchObject(expected as object);
  });

  it("takes each flag and its reason from the operation's x-retry-after-ambiguous-failure", async () => {
    const document = await spec();
    document.paths['/v2/Channels/Senders'].get['x-retry-after-ambiguous-failure'] = {
      safe: false,
      reason: 'A reason that ends a comment */ here.',
    };
    const rows = operationTable(document);
    expect(rows.find((row) => row.operationId === 'listSenders')).toMatchObject({ retrySafe: false });
    // The reason becomes JSDoc; a `*/` in it must not end the comment early.
    expect(renderOperationTable(document)).toContain('/** A reason that ends a comment *\\/ here. */');
  });

  it('refuses an operation that does not say whether it is safe to send again', async () => {
    const document = await spec();
    delete document.paths['/v2/Channels/Senders/{Sid}'].delete['x-retry-after-ambiguous-failure'];
    expect(() => operationTable(document)).toThrow(
      'DELETE /v2/Channels/Senders/{Sid} (deleteSender): needs x-retry-after-ambiguous-failure',
    );
  });

  it("takes 'gone means done' from a DELETE's x-gone-means-done, and refuses a DELETE without it", async () => {
    const document = await spec();
    const remove = document.paths['/v2/Channels/Senders/{Sid}'].delete;
    remove['x-gone-means-done'] = false;
    expect(operationTable(document).find((row) => row.operationId === 'deleteSender')).toMatchObject({
      goneMeansDone: false,
    });
    delete remove['x-gone-means-done'];
    expect(() => operationTable(document)).toThrow('(deleteSender): needs x-gone-means-done (a boolean)');
    remove['x-gone-means-done'] = 'yes';
    expect(() => operationTable(document)).toThrow('(deleteSender): needs x-gone-means-done (a boolean)');
  });

  it("reads whether a success has no body from the operation's 2xx responses, a $ref followed", async () => {
    const document = await spec();
    const fetch = document.paths['/v2/Channels/Senders/{Sid}'].get;
    const emptyOf = (id: string) => operationTable(document).find((row) => row.operationId === id)?.emptyBody;
    expect(emptyOf('fetchSender')).toBe(false);
    expect(emptyOf('deleteSender')).toBe(true);
    document.components.responses.Found = fetch.responses['200'];
    fetch.responses = { '200': { $ref: '#/components/responses/Found' } };
    expect(emptyOf('fetchSender')).toBe(false);
    fetch.responses = { '204': { description: 'Nothing to say.' } };
    expect(emptyOf('fetchSender')).toBe(true);
    fetch.responses['200'] = { $ref: '#/components/responses/Found' };
    expect(() => operationTable(document)).toThrow(
      'GET /v2/Channels/Senders/{Sid} (fetchSender): needs 2xx responses that all have a body or all have none',
    );
  });

  it('refuses x-gone-means-done on an operation that is not a DELETE', async () => {
    const document = await spec();
    document.paths['/v2/Channels/Senders/{Sid}'].get['x-gone-means-done'] = true;
    expect(() => operationTable(document)).toThrow('(fetchSender): x-gone-means-done is for a DELETE only');
  });

  it("takes a list's item key and next link from x-pagination, and refuses one without both", async () => {
    const document = await spec();
    const list = document.paths['/v2/Channels/Senders'].get;
    list['x-pagination'] = { items: 'rows', next: 'links.next' };
    expect(operationTable(document).find((row) => row.operationId === 'listSenders')).toMatchObject({
      pagination: { items: 'rows', next: 'links.next' },
    });
    list['x-pagination'] = { items: 'rows' };
    expect(() => operationTable(document)).toThrow('(listSenders): x-pagination is for a GET, with items and next');
    list['x-pagination'] = { items: 'rows', next: 'links.next' };
    document.paths['/v2/Channels/Senders'].post['x-pagination'] = list['x-pagination'];
    expect(() => operationTable(document)).toThrow('(createSender): x-pagination is for a GET');
  });

  it('refuses a flag that is not a boolean, or that comes without a reason', async () => {
    const document = await spec();
    const create = document.paths['/v2/Channels/Senders'].post;
    create['x-retry-after-ambiguous-failure'] = { safe: 'no', reason: 'text' };
    expect(() => operationTable(document)).toThrow(/createSender.*safe \(a boolean\)/);
    create['x-retry-after-ambiguous-failure'] = { safe: false, reason: ' ' };
    expect(() => operationTable(document)).toThrow(/createSender.*reason \(text\)/);
  });

  it('refuses an operation without an operationId, and an operationId used twice', async () => {
    const document = await spec();
    document.paths['/v2/Channels/Senders/{Sid}'].get.operationId = 'listSenders';
    expect(() => operationTable(document)).toThrow(
      'GET /v2/Channels/Senders/{Sid}: operationId listSenders is used twice',
    );
    delete document.paths['/v2/Channels/Senders/{Sid}'].get.operationId;
    expect(() => operationTable(document)).toThrow('needs an operationId');
  });
});
