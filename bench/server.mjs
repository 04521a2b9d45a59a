// The bench's service: a local node:http server answering the Senders API from prepared bodies,
// in its own process, so that its work and memory are not counted against the clients.
// Prints its URL on stdout, then serves until killed.
import { createServer } from 'node:http';

const sid = 'XEb07cb801aee974e9caac3222d53282b2';
const sender = (id, status = 'ONLINE') => ({
  sid: id,
  status,
  sender_id: 'whatsapp:+15017122661',
  configuration: {
    waba_id: '1234567890',
    verification_method: 'sms',
    verification_code: null,
    voice_application_sid: null,
  },
  webhook: {
    callback_url: 'https://example.com/whatsapp/inbound',
    callback_method: 'POST',
    fallback_url: null,
    fallback_method: null,
    status_callback_url: null,
    status_callback_method: null,
  },
  profile: {
    name: 'Example Motors',
    about: 'Cars since 1952',
    address: null,
    description: null,
    vertical: 'Automotive',
    logo_url: null,
    banner_url: null,
    privacy_url: null,
    terms_of_service_url: null,
    accent_color: null,
    emails: [{ email: 'support@example.com', label: null }],
    websites: null,
    phone_numbers: null,
  },
  properties: { quality_rating: 'HIGH', messaging_limit: '1K Customers/24hr' },
  offline_reasons: null,
  url: `https://messaging.twilio.com/v2/Channels/Senders/${id}`,
});

const headers = { 'Content-Type': 'application/json', 'Twilio-Request-Id': 'RQ0123456789abcdef0123456789abcdef' };
const one = JSON.stringify(sender(sid));
const created = JSON.stringify(sender(sid, 'CREATING'));
/** Page `page` of `pages` pages of `size` senders; links on `base`. */
function page(base, page, size, pages) {
  const at = (index) =>
    `${base}/v2/Channels/Senders?Channel=whatsapp&PageSize=${size}&Page=${index}&PageToken=PT${index}`;
  return JSON.stringify({
    senders: Array.from({ length: size }, (_, i) => sender(`XE${(page * size + i).toString(16).padStart(32, '0')}`)),
    meta: {
      page,
      page_size: size,
      first_page_url: at(0),
      previous_page_url: page > 0 ? at(page - 1) : null,
      url: at(page),
      next_page_url: page + 1 < pages ? at(page + 1) : null,
      key: 'senders',
    },
  });
}

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://bench');
  request.resume();
  request.on('end', () => {
    if (request.method === 'POST') return response.writeHead(202, headers).end(created);
    if (url.pathname !== '/v2/Channels/Senders') return response.writeHead(200, headers).end(one);
    // The list: PageSize senders a page; Pages (a bench-only parameter, default 1) pages in all.
    const size = Number(url.searchParams.get('PageSize') ?? 50);
    const pages = Number(url.searchParams.get('Pages') ?? process.env.PAGES ?? 1);
    const index = Number(url.searchParams.get('Page') ?? 0);
    response.writeHead(200, headers).end(page(base, index, size, pages));
  });
});
let base = '';
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  base = `http://127.0.0.1:${server.address().port}`;
  console.log(base);
});
