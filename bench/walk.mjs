// One walk over every sender of the bench server, in a process of its own so that its memory is
// measured alone: `node --expose-gc bench/walk.mjs <ours|sdk|raw> <base URL> <page size>`; `raw` is
// the floor: fetch and JSON.parse following next_page_url, nothing else.
// Prints { senders, ms, rssGrowthMB } as JSON.
import { createSendersClient } from 'whatsapp-senders';
import { accountSid, authToken, officialSdk } from './clients.mjs';

const [which, base, pageSize] = process.argv.slice(2);
const size = Number(pageSize);
globalThis.gc?.();
const baseline = process.memoryUsage().rss;
let peak = baseline;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 10);

let count = 0;
const started = performance.now();
if (which === 'raw') {
  const authorization = `Basic ${btoa(`${accountSid}:${authToken}`)}`;
  let url = `${base}/v2/Channels/Senders?Channel=whatsapp&PageSize=${size}`;
  while (url) {
    const response = await fetch(url, { headers: { Authorization: authorization } });
    const page = JSON.parse(await response.text());
    for (const sender of page.senders) if (sender.sid) count++;
    url = page.meta.next_page_url;
  }
} else if (which === 'ours') {
  const senders = createSendersClient({ accountSid, authToken, baseUrl: base });
  for await (const sender of senders.iterate({ pageSize: size })) if (sender.sid) count++;
} else {
  const sdk = officialSdk(base).messaging.v2.channelsSenders;
  await new Promise((resolve, reject) =>
    sdk.each({
      channel: 'whatsapp',
      pageSize: size,
      callback: (sender) => {
        if (sender.sid) count++;
      },
      done: (error) => (error ? reject(error) : resolve()),
    }),
  );
}
const ms = performance.now() - started;
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
console.log(JSON.stringify({ senders: count, ms, rssGrowthMB: (peak - baseline) / 2 ** 20 }));
