// Starts what the contract suite runs against, as CONTRACT_TARGET says:
// - `mock` (the default): a Prism mock of openapi/senders.yaml, and the stateful sandbox
//   (src/testing/) behind `prism proxy`, both with --errors;
// - `proxy:<url>`: `prism proxy openapi/senders.yaml <url> --errors`, in front of your service;
// - `live`: the same proxy in front of https://messaging.twilio.com, with TWILIO_* credentials.
// CONTRACT_BASE_URL points the mock-only tests at a Prism mock already running instead;
// CONTRACT_PRISM_LOG names Prism's log file (test-results/prism.log by default).
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { root } from '../src/test/paths.js';
import { startCheckedSandbox } from '../src/testing/checked.js';
import { startPrism } from '../src/testing/prism.js';
import { contractTarget } from './target.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** What the suite runs against; `skipped` when live mode has no credentials. */
    target: 'mock' | 'proxy' | 'live' | 'skipped';
    /** The Prism mock, for the mock-only tests; '' in the other targets. */
    prismUrl: string;
    /** Prism's log file, or '' when the suite did not start Prism. */
    prismLog: string;
    /** The stateful service the scenarios run against, always behind `prism proxy --errors`. */
    serviceUrl: string;
    /** The sandbox itself, for its control API (`/__sandbox/…`); '' unless the target is mock. */
    sandboxUrl: string;
    /** The service behind the proxy, whose own URLs (next_page_url…) the scenarios map onto the proxy. */
    upstreamUrl: string;
  }
}

const liveHost = 'https://messaging.twilio.com';

export default async function setup(project: TestProject) {
  const target = contractTarget();
  const logDir = join(root, 'test-results');
  await mkdir(logDir, { recursive: true });
  const prismLog = process.env.CONTRACT_PRISM_LOG ?? join(logDir, 'prism.log');
  await rm(prismLog, { force: true });
  project.provide('prismLog', prismLog);
  project.provide('prismUrl', '');
  project.provide('sandboxUrl', '');
  project.provide('upstreamUrl', '');

  if (target.kind === 'skipped') {
    console.log(`contract: live checks skipped: ${target.why}. Nothing was checked against the real service.`);
    project.provide('target', 'skipped');
    project.provide('serviceUrl', '');
    return;
  }
  if (target.kind !== 'mock') {
    const upstream = target.kind === 'live' ? liveHost : target.upstream;
    const proxy = await startPrism({ mode: 'proxy', upstream, logFile: prismLog });
    console.log(`contract: checking ${upstream} through prism proxy --errors at ${proxy.url}`);
    project.provide('target', target.kind);
    project.provide('serviceUrl', proxy.url);
    project.provide('upstreamUrl', upstream);
    return () => proxy.close();
  }

  const given = process.env.CONTRACT_BASE_URL;
  const [mock, sandbox] = await Promise.all([
    given ? undefined : startPrism({ logFile: prismLog }),
    startCheckedSandbox({ logFile: prismLog }),
  ]);
  project.provide('target', 'mock');
  project.provide('prismUrl', given ?? mock?.url ?? '');
  project.provide('serviceUrl', sandbox.url);
  project.provide('sandboxUrl', sandbox.sandbox.url);
  return async () => {
    await Promise.all([mock?.close(), sandbox.close()]);
  };
}
