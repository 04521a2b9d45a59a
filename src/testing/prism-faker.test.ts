// Prism starts without faker's 56 other locales (src/testing/prism.ts, withEnglishFaker): the first
// start of a process loads about 1,900 modules fewer. Its dynamic answers are still generated, and the
// rest of the process still gets the whole of faker. Each case is a fresh process running the built
// `whatsapp-senders/testing`, as a user's would: a module loaded once stays loaded.
import { execFile } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { fromDist } from '../test/build.js';

const testing = await fromDist('testing.js');

/** Runs `source` (an ES module, with `testing`, `require` and `locales()` in scope); its last line, parsed. */
async function host(source: string) {
  const script = `import * as testing from ${JSON.stringify(pathToFileURL(testing).href)};
import { createRequire } from 'node:module';
const require = createRequire(${JSON.stringify(testing)});
const locales = () => [...new Set(Object.keys(require.cache).flatMap((path) => path.match(/faker[\\\\/]dist[\\\\/]cjs[\\\\/]locales[\\\\/]([^\\\\/]+)/)?.[1] ?? []))].sort();
${source}`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script]);
  return JSON.parse(stdout.trim().split('\n').at(-1) as string);
}

it('loads faker in English only, and still generates a dynamic answer that the spec allows', async () => {
  const result = await host(`
const mock = await testing.startMock();
const answer = await fetch(mock.url + '/v2/Channels/Senders?Channel=whatsapp', {
  headers: { Authorization: 'Basic ' + btoa('AC00000000000000000000000000000000:token'), Prefer: 'dynamic=true' },
});
const body = await answer.json();
await mock.close();
console.log(JSON.stringify({ status: answer.status, body, locales: locales() }));`);
  expect(result.locales).toEqual(['en']);
  // --errors: an answer that broke the spec would be Prism's 500, not a 200.
  expect(result.status).toBe(200);
  // Generated, not the spec's example: faker's words fill the page's strings.
  expect(typeof result.body.meta.key).toBe('string');
  expect(Array.isArray(result.body.senders)).toBe(true);
}, 60_000);

it("leaves the process's own faker whole: every locale, before and after Prism", async () => {
  const result = await host(`
const mock = await testing.startMock();
await mock.close();
const during = locales();
const { faker } = require('@faker-js/faker');
console.log(JSON.stringify({ during, whole: Object.keys(faker.locales).length, german: faker.locales.de?.title }));`);
  expect(result.during).toEqual(['en']);
  expect(result.whole).toBeGreaterThan(50);
  expect(result.german).toBe('German');
}, 60_000);

it('uses the whole faker when the process loaded it first, and loads nothing twice', async () => {
  const result = await host(`
require('@faker-js/faker');
const before = locales().length;
const mock = await testing.startMock();
await mock.close();
console.log(JSON.stringify({ before, after: locales().length }));`);
  expect(result.before).toBeGreaterThan(50);
  expect(result.after).toBe(result.before);
}, 60_000);
