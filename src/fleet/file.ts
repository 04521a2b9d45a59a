// The fleet file: the accounts and the senders wanted in them, read from YAML or JSON and checked
// whole before anything is sent. Secrets are never in the file, only the names of the variables
// that hold them.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { ValidationError, type ValidationIssue } from '../errors.js';
import type { SenderCreate } from '../types.js';
import { checkSchema, validateRequest } from '../validate.js';

/** One account of the file: its Account SID and where its secret is found. */
export interface FleetAccount {
  /** The name the senders use in `account`. */
  name: string;
  /** `AC` and 32 hex digits. */
  accountSid: string;
  /** The environment variable that holds the account's Auth Token. */
  authTokenEnv?: string;
  /** An API Key SID (`SK` and 32 hex digits) created in this account, used with `apiSecretEnv`. */
  apiKey?: string;
  /** The environment variable that holds the API key's secret. */
  apiSecretEnv?: string;
}

/** One sender the file wants: its create body, its account, and where it is in the file. */
export interface FleetSender {
  /** Its index in `senders`, as issues and reports name it. */
  index: number;
  /** The name of its account. */
  account: string;
  /** The create body: the entry without `account`. */
  body: SenderCreate;
}

/** A fleet file, read and checked. */
export interface Fleet {
  /** The file it came from, when it came from one. */
  path?: string;
  accounts: Map<string, FleetAccount>;
  senders: FleetSender[];
}

const envName = { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$', maxLength: 256 };
const accountRules = {
  type: 'object',
  additionalProperties: false,
  required: ['accountSid'],
  properties: {
    accountSid: { type: 'string', pattern: '^AC[0-9a-fA-F]{32}$' },
    authTokenEnv: envName,
    apiKey: { type: 'string', pattern: '^SK[0-9a-fA-F]{32}$' },
    apiSecretEnv: envName,
  },
};
// Keys that would put a secret in the file; named so that the message says what to do instead.
const secretKeys: Record<string, string> = { authToken: 'authTokenEnv', apiSecret: 'apiSecretEnv' };
// A variable name that looks like a token (32 hex digits) is probably the token itself.
const tokenLike = /^[0-9a-fA-F]{32}$/;

/** Reads a fleet file (`.json` as JSON, anything else as YAML, of which JSON is a subset) and checks it whole. */
export async function loadFleet(path: string): Promise<Fleet> {
  return { ...parseFleet(await readFleetText(path), formatOf(path)), path };
}

/** The text of a fleet file; a ValidationError when it cannot be read. */
export async function readFleetText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ValidationError([{ path, message: `cannot be read (${code})` }]);
  }
}

/** Parses and checks the text of a fleet file; throws a ValidationError naming every bad entry by index and field. */
export function parseFleet(text: string, format: 'json' | 'yaml' = 'yaml'): Fleet {
  return checkFleet(parseFleetText(text, format));
}

/** The format of a fleet file, from its name: `.json` is JSON, anything else YAML (of which JSON is a subset). */
export const formatOf = (path: string): 'json' | 'yaml' => (extname(path).toLowerCase() === '.json' ? 'json' : 'yaml');

/** Parses the text of a fleet file, unchecked; throws a ValidationError when it does not parse. */
export function parseFleetText(text: string, format: 'json' | 'yaml' = 'yaml'): unknown {
  let data: unknown;
  try {
    data =
      format === 'json'
        ? JSON.parse(text)
        : // js-yaml builds values as it reads, with no document model in between: 10,000 senders (3 MB)
          // peak at 79 MB RSS, against 122 MB for js-yaml 5 and 242 MB for yaml. The core schema: no dates,
          // no merge keys. A key given twice is an error, so that a field is never silently the last one.
          loadYaml(text, { schema: CORE_SCHEMA });
  } catch (error) {
    throw new ValidationError([{ path: '$', message: `is not ${format.toUpperCase()}: ${firstLine(error)}` }]);
  }
  // Aliases share values; a file whose values expand far past its own size is an alias bomb, not a fleet.
  const limit = 10 * text.length + 10_000;
  if (format === 'yaml' && expandsPast(data, limit))
    throw new ValidationError([{ path: '$', message: `its aliases expand to more than ${limit} values` }]);
  return data;
}

/** Whether walking `value`, through every alias, meets more than `limit` values; stops as soon as it does. */
function expandsPast(value: unknown, limit: number): boolean {
  let count = 0;
  const stack = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (++count > limit) return true;
    if (typeof item === 'object' && item !== null) for (const child of Object.values(item)) stack.push(child);
  }
  return false;
}

/** Checks a fleet already parsed; throws a ValidationError naming every problem. */
export function checkFleet(data: unknown): Fleet {
  const issues: ValidationIssue[] = [];
  const fail = (path: string, message: string) => issues.push({ path, message });
  if (!isObject(data)) throw new ValidationError([{ path: '$', message: 'must be a mapping of accounts and senders' }]);
  for (const key of Object.keys(data)) {
    if (key !== 'accounts' && key !== 'senders') fail(key, 'is not a key of a fleet file (accounts, senders)');
  }
  const accounts = new Map<string, FleetAccount>();
  if (!isObject(data.accounts)) fail('accounts', 'must be a mapping of account names to accounts');
  else checkAccounts(data.accounts, accounts, issues);
  const senders: FleetSender[] = [];
  if (!Array.isArray(data.senders)) fail('senders', 'must be a list of senders');
  else checkSenders(data.senders, data.accounts, senders, issues);
  if (issues.length > 0) throw new ValidationError(issues);
  return { accounts, senders };
}

/** Checks the accounts, adding each good one to `accounts` and each problem to `issues`. */
function checkAccounts(
  entries: Record<string, unknown>,
  accounts: Map<string, FleetAccount>,
  issues: ValidationIssue[],
): void {
  for (const [name, account] of Object.entries(entries)) {
    const at = `accounts.${name}`;
    if (!isObject(account)) {
      issues.push({ path: at, message: 'must be a mapping with accountSid' });
      continue;
    }
    for (const [key, instead] of Object.entries(secretKeys)) {
      if (Object.hasOwn(account, key))
        issues.push({
          path: `${at}.${key}`,
          message: `secrets are never in the file: name the variable with ${instead}`,
        });
    }
    const { authToken: _token, apiSecret: _secret, ...rest } = account;
    const found = [...checkSchema(accountRules, rest, at), ...credentialIssues(account, at)];
    issues.push(...found);
    if (found.length === 0) accounts.set(name, { name, ...(rest as Omit<FleetAccount, 'name'>) });
  }
  // Two names for one account would create a sender twice in it, and prune what the other name wants.
  const names = new Map<string, string>();
  for (const account of accounts.values()) {
    const key = account.accountSid.toLowerCase();
    const first = names.get(key);
    if (first === undefined) names.set(key, account.name);
    else
      issues.push({
        path: `accounts.${account.name}.accountSid`,
        message: `is also the accountSid of account ${first}: accounts ${first} and ${account.name} are one account; give it one name`,
      });
  }
}

/** What is wrong with how an account gives its credentials: which variables, and which go together. */
function credentialIssues(account: Record<string, unknown>, at: string): ValidationIssue[] {
  const found: ValidationIssue[] = [];
  for (const key of ['authTokenEnv', 'apiSecretEnv'] as const) {
    const value = account[key];
    if (typeof value === 'string' && tokenLike.test(value))
      found.push({
        path: `${at}.${key}`,
        message: 'looks like a secret; give the name of the variable that holds it',
      });
  }
  const byKey = account.apiKey !== undefined || account.apiSecretEnv !== undefined;
  if (account.authTokenEnv !== undefined && byKey)
    found.push({ path: at, message: 'takes authTokenEnv, or apiKey with apiSecretEnv, not both' });
  else if (
    byKey &&
    !Object.hasOwn(account, 'apiSecret') &&
    (account.apiKey === undefined || account.apiSecretEnv === undefined)
  )
    found.push({ path: at, message: 'apiKey and apiSecretEnv go together' });
  else if (!byKey && account.authTokenEnv === undefined && !Object.hasOwn(account, 'authToken'))
    found.push({ path: at, message: 'needs authTokenEnv, or apiKey with apiSecretEnv' });
  return found;
}

/** Checks the senders, adding each good one to `senders` and each problem to `issues`. */
function checkSenders(entries: unknown[], accounts: unknown, senders: FleetSender[], issues: ValidationIssue[]): void {
  const fail = (path: string, message: string) => issues.push({ path, message });
  // sender_id → the index that first named it, per account.
  const seen = new Map<string, Map<string, number>>();
  for (const [index, entry] of entries.entries()) {
    const at = `senders[${index}]`;
    if (!isObject(entry)) {
      fail(at, 'must be a mapping: account, sender_id, and the create fields');
      continue;
    }
    const { account, ...body } = entry;
    const before = issues.length;
    if (account === undefined) fail(`${at}.account`, 'is required: the name of one of accounts');
    else if (typeof account !== 'string')
      fail(`${at}.account`, `must be a string: the name of one of accounts, not ${JSON.stringify(account)}`);
    // Own keys only: `toString` or `constructor` is no account of the file.
    else if (isObject(accounts) && !Object.hasOwn(accounts, account))
      fail(`${at}.account`, `names no account of the file (${Object.keys(accounts).join(', ') || 'none'})`);
    try {
      validateRequest('createSender', { body });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      for (const issue of error.issues) fail(at + issue.path.replace(/^\$/, ''), issue.message);
    }
    if (typeof account === 'string' && typeof body.sender_id === 'string') {
      const ids = seen.get(account) ?? new Map<string, number>();
      seen.set(account, ids);
      const first = ids.get(body.sender_id);
      if (first !== undefined) fail(`${at}.sender_id`, `is also senders[${first}] of account ${account}`);
      else ids.set(body.sender_id, index);
    }
    if (issues.length === before) senders.push({ index, account: account as string, body: body as SenderCreate });
  }
}

/** The senders of each account, in file order (one pass, whatever the number of accounts). */
export function sendersByAccount(fleet: Fleet): Map<string, FleetSender[]> {
  const found = byAccount.get(fleet);
  if (found) return found;
  const grouped = new Map<string, FleetSender[]>([...fleet.accounts.keys()].map((name) => [name, []]));
  for (const sender of fleet.senders) grouped.get(sender.account)?.push(sender);
  byAccount.set(fleet, grouped);
  return grouped;
}
const byAccount = new WeakMap<Fleet, Map<string, FleetSender[]>>();

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
