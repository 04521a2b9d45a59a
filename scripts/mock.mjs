#!/usr/bin/env node
// `npm run mock`: Prism's mock of openapi/senders.yaml with strict validation, until Ctrl-C.
// PORT picks the port (default 4010).
import { startPrism } from './prism.mjs';

const prism = await startPrism({ port: Number(process.env.PORT ?? 4010) });
console.log(`Prism mock of openapi/senders.yaml on ${prism.url} (--errors); Ctrl-C stops it.`);
const stop = async () => {
  await prism.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
