// The service's routes, as the sandbox answers them: list, create, fetch, update, delete on the
// spec's paths, with Twilio error bodies. Error codes 20003, 20404 and 20429 are the service's;
// the 400 codes are illustrative.
import { requestRules } from '../../generated/request-rules.js';
import type { Sender, SenderCreate, SenderUpdate } from '../types.js';
import { type Advancer, setStatus } from './lifecycle.js';
import { apply, codeField, createSender, render } from './store.js';

/** What a route answers. */
export interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** The collection's path, from the spec's paths through the request rules' operation of a list. */
export const collection = '/v2/Channels/Senders';

const senderIdPattern = new RegExp(requestRules.schemas.SenderId.pattern, 'u');
const sidPattern = new RegExp(requestRules.schemas.SenderSid.pattern, 'u');

/** A Twilio error body: `code`, `message`, `more_info`, `status`. */
export function twilioError(status: number, code: number, message: string, headers?: Record<string, string>): Answer {
  return {
    status,
    body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status },
    ...(headers ? { headers } : {}),
  };
}

/** A request as the routes see it. */
export interface Call {
  method: string;
  url: URL;
  body: unknown;
  /** The address clients use, for the URLs in bodies. */
  base: string;
}

/** The routes over one store. */
export class Routes {
  constructor(
    readonly senders: Map<string, Sender>,
    readonly advancer: Advancer,
  ) {}

  handle({ method, url, body, base }: Call): Answer {
    const [, sid, extra] = url.pathname.slice(collection.length).split('/');
    if (!url.pathname.startsWith(collection) || extra !== undefined) {
      return twilioError(404, 20404, `The requested resource ${url.pathname} was not found`);
    }
    if (sid === undefined) {
      if (method === 'GET') return this.list(url, base);
      if (method !== 'POST') return twilioError(405, 20004, 'Method not allowed');
      return this.create(body as SenderCreate, base);
    }
    const sender = sidPattern.test(sid) ? this.senders.get(sid) : undefined;
    if (!sender) return twilioError(404, 20404, `The requested resource ${url.pathname} was not found`);
    if (method === 'GET') return { status: 200, body: render(sender, base, collection) };
    if (method === 'DELETE') {
      this.senders.delete(sid);
      return { status: 204 };
    }
    if (method !== 'POST') return twilioError(405, 20004, 'Method not allowed');
    return this.update(sender, (body ?? {}) as SenderUpdate, base);
  }

  create(body: SenderCreate | undefined, base: string): Answer {
    if (!senderIdPattern.test(body?.sender_id ?? ''))
      return twilioError(400, 21604, 'sender_id must be whatsapp:+E.164');
    const given = body as SenderCreate;
    for (const existing of this.senders.values()) {
      if (existing.sender_id === given.sender_id) {
        return twilioError(400, 63100, `A sender for ${given.sender_id} already exists: ${existing.sid}`);
      }
    }
    const sender = createSender(given);
    this.senders.set(sender.sid, sender);
    const answer = { status: 202, body: render(sender, base, collection) };
    this.advancer.advance(sender);
    return answer;
  }

  update(sender: Sender, body: SenderUpdate, base: string): Answer {
    const code = body.configuration?.[codeField];
    if (code !== undefined && sender.status !== 'PENDING_VERIFICATION') {
      return twilioError(400, 63101, `No verification is pending: the sender is ${sender.status}`);
    }
    apply(sender, body);
    if (code !== undefined) setStatus(sender, 'VERIFYING');
    else if (sender.status === 'ONLINE' && (body.profile || body.webhook)) setStatus(sender, 'ONLINE:UPDATING');
    const answer = { status: 202, body: render(sender, base, collection) };
    this.advancer.advance(sender);
    return answer;
  }

  list(url: URL, base: string): Answer {
    if (url.searchParams.get('Channel') !== 'whatsapp') return twilioError(400, 20001, 'Channel must be whatsapp');
    const pageSize = Number(url.searchParams.get('PageSize') ?? 50);
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) {
      return twilioError(400, 20001, 'PageSize must be from 1 to 1000');
    }
    const token = url.searchParams.get('PageToken');
    const start = token ? Number.parseInt(Buffer.from(token.slice(2), 'base64url').toString(), 10) : 0;
    if (!Number.isInteger(start) || start < 0) return twilioError(400, 20001, 'PageToken is not one this service gave');
    const page = Math.floor(start / pageSize);
    const all = [...this.senders.values()];
    const at = (index: number, from: number) =>
      `${base}${collection}?Channel=whatsapp&PageSize=${pageSize}&Page=${index}` +
      (from > 0 ? `&PageToken=PT${Buffer.from(String(from)).toString('base64url')}` : '');
    return {
      status: 200,
      body: {
        senders: all.slice(start, start + pageSize).map((sender) => render(sender, base, collection)),
        meta: {
          page,
          page_size: pageSize,
          first_page_url: at(0, 0),
          previous_page_url: start > 0 ? at(page - 1, Math.max(0, start - pageSize)) : null,
          url: at(page, start),
          next_page_url: start + pageSize < all.length ? at(page + 1, start + pageSize) : null,
          key: 'senders',
        },
      },
    };
  }
}
