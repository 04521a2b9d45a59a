#!/usr/bin/env node
// `npm run mock`: Prism's mock of openapi/senders.yaml with strict validation, until Ctrl-C.
// PORT picks the port (default 4010). Runs the built testing entry: `npm run mock` builds first.
// Prism runs in this process and never keeps it alive by itself: the timer below does, until a signal.
import { startMock } from '../dist/testing.js';

const prism = await startMock({ port: Number(process.env.PORT ?? 4010) });
console.log(`Prism mock of openapi/senders.yaml on ${prism.url} (--errors); Ctrl-C stops it.`);
const keepAlive = setInterval(() => {}, 2 ** 30);
const stop = async () => {
  clearInterval(keepAlive);
  await prism.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
