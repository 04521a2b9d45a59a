// The service's routes, as the sandbox answers them: each request is matched against the generated
// operation table (the spec's methods and path templates), and each operation has its behaviour
// here, one entry a operation (`behaviours`: a new operation without one is a compile error). Every request is first checked with the client's own validator (the spec's request
// rules), so that what the spec forbids gets a Twilio-shaped 400 even with Prism not in front.
// Error codes 20003, 20404, 20429 and 20500 are the service's; every 400 carries 70002, Twilio's generic
// "Bad request" (the spec's BadRequest example), since no source gives this API's own 400 codes.
import { type OperationEntry, operationTable } from '../../generated/operations.js';
import { requestRules } from '../../generated/request-rules.js';
import { ValidationError } from '../errors.js';
import { statusKind } from '../statuses.js';
import type { OperationId, Sender, SenderCreate, SendersPage, SenderUpdate } from '../types.js';
import { type Schema, validateRequest } from '../validate.js';
import { type Advancer, script, setStatus } from './lifecycle.js';
import { apply, codeField, createSender, render, type Store } from './store.js';

/** What a route answers. */
export interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * The sender_id of a create that reached the store: made (202), or refused as a duplicate. The
   * sandbox counts creates by it, never by an answer's text.
   */
  createOf?: string;
}

/** The account's senders as a list page sees them from `start` (a test may repeat or shift entries). */
export type ListView = (senders: Sender[], start: number) => Sender[];

/** The collection's path, where a sender's `url` is rendered under. */
export const collection = operationTable.listSenders.path;
const pageSizeRule = requestRules.operations.listSenders.query.PageSize.schema;

/** An operation the request matched, with its path parameters decoded. */
interface Matched {
  operationId: OperationId;
  params: Record<string, string>;
}

// Each path template of the table as a pattern: `{Name}` is one non-empty segment.
const templates = Object.entries(operationTable as Record<OperationId, OperationEntry>).map(([operationId, entry]) => {
  const names: string[] = [];
  const source = entry.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { operationId: operationId as OperationId, entry, pattern: new RegExp(`^${source}$`), names };
});

/**
 * The operation a request names, from the table: undefined when no path matches (404), the
 * string `'method'` when a path matches but not with this method (405).
 */
function match(method: string, pathname: string): Matched | 'method' | undefined {
  let pathFound = false;
  for (const { operationId, entry, pattern, names } of templates) {
    const found = pattern.exec(pathname);
    if (!found) continue;
    pathFound = true;
    if (entry.method !== method) continue;
    let params: Record<string, string>;
    try {
      params = Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(found[index + 1] as string)]));
    } catch {
      return undefined;
    }
    return { operationId, params };
  }
  return pathFound ? 'method' : undefined;
}

const queryRules = (operationId: OperationId): Record<string, { schema: Schema }> =>
  (requestRules.operations[operationId] as { query?: Record<string, { schema: Schema }> }).query ?? {};

/** The query parameters an operation's rules name, typed as their schemas say. */
function queryOf(operationId: OperationId, url: URL): Record<string, unknown> {
  const rules = queryRules(operationId);
  return Object.fromEntries(
    Object.keys(rules).flatMap((name) => {
      const value = url.searchParams.get(name);
      return value === null ? [] : [[name, typed(value, rules[name]?.schema)]];
    }),
  );
}

/** Whether an operation takes a request body, by its rules. */
const takesBody = (operationId: OperationId) => 'body' in requestRules.operations[operationId];

/** What the sandbox does for each operation of the spec, once the request has passed its rules. */
type Behaviour = (routes: Routes, call: Call, params: Record<string, string>, query: Record<string, unknown>) => Answer;
const behaviours = {
  listSenders: (routes, call, _params, query) => routes.list(call, query),
  createSender: (routes, call) => routes.create(call, call.body as SenderCreate),
  fetchSender: (routes, call, params) =>
    routes.withSender(call, params, (sender) => ({ status: 200, body: render(sender, call.base, collection) })),
  updateSender: (routes, call, params) =>
    routes.withSender(call, params, (sender) => routes.update(call, sender, call.body as SenderUpdate)),
  deleteSender: (routes, call, params) =>
    routes.withSender(call, params, (sender) => {
      routes.store.delete(sender.sid);
      return { status: 204 };
    }),
} satisfies Record<OperationId, Behaviour>;

/** A Twilio error body: `code`, `message`, `more_info`, `status`. */
export function twilioError(status: number, code: number, message: string, headers?: Record<string, string>): Answer {
  return {
    status,
    body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status },
    ...(headers ? { headers } : {}),
  };
}

const notFound = (url: URL) => twilioError(404, 20404, `The requested resource ${url.pathname} was not found`);

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
    /** What the list shows; by default the store's senders as they are. */
    readonly listView?: ListView,
  ) {}

  handle(call: Call): Answer {
    const { method, url } = call;
    const matched = match(method, url.pathname);
    if (matched === undefined) return notFound(url);
    if (matched === 'method') return twilioError(405, 20004, `Method ${method} not allowed on ${url.pathname}`);
    const { operationId, params } = matched;
    const query = queryOf(operationId, url);
    const callerNames = Object.fromEntries(Object.keys(queryRules(operationId)).map((name) => [name, name]));
    try {
      const body = takesBody(operationId) ? { body: call.body } : {};
      validateRequest(operationId, { path: params, query, ...body }, callerNames);
    } catch (error) {
      if (error instanceof ValidationError) return twilioError(400, 70002, error.message);
      throw error;
    }
    return behaviours[operationId](this, call, params, query);
  }

  /** Answers with `then(sender)` for the account's sender the `Sid` path parameter names, or a 404. */
  withSender(call: Call, params: Record<string, string>, then: (sender: Sender) => Answer): Answer {
    const sender = this.store.get(call.account, params.Sid as string);
    return sender ? then(sender) : notFound(call.url);
  }

  create({ account, base }: Call, body: SenderCreate): Answer {
    const existing = this.store.findBySenderId(account, body.sender_id);
    if (existing) {
      const refused = twilioError(400, 70002, `A sender for ${body.sender_id} already exists: ${existing.sid}`);
      return { ...refused, createOf: body.sender_id };
    }
    const sender = createSender(body);
    this.store.add(account, sender);
    const answer = { status: 202, body: render(sender, base, collection), createOf: body.sender_id };
    this.advancer.advance(sender);
    return answer;
  }

  update({ base }: Call, sender: Sender, body: SenderUpdate): Answer {
    const code = body.configuration?.[codeField];
    if (code !== undefined && code !== null) {
      if (statusKind(sender.status) !== 'awaiting-code') {
        return twilioError(400, 70002, `No verification is pending: the sender is ${sender.status}`);
      }
      if (code !== this.verificationCode) {
        return twilioError(400, 70002, `The verification code is not the one sent to ${sender.sender_id}`);
      }
    }
    apply(sender, body);
    if (code !== undefined && code !== null) setStatus(sender, script.codeSubmitted);
    else if (statusKind(sender.status) === 'ready' && (body.profile || body.webhook)) setStatus(sender, script.changed);
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
    const { senders, total } = this.#page(account, start, pageSize);
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

  #page(account: string, start: number, count: number): { senders: Sender[]; total: number } {
    if (!this.listView) return this.store.page(account, start, count);
    const shown = this.listView(this.store.of(account), start);
    return { senders: shown.slice(start, start + count), total: shown.length };
  }
}
