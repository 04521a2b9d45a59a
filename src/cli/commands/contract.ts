// `whatsapp-senders contract`: the read-only contract checks in a user's CI, from the installed
// package: a page, a few senders and a 404, through `prism proxy --errors` on the spec this package
// ships, in front of the real service (TWILIO_* credentials) or of `--base-url`. Prism checks every
// response against the spec; a response that breaks it is drift, named by its field, and exit 1.
import { requestRules } from '../../../generated/request-rules.js';
import {
  ApiError,
  createSendersClient,
  NetworkError,
  type Sender,
  type SendersClient,
  TimeoutError,
} from '../../index.js';
import { startPrism } from '../../testing/prism.js';
import { escapeControl } from '../../transport/text.js';
import { credentialSets, hasCredentials } from '../credentials.js';
import { jsonText } from '../format.js';
import { command, type Program, withoutSandbox } from '../globals.js';
import { checkBaseUrl } from '../names.js';

/** Adds `contract` to the program; its exit code is 1 on drift. */
export function addContract(program: Program): void {
  command(
    program,
    'contract',
    'check that the service still answers as the spec says: a page, a few senders, a 404, read only, through ' +
      'prism proxy --errors (needs @stoplight/prism-cli); the real service with TWILIO_*, or --base-url',
    'contract',
  ).action(async () => {
    const { baseUrl, json } = withoutSandbox(program.globals());
    program.exit(await runContract({ baseUrl, json }));
    // The verdict is out. A service that never answered may still hold Prism's request to it open; that
    // must not keep a CI job waiting. This timer keeps nothing alive: it ends only a process still held.
    setTimeout(() => process.exit(), 2_000).unref();
  });
}

interface Violation {
  location?: string[];
  severity?: string;
  message?: string;
}

/** Prism's own problem (`application/problem+json`) in an answer, read from a copy; undefined for any other body. */
interface Problem {
  type?: unknown;
  title?: unknown;
  validation?: Violation[];
}
async function problemOf(response: Response): Promise<Problem | undefined> {
  if (!response.headers.get('content-type')?.includes('application/problem+json')) return undefined;
  return (await response
    .clone()
    .json()
    .catch(() => ({}))) as Problem;
}

/** The response violations Prism reported on one answer: `response.body.status: must be equal to …`. */
function violationsOf(response: Response, problem: Problem | undefined): string[] {
  const found: Violation[] = [];
  const header = response.headers.get('sl-violations');
  if (header) {
    try {
      found.push(...(JSON.parse(header) as Violation[]));
    } catch {
      return [header];
    }
  }
  if (Array.isArray(problem?.validation)) found.push(...problem.validation);
  const lines = found
    .filter((violation) => violation.severity === 'Error' && violation.location?.[0] === 'response')
    .map((violation) => `${violation.location?.join('.')}: ${violation.message}`);
  return [...new Set(lines)];
}

/** What `contract` found, as `--json` prints it; the text is `message`, then `drift` a line each. */
interface Verdict {
  /** no-drift (exit 0), drift or unreached (exit 1), or not-checked (no credentials, no --base-url: exit 0). */
  verdict: 'no-drift' | 'drift' | 'unreached' | 'not-checked';
  message: string;
  /** Each check, in order: its name, whether it passed, and what it read or the error it met. */
  checks: Check[];
  drift: string[];
}
interface Check {
  name: string;
  ok: boolean;
  result: string;
}

/** Runs the checks, printing each and the verdict (or, with `json`, the verdict as JSON); resolves to the exit code. */
export async function runContract(
  { baseUrl, json = false }: { baseUrl?: string | undefined; json?: boolean | undefined },
  env = process.env,
): Promise<number> {
  const report = (check: Check) => {
    if (!json) console.log(`${check.ok ? '✔' : '✖'} ${check.name}: ${check.result}`);
  };
  const verdict = await check(baseUrl, env, report);
  if (json) console.log(jsonText(verdict));
  else for (const line of [verdict.message, ...verdict.drift.map((entry) => `  ${entry}`)]) console.log(line);
  return verdict.verdict === 'no-drift' || verdict.verdict === 'not-checked' ? 0 : 1;
}

/** Checks `baseUrl` (or the real service) through `prism proxy --errors`, reporting each check as it ends: the verdict. */
async function check(
  baseUrl: string | undefined,
  env: NodeJS.ProcessEnv,
  report: (check: Check) => void,
): Promise<Verdict> {
  const credentials = hasCredentials(env);
  if (baseUrl === undefined && !credentials) {
    const message = `contract: nothing was checked: ${credentialSets} are not set, and no --base-url was given.`;
    return { verdict: 'not-checked', message, checks: [], drift: [] };
  }
  // Against a sandbox or a mock, placeholder credentials do: only Twilio checks them.
  const placeholder = credentials ? {} : { accountSid: `AC${'0'.repeat(32)}`, authToken: 'contract-check' };
  // --base-url as every command checks it (an http(s) URL, no credentials in it), before Prism starts.
  await checkBaseUrl(baseUrl);
  const upstream = baseUrl ?? requestRules.server;
  const prism = await startPrism({ mode: 'proxy', upstream });
  const found: Found = { drift: [], unreachableAnswers: 0, unreached: 0, passed: 0, checks: [] };
  try {
    const recording = driftRecorder(found);
    await runChecks(
      createSendersClient({ ...placeholder, baseUrl: prism.url, fetch: recording, maxRetries: 0 }),
      found,
      report,
    );
  } finally {
    await prism.close();
  }
  const { drift, checks } = found;
  const where = baseUrl ?? `${upstream} with the TWILIO_* credentials`;
  const ended = (verdict: Verdict['verdict'], message: string): Verdict => ({ verdict, message, checks, drift });
  if (found.unreached > 0 && found.passed === 0 && drift.length === 0) {
    // Not drift: no answer of the service was checked against the spec.
    return ended(
      'unreached',
      `contract: could not reach ${where} (${found.unreachable}): nothing was checked against the spec.`,
    );
  }
  if (found.unreached > 0) {
    const others = drift.length === 0 ? '; the others found no drift.' : `; ${drift.length} problem(s) in the others:`;
    return ended(
      'unreached',
      `contract: ${found.unreached} of ${checks.length} checks could not reach ${where} (${found.unreachable})${others}`,
    );
  }
  if (drift.length === 0) {
    return ended(
      'no-drift',
      `contract: ${checks.length} checks of ${where} through prism proxy --errors: no drift from the spec.`,
    );
  }
  return ended('drift', `contract: ${drift.length} problem(s) in ${checks.length} checks of ${where}:`);
}

/**
 * What the checks found: drift, a line each; the checks that passed, and those that never had an answer
 * of the service to check (Prism could not reach it, or it did not answer in time), with the first reason.
 */
interface Found {
  drift: string[];
  checks: Check[];
  passed: number;
  unreached: number;
  /** Prism's answers that it could not reach the service. */
  unreachableAnswers: number;
  unreachable?: string;
}

/** Whether an error of a check is that no answer came: the client's own timeout or network failure (or its cause). */
function noAnswer(error: unknown, depth = 0): boolean {
  if (error instanceof TimeoutError || error instanceof NetworkError) return true;
  return depth < 4 && error instanceof Error && noAnswer(error.cause, depth + 1);
}

/**
 * Why Prism could not reach the service, from its answer: a 500 problem of type `FetchError` (a refused
 * connection, a name not found), which Prism makes itself; undefined for any other answer.
 */
function unreachableOf(response: Response, problem: Problem | undefined): string | undefined {
  if (response.status !== 500 || problem?.type !== 'FetchError') return undefined;
  const reason = typeof problem.title === 'string' ? /reason: (.*)$/.exec(problem.title)?.[1] : undefined;
  return escapeControl((reason ?? 'no connection').slice(0, 200));
}

/** A fetch that adds each response violation Prism reports to `drift`, once, with its request. */
function driftRecorder(found: Found): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    const problem = await problemOf(response);
    const unreachable = unreachableOf(response, problem);
    if (unreachable !== undefined) {
      found.unreachable ??= unreachable;
      found.unreachableAnswers++;
      return response;
    }
    const request = new Request(input, init);
    for (const line of violationsOf(response, problem)) {
      const entry = `${request.method} ${new URL(request.url).pathname}: ${line}`;
      if (!found.drift.includes(entry)) found.drift.push(entry);
    }
    return response;
  };
}

/** The read-only checks, each reported as it ends and kept in `found.checks`; an error that drift did not explain is drift too. */
async function runChecks(senders: SendersClient, found: Found, report: (check: Check) => void): Promise<void> {
  const { drift } = found;
  const done = (check: Check) => {
    found.checks.push(check);
    report(check);
  };
  const step = async (name: string, work: () => Promise<string>) => {
    const before = drift.length;
    const unreachableBefore = found.unreachableAnswers;
    try {
      const result = await work();
      if (drift.length === before) found.passed++;
      done({ name, ok: drift.length === before, result });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (found.unreachableAnswers > unreachableBefore || noAnswer(error)) {
        found.unreached++;
        found.unreachable ??= escapeControl(message.slice(0, 200));
      } else if (drift.length === before) drift.push(`${name}: ${message}`);
      done({ name, ok: false, result: message });
    }
  };
  let page: Sender[] = [];
  await step('a page of senders', async () => {
    page = (await senders.list({ pageSize: 5 })).senders;
    return `${page.length} sender(s)`;
  });
  for (const sender of page.slice(0, 3)) {
    await step(`sender ${sender.sid}`, async () => (await senders.get(sender.sid)).status);
  }
  await step('an unknown sid', async () => {
    const error = await senders.get(`XE${'0'.repeat(32)}`).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    if (error instanceof ApiError && error.status === 404)
      return error.code === undefined ? '404' : `404 (${error.code})`;
    throw new Error(`expected the documented 404, got ${error instanceof Error ? error.message : 'a sender'}`, {
      cause: error,
    });
  });
}
