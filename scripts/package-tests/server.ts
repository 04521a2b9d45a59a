// The local service the scenario talks to: five senders, pages of two, and a 404.
import { json, startServer } from '../../src/test/http-server.js';

const sid = (n: number) => `XE${n.toString(16).padStart(32, '0')}`;
const known = 'XE0123456789abcdef0123456789abcdef';

export function startScenarioServer() {
  const started = startServer((request, response) => {
    const url = new URL(request.url, 'http://local');
    const sender = (id: string, status = 'ONLINE') => ({ sid: id, status, sender_id: 'whatsapp:+15017122661' });
    if (request.method === 'POST') return json(response, 202, sender(known, 'CREATING'));
    if (url.pathname === `/v2/Channels/Senders/${known}`) return json(response, 200, sender(known));
    if (url.pathname.startsWith('/v2/Channels/Senders/')) {
      return json(response, 404, { code: 20404, message: 'The requested resource was not found', status: 404 });
    }
    const start = Number(url.searchParams.get('PageToken') ?? 0);
    const next =
      start + 2 < 5 ? `${base()}/v2/Channels/Senders?Channel=whatsapp&PageSize=2&PageToken=${start + 2}` : null;
    return json(response, 200, {
      senders: [start, start + 1].filter((n) => n < 5).map((n) => sender(sid(n))),
      meta: {
        page: start / 2,
        page_size: 2,
        first_page_url: '',
        previous_page_url: null,
        url: '',
        next_page_url: next,
        key: 'senders',
      },
    });
  });
  let baseUrl = '';
  const base = () => baseUrl;
  return started.then((server) => {
    baseUrl = server.url;
    return server;
  });
}
