// The CLI names the credential variables by the client's own table (credentialVariables in
// src/config.ts): in the root help, in the errors of a missing credential, and in `contract`'s check.
import { describe, expect, it } from 'vitest';
import { credentialVariables } from '../config.js';
import { ValidationError } from '../errors.js';
import { hasCredentials } from './credentials.js';
import { program } from './main.js';
import { named } from './names.js';

const options = Object.keys(credentialVariables) as (keyof typeof credentialVariables)[];

describe('the credential variables', () => {
  it('are each named in the root help', () => {
    let help = '';
    program()
      .configureOutput({ writeOut: (text) => (help += text) })
      .outputHelp();
    const paragraph = help.split('\n').find((line) => line.startsWith('Credentials:'));
    for (const option of options) expect(paragraph).toContain(credentialVariables[option]);
  });

  it('name each credential option in its error, as the client reads it', async () => {
    for (const option of options) {
      const issue = { path: `$.${option}`, message: `missing: pass ${option}` };
      const error = await named(() => Promise.reject(new ValidationError([issue]))).catch((caught: Error) => caught);
      expect(error.message).toMatch(new RegExp(`^${credentialVariables[option]} is not set`));
    }
  });

  it('decide whether contract has credentials: the Account SID with its token, or with an API key and secret', () => {
    const { accountSid, authToken, apiKey, apiSecret } = credentialVariables;
    expect(hasCredentials({ [accountSid]: 'AC', [authToken]: 't' })).toBe(true);
    expect(hasCredentials({ [accountSid]: 'AC', [apiKey]: 'SK', [apiSecret]: 's' })).toBe(true);
    expect(hasCredentials({ [accountSid]: 'AC', [apiKey]: 'SK' })).toBe(false);
    expect(hasCredentials({ [authToken]: 't' })).toBe(false);
  });
});
