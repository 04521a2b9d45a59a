// One walk over every sender of the bench server, in a process of its own so that its memory is
// measured alone: `node --expose-gc bench/walk.mjs <ours|sdk> <base URL> <page size>`.
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
if (which === 'ours') {
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
