// Prism starts without faker's 56 other locales (src/testing/prism.ts, whilePrismLoads): the first
// start of a process loads about 1,900 modules fewer. Its dynamic answers are still generated, and the
// rest of the process still gets the whole of faker. And it starts quietly: on Node 21 and later, its
// dependencies' `require('punycode')` printed a DeprecationWarning on the user's stderr. The case is a fresh process running the built
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
  const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script]);
  return { ...JSON.parse(stdout.trim().split('\n').at(-1) as string), stderr };
}

// One process for the three, whose first start of Prism is the point: a start costs a second of CPU.
it("loads faker in English only, still generates a dynamic answer the spec allows, leaves the process's faker whole, and prints no warning", async () => {
  const result = await host(`
const mock = await testing.startMock();
const answer = await fetch(mock.url + '/v2/Channels/Senders?Channel=whatsapp', {
  headers: { Authorization: 'Basic ' + btoa('AC00000000000000000000000000000000:token'), Prefer: 'dynamic=true' },
});
const body = await answer.json();
await mock.close();
const during = locales();
const { faker } = require('@faker-js/faker');
console.log(JSON.stringify({ status: answer.status, body, during, whole: Object.keys(faker.locales).length, german: faker.locales.de?.title }));`);
  expect(result.during).toEqual(['en']);
  // --errors: an answer that broke the spec would be Prism's 500, not a 200.
  expect(result.status).toBe(200);
  // Generated, not the spec's example: faker's words fill the page's strings.
  expect(typeof result.body.meta.key).toBe('string');
  expect(Array.isArray(result.body.senders)).toBe(true);
  // The process's own require of faker, after Prism: the index, every locale.
  expect(result.whole).toBeGreaterThan(50);
  expect(result.german).toBe('German');
  // Nothing on stderr: no DEP0040 for punycode (Node 22 and 24 print one for Node's own module).
  expect(result.stderr).toBe('');
}, 60_000);
