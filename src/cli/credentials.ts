// The credential variables as the CLI names them: in the help, in errors, in the sandbox's `export`
// lines and in `contract`'s check. The names are the client's own table (src/config.ts).
import { credentialVariables } from '../config.js';

const { accountSid, authToken, apiKey, apiSecret } = credentialVariables;

export { credentialVariables };

/** The credentials paragraph of the root help. */
export const credentialsHelp = `Credentials: ${accountSid} with ${authToken}, or with ${apiKey} and ${apiSecret}.`;

/** The two sets of credentials, for a message that says none is set. */
export const credentialSets = `${accountSid} and ${authToken} (or ${apiKey} and ${apiSecret})`;

/** What a missing Auth Token can be replaced with, for its error. */
export const authTokenAlternative = ` (or set ${apiKey} and ${apiSecret} instead)`;

/** The library's credential options (`$.accountSid`) and the variables the CLI reads them from. */
export const variableOfOption: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(credentialVariables).map(([option, variable]) => [`$.${option}`, variable]),
);

/** Whether `env` holds a whole set of credentials: the Account SID with its token, or with an API key and secret. */
export function hasCredentials(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env[accountSid] && (env[authToken] || (env[apiKey] && env[apiSecret])));
}
