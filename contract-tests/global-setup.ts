// Starts one Prism mock of openapi/senders.yaml with --errors for the whole contract suite.
// CONTRACT_BASE_URL points the suite at a Prism already running instead.
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { root } from '../scripts/generate.mjs';
import { startPrism } from '../scripts/prism.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    prismUrl: string;
    /** Prism's log file, or '' when the suite did not start Prism. */
    prismLog: string;
  }
}

export default async function setup(project: TestProject) {
  const given = process.env.CONTRACT_BASE_URL;
  if (given) {
    project.provide('prismUrl', given);
    project.provide('prismLog', '');
    return;
  }
  const logDir = join(root, 'test-results');
  await mkdir(logDir, { recursive: true });
  const prismLog = join(logDir, 'prism.log');
  await rm(prismLog, { force: true });
  const prism = await startPrism({ logFile: prismLog });
  project.provide('prismUrl', prism.url);
  project.provide('prismLog', prismLog);
  return () => prism.close();
}
