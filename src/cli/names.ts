// What a CLI user typed, named in errors: a ValidationError from the library names options
// (`$.pageSize`, `$.accountSid`); the CLI names the flag or the variable instead (`--page-size`,
// `TWILIO_ACCOUNT_SID`), or the file and the path inside it.
import { createSendersClient, ValidationError, type ValidationIssue } from '../index.js';
import { authTokenAlternative, credentialVariables, variableOfOption } from './credentials.js';
import { UsageError } from './format.js';

/** Options every command shares, by the library's name for them. */
const shared: Record<string, string> = { '$.baseUrl': '--base-url', '$.sid': '<sid>' };

function rename(issue: ValidationIssue, names: Record<string, string>, file?: string): string {
  const variable = variableOfOption[issue.path];
  if (variable) {
    const alternative = variable === credentialVariables.authToken ? authTokenAlternative : '';
    return issue.message.startsWith('missing')
      ? `${variable} is not set${alternative}`
      : `${variable} ${issue.message}`;
  }
  const all = { ...shared, ...names };
  // The longest name that is the path or a parent of it: `$.profile.name` before `$.profile`.
  const match = Object.keys(all)
    .filter((path) => issue.path === path || issue.path.startsWith(`${path}.`) || issue.path.startsWith(`${path}[`))
    .sort((a, b) => b.length - a.length)[0];
  if (match) return `${all[match]}${issue.path.slice(match.length)}: ${issue.message}`;
  return `${file ? `${file}: ` : ''}${issue.path}: ${issue.message}`;
}

/**
 * Runs `work`, turning a ValidationError into a UsageError that names flags and variables.
 * @param names the library's paths of what came from flags: `{ '$.pageSize': '--page-size' }`
 * @param file the JSON file the rest came from
 */
export async function named<T>(work: () => Promise<T>, names: Record<string, string> = {}, file?: string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new UsageError(error.issues.map((issue) => rename(issue, names, file)).join('; '), { cause: error });
  }
}

/**
 * `--base-url` checked as the client checks a base URL (an absolute http(s) URL, no credentials in it), for
 * every command before it runs: a UsageError naming the flag, never echoing the URL. An empty one is refused,
 * not taken for "not given".
 */
export async function checkBaseUrl(baseUrl: string | undefined): Promise<void> {
  if (baseUrl === undefined) return;
  await named(async () => createSendersClient({ accountSid: `AC${'0'.repeat(32)}`, authToken: 'check', baseUrl }));
}
