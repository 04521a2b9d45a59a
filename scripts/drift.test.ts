// The radar, offline: planted differences in a description and in the SDK's typings are each
// reported by name and fail it; what is reviewed passes. The registry is never read here: every
// source is a file (`--from`), our spec as a description or the pinned SDK's installed typings.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { drift, readDecisions, specPath } from './drift.mjs';

// biome-ignore lint/suspicious/noExplicitAny: a parsed OpenAPI document, walked by the keys OpenAPI defines
type Json = Record<string, any>;
const typingsPath = createRequire(import.meta.url)
  .resolve('twilio/lib/rest/messaging/v2/channelsSender')
  .replace(/\.js$/, '.d.ts');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'drift-test-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Our spec, changed by `plant`, written as a published description would be (JSON). */
async function description(name: string, plant: (document: Json) => void = () => {}) {
  const document = parse(await readFile(specPath, 'utf8')) as Json;
  plant(document);
  const path = join(dir, `${name}.json`);
  await writeFile(path, JSON.stringify(document));
  return path;
}

/** The installed SDK's typings (and code beside them), with `plant` applied to the typings. */
async function typings(name: string, plant: (text: string) => string = (text) => text) {
  const folder = await mkdtemp(join(dir, `${name}-`));
  await writeFile(join(folder, 'channelsSender.d.ts'), plant(await readFile(typingsPath, 'utf8')));
  await writeFile(join(folder, 'channelsSender.js'), await readFile(typingsPath.replace(/\.d\.ts$/, '.js'), 'utf8'));
  return join(folder, 'channelsSender.d.ts');
}

const news = (output: string) => output.split('\n').filter((line) => line.startsWith('  NEW: '));
/** What to do about a NEW line the spec's own radar prints: said by the tests that expect none. */
const undecided =
  'each NEW line is a difference between the spec and the SDK that no entry of openapi/fidelity-decisions.yaml ' +
  'decides (a status or field added to the spec, say): decide it there (MAINTAINING.md), then npm run fidelity-table';

describe('npm run drift --from a description', () => {
  it('passes on a description that says what the spec says', async () => {
    const { output, code } = drift([await description('same')]);
    expect(news(output), undecided).toEqual([]);
    expect(output).toContain('drift: every difference is a reviewed decision');
    expect(code).toBe(0);
  });

  it('reports one added field, one changed enum and one new status code, each by name, and fails', async () => {
    const planted = await description('planted', (document) => {
      const schemas = document.components.schemas;
      schemas.ProfileInput.properties.new_field = { type: ['string', 'null'] };
      schemas.VerificationMethod.enum = ['sms', 'voice', 'whatsapp'];
      document.paths['/v2/Channels/Senders'].post.responses['409'] = { description: 'Conflict' };
    });
    const { output, code } = drift([planted]);
    // A field of ProfileInput is one of the create profile too (ProfileCreateInput is an allOf of it).
    expect(news(output)).toEqual([
      '  NEW: description: create configuration.verification_method: enum: published sms, voice, whatsapp; spec sms, voice',
      '  NEW: description: create profile.new_field: published, not in the spec (string, nullable)',
      '  NEW: description: update configuration.verification_method: enum: published sms, voice, whatsapp; spec sms, voice',
      '  NEW: description: update profile.new_field: published, not in the spec (string, nullable)',
      '  NEW: description: sender configuration.verification_method: enum: published sms, voice, whatsapp; spec sms, voice',
      '  NEW: description: createSender 409: published, not in the spec',
    ]);
    expect(output).toContain('drift: 6 differences not reviewed');
    expect(code).toBe(1);
  });

  it('reports a field the spec has and the description dropped, a status, a list parameter', async () => {
    const planted = await description('dropped', (document) => {
      delete document.components.schemas.SenderUpdate.properties.friendly_name;
      document.components.schemas.SenderStatus.enum.push('PAUSED');
      document.components.parameters.PageToken.name = 'Cursor';
    });
    expect(news(drift([planted]).output)).toEqual([
      '  NEW: description: update friendly_name: in the spec, not published',
      '  NEW: description: status PAUSED: published, not in the spec',
      '  NEW: description: list parameter Cursor: published, not in the spec',
      '  NEW: description: list parameter PageToken: in the spec, not published',
    ]);
  });
});

describe('npm run drift --from the SDK typings', () => {
  it(`passes on the pinned SDK's own typings: every difference is reviewed`, async () => {
    const { output, code } = drift([typingsPath]);
    expect(news(output), undecided).toEqual([]);
    expect(output).toMatch(/reviewed \(use_case\): sdk: update profile\.use_case: enum/);
    expect(code).toBe(0);
  });

  it('reports a planted request field, response field and status by name', async () => {
    const planted = await typings('planted', (text) =>
      text
        .replace(
          'export declare class MessagingV2ChannelsSenderProfile {',
          'export declare class MessagingV2ChannelsSenderProfile {\n    "brandTier"?: string | null;',
        )
        .replace(
          'interface ChannelsSenderResource {',
          'interface ChannelsSenderResource {\n    throughput_tier: string;',
        )
        .replace('"DRAFT" | "STUBBED"', '"DRAFT" | "STUBBED" | "PAUSED"'),
    );
    const { output, code } = drift([planted]);
    expect(news(output)).toEqual([
      '  NEW: sdk: create profile.brand_tier: published, not in the spec (string, nullable)',
      '  NEW: sdk: update profile.brand_tier: published, not in the spec (string, nullable)',
      '  NEW: sdk: sender throughput_tier: published, not in the spec (string)',
      '  NEW: sdk: status PAUSED: published, not in the spec',
    ]);
    expect(code).toBe(1);
  });
});

describe('the reviewed decisions', () => {
  it('accept a line only as written: a changed enum is news even where its old value was reviewed', () => {
    const { acceptedBy } = readDecisions();
    const reviewed =
      'sdk: update profile.use_case: enum: published none; spec MULTI_USE, OTP, PROMOTIONAL, TRANSACTIONAL';
    expect(acceptedBy(reviewed)?.topic).toBe('use_case');
    expect(acceptedBy(reviewed.replace('MULTI_USE, ', ''))).toBeUndefined();
  });

  it('fail the radar when removed', async () => {
    const decisions = join(dir, 'none.yaml');
    await writeFile(decisions, stringify({ decisions: [] }));
    const { output, code } = drift([typingsPath], { decisions });
    expect(news(output).length).toBeGreaterThan(10);
    expect(code).toBe(1);
  });
});

describe('the command', () => {
  it('takes --from more than once, prints one line per difference and exits 1 on news', async () => {
    const planted = await description('command', (document) => {
      document.paths['/v2/Channels/Senders/{Sid}'].get.responses['410'] = { description: 'Gone' };
    });
    const error = await promisify(execFile)(process.execPath, [
      join(specPath, '../../scripts/drift.mjs'),
      '--from',
      planted,
      '--from',
      typingsPath,
    ]).catch((caught: { code: number; stdout: string }) => caught);
    expect((error as { code: number }).code).toBe(1);
    expect(news((error as { stdout: string }).stdout)).toEqual([
      '  NEW: description: fetchSender 410: published, not in the spec',
    ]);
  });
});
