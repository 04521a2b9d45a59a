// A stateful, in-memory WhatsApp Senders service on 127.0.0.1, for contract scenarios and for
// trying the client out. It follows the lifecycle of shared/senders-api.md (CREATING →
// PENDING_VERIFICATION → verification code → VERIFYING → ONLINE; ONLINE:UPDATING after a change),
// pages with an opaque PageToken and the real `meta` shape, answers Twilio error bodies, and has a
// 429 mode. Run it behind `prism proxy` (scripts/prism.mjs) so that every answer is checked
// against the spec. Error codes 20003, 20404 and 20429 are the service's; the 400 codes are
// illustrative.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';

/** @typedef {'instant' | 'timer' | 'manual'} Lifecycle */
/** @typedef {Record<string, any>} Sender */

// Where each transitional status goes next on its own.
const nextStatus = { CREATING: 'PENDING_VERIFICATION', VERIFYING: 'ONLINE', 'ONLINE:UPDATING': 'ONLINE' };
const collection = '/v2/Channels/Senders';
const control = '/__sandbox/';
const hex = (bytes) => randomBytes(bytes).toString('hex');
const senderIdPattern = /^whatsapp:\+[1-9][0-9]{1,14}$/;
const sidPattern = /^XE[0-9a-fA-F]{32}$/;

/**
 * Starts the sandbox.
 * @param {object} [options]
 * @param {number} [options.port] 0 (the default) for a free port
 * @param {Lifecycle} [options.lifecycle] how statuses advance: at once after each change
 *   (`instant`, the default), after `stepMs` (`timer`), or only by `setStatus` (`manual`)
 * @param {number} [options.stepMs] the delay of each step with `timer`
 * @returns {Promise<Sandbox>}
 */
export async function startSandbox({ port = 0, lifecycle = 'instant', stepMs = 200 } = {}) {
  /** @type {Map<string, Sender>} */
  const senders = new Map();
  /** @type {{ status: number, code: number, retryAfter?: string }[]} */
  const failures = [];
  const timers = new Set();
  let rateLimitShare = 0;
  let handled = 0;
  /** @type {(body: any) => any} */
  let mutate = (body) => body;

  const sandbox = {
    /** The sandbox's own address. */
    url: '',
    /** The address clients use, for the URLs in bodies: the proxy's, when it runs behind one. */
    publicUrl: '',
    /** The store, by sid, in creation order. */
    senders,
    /** How many requests it has answered. */
    get requests() {
      return handled;
    },
    /**
     * Sets a sender's status, as a lifecycle step the test forces.
     * @param {string} sid
     * @param {string} status
     * @param {{ code: string, message: string }[]} [offlineReasons] with OFFLINE
     */
    setStatus(sid, status, offlineReasons) {
      const sender = senders.get(sid);
      if (!sender) throw new Error(`no sender ${sid}`);
      sender.status = status;
      sender.offline_reasons =
        status === 'OFFLINE'
          ? (offlineReasons ?? [{ code: '30008', message: 'The phone number is not registered with WhatsApp.' }]).map(
              (reason) => ({ more_info: `https://www.twilio.com/docs/errors/${reason.code}`, ...reason }),
            )
          : null;
      if (status === 'ONLINE') sender.properties = { quality_rating: 'HIGH', messaging_limit: '1K Customers/24hr' };
    },
    /**
     * Answers the next `count` requests with this error instead.
     * @param {number} status
     * @param {number} [code] the Twilio error number; by default one that fits the status
     * @param {number} [count]
     */
    failNext(status, code = status === 429 ? 20429 : 20000 + status, count = 1) {
      for (let i = 0; i < count; i++) failures.push({ status, code });
    },
    /**
     * The 429 mode: refuses this share of requests (0 to 1), spread evenly, with `Retry-After: 0`.
     * @param {number} share
     */
    rateLimit(share) {
      rateLimitShare = share;
    },
    /**
     * Changes every JSON body it answers, as a service drifting from the spec would.
     * @param {(body: any) => any} change
     */
    mutateResponses(change) {
      mutate = change;
    },
    /** Stops the server, its connections and its timers. */
    close() {
      for (const timer of timers) clearTimeout(timer);
      return new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      });
    },
  };

  /** Moves a sender on from a transitional status, as the lifecycle says. */
  function advance(sender) {
    const to = nextStatus[sender.status];
    if (!to || lifecycle === 'manual') return;
    if (lifecycle === 'instant') return sandbox.setStatus(sender.sid, to);
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (senders.get(sender.sid) === sender) {
        sandbox.setStatus(sender.sid, to);
        advance(sender);
      }
    }, stepMs);
    timers.add(timer);
  }

  const server = createServer(async (request, response) => {
    handled++;
    const chunks = [];
    for await (const chunk of request) chunks.push(chunk);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(request.url ?? '/', 'http://sandbox');
    const send = (status, body, headers = {}) => {
      response.writeHead(status, {
        'Twilio-Request-Id': `RQ${hex(16)}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      });
      response.end(body === undefined ? undefined : JSON.stringify(mutate(body)));
    };
    const fail = (status, code, message, headers) =>
      send(status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status }, headers);

    if (url.pathname.startsWith(control)) return controlRequest(url.pathname.slice(control.length), text, send);
    const injected = failures.shift();
    if (injected) {
      const retryAfter = injected.status === 429 ? { 'Retry-After': '0' } : {};
      return fail(injected.status, injected.code, 'Injected by the sandbox', retryAfter);
    }
    if (rateLimitShare > 0 && Math.floor(handled * rateLimitShare) > Math.floor((handled - 1) * rateLimitShare)) {
      return fail(429, 20429, 'Too Many Requests', { 'Retry-After': '0' });
    }
    if (!/^Basic [A-Za-z0-9+/=]+$/.test(request.headers.authorization ?? '')) {
      return fail(401, 20003, 'Authenticate', { 'WWW-Authenticate': 'Basic realm="Twilio API"' });
    }
    let body;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      return fail(400, 20001, 'The request body is not JSON');
    }
    const base = sandbox.publicUrl || sandbox.url;
    const [, sid, extra] = url.pathname.slice(collection.length).split('/');
    if (!url.pathname.startsWith(collection) || extra !== undefined) {
      return fail(404, 20404, `The requested resource ${url.pathname} was not found`);
    }

    if (sid === undefined) {
      if (request.method === 'GET') return list(url, base, send, fail);
      if (request.method !== 'POST') return fail(405, 20004, 'Method not allowed');
      if (!senderIdPattern.test(body?.sender_id ?? '')) return fail(400, 21604, 'sender_id must be whatsapp:+E.164');
      for (const existing of senders.values()) {
        if (existing.sender_id === body.sender_id) {
          return fail(400, 63100, `A sender for ${body.sender_id} already exists: ${existing.sid}`);
        }
      }
      const sender = create(body);
      senders.set(sender.sid, sender);
      send(202, render(sender, base));
      return advance(sender);
    }

    const sender = sidPattern.test(sid) ? senders.get(sid) : undefined;
    if (!sender) return fail(404, 20404, `The requested resource ${url.pathname} was not found`);
    if (request.method === 'GET') return send(200, render(sender, base));
    if (request.method === 'DELETE') {
      senders.delete(sid);
      return send(204);
    }
    if (request.method !== 'POST') return fail(405, 20004, 'Method not allowed');
    const code = body?.configuration?.verification_code;
    if (code !== undefined && sender.status !== 'PENDING_VERIFICATION') {
      return fail(400, 63101, `No verification is pending: the sender is ${sender.status}`);
    }
    update(sender, body ?? {});
    if (code !== undefined) sender.status = 'VERIFYING';
    else if (sender.status === 'ONLINE' && (body?.profile || body?.webhook)) sender.status = 'ONLINE:UPDATING';
    send(202, render(sender, base));
    advance(sender);
  });

  /** The control API, beside the service's: `/__sandbox/status`, `/__sandbox/fail-next`, `/__sandbox/rate-limit`. */
  function controlRequest(action, text, send) {
    try {
      const input = JSON.parse(text || '{}');
      if (action === 'status') sandbox.setStatus(input.sid, input.status, input.offline_reasons);
      else if (action === 'fail-next') sandbox.failNext(input.status, input.code, input.count);
      else if (action === 'rate-limit') sandbox.rateLimit(input.share);
      else return send(404, { message: `no control ${action}` });
      send(200, { ok: true });
    } catch (error) {
      send(400, { message: String(error) });
    }
  }

  function list(url, base, send, fail) {
    if (url.searchParams.get('Channel') !== 'whatsapp') return fail(400, 20001, 'Channel must be whatsapp');
    const pageSize = Number(url.searchParams.get('PageSize') ?? 20);
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) {
      return fail(400, 20001, 'PageSize must be from 1 to 1000');
    }
    const token = url.searchParams.get('PageToken');
    const start = token ? Number.parseInt(Buffer.from(token.slice(2), 'base64url').toString(), 10) : 0;
    if (!Number.isInteger(start) || start < 0) return fail(400, 20001, 'PageToken is not one this service gave');
    const page = Math.floor(start / pageSize);
    const all = [...senders.values()];
    const at = (index, from) =>
      `${base}${collection}?Channel=whatsapp&PageSize=${pageSize}&Page=${index}` +
      (from > 0 ? `&PageToken=PT${Buffer.from(String(from)).toString('base64url')}` : '');
    send(200, {
      senders: all.slice(start, start + pageSize).map((sender) => render(sender, base)),
      meta: {
        page,
        page_size: pageSize,
        first_page_url: at(0, 0),
        previous_page_url: start > 0 ? at(page - 1, Math.max(0, start - pageSize)) : null,
        url: at(page, start),
        next_page_url: start + pageSize < all.length ? at(page + 1, start + pageSize) : null,
        key: 'senders',
      },
    });
  }

  await new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(undefined)));
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  sandbox.url = `http://127.0.0.1:${address.port}`;
  return sandbox;
}

/** @typedef {Awaited<ReturnType<typeof startSandbox>>} Sandbox */

const profileKeys = [
  'name',
  'about',
  'address',
  'description',
  'vertical',
  'logo_url',
  'banner_url',
  'privacy_url',
  'terms_of_service_url',
  'accent_color',
];
const webhookKeys = [
  'callback_url',
  'callback_method',
  'fallback_url',
  'fallback_method',
  'status_callback_url',
  'status_callback_method',
];

/** A new sender from a create body, in the shape the service returns. */
function create(body) {
  const sender = {
    sid: `XE${hex(16)}`,
    status: 'CREATING',
    sender_id: body.sender_id,
    friendly_name: null,
    configuration: {
      waba_id: null,
      verification_method: null,
      verification_code: null,
      voice_application_sid: null,
      account_type: null,
    },
    webhook: Object.fromEntries(webhookKeys.map((key) => [key, null])),
    profile: {
      ...Object.fromEntries(profileKeys.map((key) => [key, null])),
      emails: null,
      websites: null,
      phone_numbers: null,
    },
    properties: { quality_rating: null, messaging_limit: null },
    offline_reasons: null,
  };
  update(sender, body);
  return sender;
}

/** Applies the keys sent, and only those; the list fields take their short forms too. A null object changes nothing. */
function update(sender, { friendly_name: friendlyName, configuration, webhook, profile }) {
  if (friendlyName !== undefined) sender.friendly_name = friendlyName;
  const { verification_code: _code, ...kept } = configuration ?? {};
  Object.assign(sender.configuration, kept);
  Object.assign(sender.webhook, webhook ?? {});
  const { emails, websites, phone_numbers: phones, ...rest } = profile ?? {};
  Object.assign(sender.profile, rest);
  if (emails !== undefined) sender.profile.emails = entries(emails, 'email');
  if (websites !== undefined) sender.profile.websites = entries(websites, 'website');
  if (phones !== undefined) sender.profile.phone_numbers = entries(phones, 'phone_number');
}

/** `"a@example.com"` or `["a@example.com", { email, label }]` → `[{ email, label }]`. */
function entries(value, key) {
  if (value === null) return null;
  return [value]
    .flat()
    .map((item) => (typeof item === 'string' ? { [key]: item, label: null } : { label: null, ...item }));
}

/** The sender as the service shows it, with its own URL on the address the client used. */
function render(sender, base) {
  return { ...structuredClone(sender), url: `${base}${collection}/${sender.sid}` };
}
