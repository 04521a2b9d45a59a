// The API reference page (`npm run docs` → docs/index.html), opened in Debian's headless Chromium:
// it lists every operation, the Sender schema and the error body, its side menu scrolls to an
// operation, and no request leaves 127.0.0.1. A screenshot goes to test-results/docs.png.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { operationTable } from '../generated/operations.js';
import { root, specPath } from '../src/test/paths.js';

const spec = parse(readFileSync(specPath, 'utf8'));
const operations: { id: string; summary: string }[] = Object.values(spec.paths).flatMap((item) =>
  Object.values(item as Record<string, { operationId?: string; summary?: string }>)
    .filter((operation) => operation.operationId)
    .map((operation) => ({ id: operation.operationId as string, summary: operation.summary as string })),
);

/**
 * The Chromium to drive: CHROMIUM_PATH, else chromium, chromium-browser or google-chrome on the PATH.
 * Never a test tool's own browser download.
 */
function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CHROMIUM_PATH) {
    if (existsSync(env.CHROMIUM_PATH)) return env.CHROMIUM_PATH;
    throw new Error(`CHROMIUM_PATH is ${env.CHROMIUM_PATH}, which does not exist`);
  }
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    for (const folder of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
      if (existsSync(join(folder, name))) return join(folder, name);
    }
  }
  throw new Error(
    'No Chromium found for the API reference test: set CHROMIUM_PATH, or put chromium, chromium-browser or ' +
      'google-chrome on the PATH. On Debian or Ubuntu: sudo apt-get install -y chromium',
  );
}

let server: Server;
let base: string;
let browser: Browser;
let page: Page;
const requested: string[] = [];

beforeAll(async () => {
  await promisify(execFile)('npm', ['run', 'docs', '--silent'], { cwd: root });
  const html = readFileSync(join(root, 'docs', 'index.html'));
  server = createServer((_, response) => response.writeHead(200, { 'Content-Type': 'text/html' }).end(html));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: findChromium(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // Every request is recorded; any that would leave 127.0.0.1 is refused as well as noted.
  await page.route('**/*', (route) => {
    const url = route.request().url();
    requested.push(url);
    return new URL(url).hostname === '127.0.0.1' ? route.continue() : route.abort();
  });
  await page.goto(`${base}/`, { waitUntil: 'load' });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

it('names no address outside 127.0.0.1 to load: no Redocly CDN logo in the page', () => {
  // The logo loads only once the sidebar has rendered, so a browser run can miss it; the text cannot.
  const html = readFileSync(join(root, 'docs', 'index.html'), 'utf8');
  expect(html.match(/https:\/\/cdn\.redoc\.ly[^\s"'`)]*/g)).toBeNull();
});

it('loads nothing from anywhere but 127.0.0.1: no CDN script, font or style', async () => {
  await page.waitForLoadState('networkidle');
  expect(requested.length).toBeGreaterThan(0);
  expect(requested.filter((url) => !/^(data|blob|about):/.test(url) && new URL(url).hostname !== '127.0.0.1')).toEqual(
    [],
  );
});

it('lists every operation of the spec, the Sender schema and the error body', async () => {
  expect(operations.map(({ id }) => id).sort()).toEqual(Object.keys(operationTable).sort());
  const menu = page.locator('.menu-content');
  // The operations sit in the Senders group of the side menu, which opens on a click.
  if (!(await menu.getByText(operations[0]?.summary as string, { exact: true }).isVisible())) {
    await menu.getByText(spec.tags[0].name, { exact: true }).click();
  }
  // The group renders its items after the click, later on a loaded machine: wait for each (Playwright's
  // bound, 30 s), rather than ask once at once.
  for (const { summary } of operations) {
    await menu.getByText(summary, { exact: true }).waitFor({ state: 'visible' });
    await expect(menu.getByText(summary, { exact: true }).isVisible()).resolves.toBe(true);
  }
  // The Sender schema, in the 200 response of fetchSender: the page renders a section once shown.
  const fetchSender = operations.find((operation) => operation.id === 'fetchSender') as { summary: string };
  await menu.getByText(fetchSender.summary, { exact: true }).click();
  const fetchSection = page.locator('[id="senders/fetchsender"]');
  await fetchSection.waitFor();
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText, the text a person sees
  const fetchText = await fetchSection.innerText();
  for (const field of Object.keys(spec.components.schemas.Sender.properties)) expect(fetchText).toContain(field);
  // The error body: the 404 response's tab shows the TwilioError fields.
  const responses = page.locator('[id="senders/fetchsender/responses"]');
  await responses.getByRole('tab', { name: '404', exact: true }).click();
  await expect
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText, the text a person sees
    .poll(async () => (await fetchSection.innerText()).slice(fetchText.indexOf('Responses')))
    .toMatch(new RegExp(Object.keys(spec.components.schemas.TwilioError.properties).join('[\\s\\S]*')));
});

it('scrolls to an operation when it is clicked in the side menu', async () => {
  const target = operations.find((operation) => operation.id === 'deleteSender') as { id: string; summary: string };
  await page.evaluate(() => window.scrollTo(0, 0));
  const before = await page.evaluate(() => window.scrollY);
  await page.locator('.menu-content').getByText(target.summary, { exact: true }).click();
  await page.waitForFunction((start) => window.scrollY > start + 200, before);
  const section = page.locator(`[id="senders/${target.id.toLowerCase()}"]`);
  const box = await section.boundingBox();
  expect(box).not.toBeNull();
  expect(box?.y ?? -1).toBeGreaterThanOrEqual(-5);
  expect(box?.y ?? 10_000).toBeLessThan(900);
  expect(page.url()).toContain(`#/senders/${target.id.toLowerCase()}`);
  mkdirSync(join(root, 'test-results'), { recursive: true });
  await page.screenshot({ path: join(root, 'test-results', 'docs.png') });
});

describe('findChromium', () => {
  it('takes CHROMIUM_PATH first, then chromium, chromium-browser or google-chrome on the PATH', () => {
    const node = process.execPath;
    expect(findChromium({ CHROMIUM_PATH: node, PATH: '' })).toBe(node);
    const found = findChromium({ PATH: process.env.PATH });
    expect(found).toMatch(/(chromium|chromium-browser|google-chrome)$/);
  });

  it('fails with how to install one when there is none', () => {
    expect(() => findChromium({ PATH: '/nonexistent' })).toThrow(/sudo apt-get install -y chromium/);
    expect(() => findChromium({ CHROMIUM_PATH: '/nonexistent/chromium' })).toThrow(/CHROMIUM_PATH/);
  });
});
