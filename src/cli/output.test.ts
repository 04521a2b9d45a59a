// What the CLI prints holds no control character from the service: not in a line for a person, and
// not in `--json`, where JSON.stringify leaves DEL, C1 (CSI, U+009B) and the bidi overrides raw. A
// hostile server (a real socket) answers a sender whose fields carry each kind; the built CLI prints it.
import { spawn } from 'node:child_process';
import { afterAll, expect, it } from 'vitest';
import { fromDist } from '../test/build.js';
import { startServer } from '../test/http-server.js';
import { controlCharacters } from '../transport/text.js';
import { jsonText } from './format.js';

const bin = await fromDist('cli.js');
const sid = `XE${'0'.repeat(32)}`;
/** A sender as a hostile upstream writes it: C0 (ESC), DEL, C1 (CSI), a line separator, a bidi override. */
const hostile = {
  sid,
  sender_id: 'whatsapp:+15017122661',
  status: 'ONLINE\u009b2J',
  profile: { name: 'Acme\u001b[31m\u007f\u2028\u202e' },
};
const server = await startServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify(hostile));
});
afterAll(() => server.close());

function cli(args: string[]) {
  const child = spawn(process.execPath, [bin, ...args, '--base-url', server.url], {
    env: { PATH: process.env.PATH, TWILIO_ACCOUNT_SID: `AC${'1'.repeat(32)}`, TWILIO_AUTH_TOKEN: 'output-token' },
  });
  let stdout = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stdin.end();
  return new Promise<{ code: number | null; stdout: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout })),
  );
}

/** The control characters of `text`, but for the line breaks between lines. */
const controlsIn = (text: string) => [...text.matchAll(controlCharacters)].map(([c]) => c).filter((c) => c !== '\n');

it('prints a sender with --json: no control character, and the same data parsed back', async () => {
  const { code, stdout } = await cli(['--json', 'get', sid]);
  expect(code).toBe(0);
  expect(controlsIn(stdout)).toEqual([]);
  expect(JSON.parse(stdout)).toEqual(hostile);
});

it('prints a sender for a person: no control character', async () => {
  const { code, stdout } = await cli(['get', sid]);
  expect(code).toBe(0);
  expect(controlsIn(stdout)).toEqual([]);
  expect(stdout).toContain('%C2%9B2J');
});

it('writes every control character of a string as its JSON escape, and keeps the layout', () => {
  const every = String.fromCharCode(0, 0x1b, 0x7f, 0x80, 0x9b, 0x9f, 0x2028, 0x2029, 0x202e, 0x2066, 0x2069);
  const text = jsonText({ a: [every] });
  expect(controlsIn(text)).toEqual([]);
  expect(text.split('\n')).toHaveLength(5);
  expect(JSON.parse(text)).toEqual({ a: [every] });
});
