// The sandbox behind `prism proxy --errors`: every answer it gives is checked against the spec.
// Kept apart from sandbox.mjs, which needs nothing but Node, so that the CLI can embed that one.
import { pathToFileURL } from 'node:url';
import { startPrism } from './prism.mjs';
import { startSandbox } from './sandbox.mjs';

/**
 * The sandbox behind `prism proxy --errors`, so that every answer it gives is checked against the
 * spec on its way out: a response the spec forbids becomes a 500 naming the field.
 * @param {Parameters<typeof startSandbox>[0] & { logFile?: string }} [options]
 */
export async function startCheckedSandbox({ logFile, ...options } = {}) {
  const sandbox = await startSandbox(options);
  try {
    const prism = await startPrism({ mode: 'proxy', upstream: sandbox.url, logFile });
    sandbox.publicUrl = prism.url;
    return {
      url: prism.url,
      sandbox,
      prism,
      close: async () => {
        await prism.close();
        await sandbox.close();
      },
    };
  } catch (error) {
    await sandbox.close();
    throw error;
  }
}

// `npm run sandbox`: the checked sandbox until Ctrl-C, for trying the client or your own code.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const checked = await startCheckedSandbox({ lifecycle: process.env.LIFECYCLE ?? 'instant' });
  console.log(
    `Stateful sandbox on ${checked.url}, behind prism proxy --errors (sandbox itself: ${checked.sandbox.url});`,
  );
  console.log('Ctrl-C stops it.');
  const stop = async () => {
    await checked.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
