// The service's routes, as the sandbox answers them: list, create, fetch, update, delete on the
// spec's paths. Every request is first checked with the client's own validator (the spec's request
// rules), so that what the spec forbids gets a Twilio-shaped 400 even with Prism not in front.
// Error codes 20003, 20404, 20429 and 20500 are the service's; every 400 carries 70002, Twilio's generic
// "Bad request" (the spec's BadRequest example), since no source gives this API's own 400 codes.
import { requestRules } from '../../generated/request-rules.js';
import type { paths } from '../../generated/senders.js';
import { ValidationError } from '../errors.js';
import type { OperationId, Sender, SenderCreate, SendersPage, SenderUpdate } from '../types.js';
import { type Schema, validateRequest } from '../validate.js';
import { type Advancer, setStatus } from './lifecycle.js';
import { apply, codeField, createSender, render, type Store } from './store.js';

/** What a route answers. */
export interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** The spec's two paths; `satisfies` makes a renamed path a compile error. */
export const collection = '/v2/Channels/Senders' satisfies keyof paths;
const item = '/v2/Channels/Senders/{Sid}' satisfies keyof paths;
const operationIds: Record<string, Partial<Record<string, OperationId>>> = {
  [collection]: { GET: 'listSenders', POST: 'createSender' },
  [item]: { GET: 'fetchSender', POST: 'updateSender', DELETE: 'deleteSender' },
};
const listQuery: Readonly<Record<string, { schema: Schema & { default?: unknown } }>> =
  requestRules.operations.listSenders.query;
const pageSizeRule = listQuery.PageSize?.schema;

/** A Twilio error body: `code`, `message`, `more_info`, `status`. */
export function twilioError(status: number, code: number, message: string, headers?: Record<string, string>): Answer {
  return {
    status,
    body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status },
    ...(headers ? { headers } : {}),
  };
}

/** A query value as its schema types it: `'20'` is the integer 20 where an integer is expected. */
function typed(value: string, schema: Schema | undefined): unknown {
  return schema?.type === 'integer' && /^-?[0-9]+$/.test(value) ? Number(value) : value;
}

// A page token is `PT` and the base64url of the index of the page's first sender, one this service gave.
const token = (start: number) => `PT${Buffer.from(String(start)).toString('base64url')}`;
function tokenStart(value: string): number | undefined {
  if (!/^PT[A-Za-z0-9_-]{1,16}$/.test(value)) return undefined;
  const decoded = Buffer.from(value.slice(2), 'base64url').toString('latin1');
  return /^(0|[1-9][0-9]{0,8})$/.test(decoded) ? Number(decoded) : undefined;
}

/** A request as the routes see it. */
export interface Call {
  method: string;
  url: URL;
  body: unknown;
  /** The account the credentials name: its senders are the only ones it sees. */
  account: string;
  /** The address clients use, for the URLs in bodies. */
  base: string;
}

/** The routes over one store. */
export class Routes {
  constructor(
    readonly store: Store,
    readonly advancer: Advancer,
    /** The one-time password the sandbox "sends"; any other is refused. */
    readonly verificationCode: string,
  ) {}

  handle(call: Call): Answer {
    const { method, url, body } = call;
    const rest = url.pathname.startsWith(collection) ? url.pathname.slice(collection.length) : undefined;
    const [, sid, extra] = (rest ?? '').split('/');
    const path = rest === '' ? collection : rest !== undefined && sid && extra === undefined ? item : undefined;
    if (path === undefined) return twilioError(404, 20404, `The requested resource ${url.pathname} was not found`);
    const operationId = operationIds[path]?.[method];
    if (!operationId) return twilioError(405, 20004, `Method ${method} not allowed on ${url.pathname}`);
    const query = Object.fromEntries(
      Object.keys(listQuery).flatMap((name) => {
        const value = url.searchParams.get(name);
        return value === null ? [] : [[name, typed(value, listQuery[name]?.schema)]];
      }),
    );
    try {
      validateRequest(
        operationId,
        {
          ...(sid ? { path: { Sid: decodeURIComponent(sid) } } : {}),
          ...(operationId === 'listSenders' ? { query } : {}),
          ...(method === 'POST' ? { body } : {}),
        },
        Object.fromEntries(Object.keys(listQuery).map((name) => [name, name])),
      );
    } catch (error) {
      if (error instanceof ValidationError) return twilioError(400, 70002, error.message);
      throw error;
    }
    if (operationId === 'listSenders') return this.list(call, query);
    if (operationId === 'createSender') return this.create(call, body as SenderCreate);
    const sender = this.store.get(call.account, sid as string);
    if (!sender) return twilioError(404, 20404, `The requested resource ${url.pathname} was not found`);
    if (operationId === 'fetchSender') return { status: 200, body: render(sender, call.base, collection) };
    if (operationId === 'deleteSender') {
      this.store.delete(sender.sid);
      return { status: 204 };
    }
    return this.update(call, sender, body as SenderUpdate);
  }

  create({ account, base }: Call, body: SenderCreate): Answer {
    const existing = this.store.findBySenderId(account, body.sender_id);
    if (existing) return twilioError(400, 70002, `A sender for ${body.sender_id} already exists: ${existing.sid}`);
    const sender = createSender(body);
    this.store.add(account, sender);
    const answer = { status: 202, body: render(sender, base, collection) };
    this.advancer.advance(sender);
    return answer;
  }

  update({ base }: Call, sender: Sender, body: SenderUpdate): Answer {
    const code = body.configuration?.[codeField];
    if (code !== undefined && code !== null) {
      if (sender.status !== 'PENDING_VERIFICATION') {
        return twilioError(400, 70002, `No verification is pending: the sender is ${sender.status}`);
      }
      if (code !== this.verificationCode) {
        return twilioError(400, 70002, `The verification code is not the one sent to ${sender.sender_id}`);
      }
    }
    apply(sender, body);
    if (code !== undefined && code !== null) setStatus(sender, 'VERIFYING');
    else if (sender.status === 'ONLINE' && (body.profile || body.webhook)) setStatus(sender, 'ONLINE:UPDATING');
    const answer = { status: 202, body: render(sender, base, collection) };
    this.advancer.advance(sender);
    return answer;
  }

  list({ account, base }: Call, query: Record<string, unknown>): Answer {
    const pageSize = (query.PageSize ?? pageSizeRule?.default) as number;
    const given = query.PageToken as string | undefined;
    const start = given === undefined ? 0 : tokenStart(given);
    if (start === undefined) return twilioError(400, 70002, 'PageToken is not one this service gave');
    const page = Math.floor(start / pageSize);
    const { senders, total } = this.store.page(account, start, pageSize);
    const at = (index: number, from: number) =>
      `${base}${collection}?Channel=${query.Channel}&PageSize=${pageSize}&Page=${index}` +
      (from > 0 ? `&PageToken=${token(from)}` : '');
    return {
      status: 200,
      body: {
        senders: senders.map((sender) => render(sender, base, collection)),
        meta: {
          page,
          page_size: pageSize,
          first_page_url: at(0, 0),
          previous_page_url: start > 0 ? at(Math.max(0, page - 1), Math.max(0, start - pageSize)) : null,
          url: at(page, start),
          next_page_url: start + pageSize < total ? at(page + 1, start + pageSize) : null,
          key: 'senders' satisfies SendersPage['meta']['key'],
        },
      },
    };
  }
}
