import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { findStale } from './check-generated.mjs';
import { generate, render, specPath } from './generate.mjs';

let scratch: string | undefined;
afterEach(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
  scratch = undefined;
});

describe('generated/', () => {
  it('matches the committed spec', async () => {
    expect(await findStale()).toEqual([]);
  });

  it('renders the same bytes twice', async () => {
    const [first, second] = [await render(), await render()];
    expect([...first.values()]).toEqual([...second.values()]);
  });

  it('is reported stale, by file name, after a spec edit without `npm run generate`', async () => {
    scratch = await mkdtemp(join(tmpdir(), 'check-generated-test-'));
    const spec = join(scratch, 'senders.yaml');
    const out = join(scratch, 'generated');
    await copyFile(specPath, spec);
    await generate({ spec, outDir: out });
    expect(await findStale({ spec, generatedDir: out })).toEqual([]);

    // The kind of edit a user makes: a new optional field on the Sender.
    const document = parse(await readFile(spec, 'utf8'));
    document.components.schemas.Sender.properties.display_name = { type: 'string', examples: ['Example'] };
    const edited = stringify(document);
    await writeFile(spec, edited);

    const problems = await findStale({ spec, generatedDir: out });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/senders\.ts is stale \(first difference at line \d+\)/);
  });

  it('reports a generated file that is missing', async () => {
    scratch = await mkdtemp(join(tmpdir(), 'check-generated-test-'));
    expect(await findStale({ generatedDir: join(scratch, 'empty') })).toEqual([
      expect.stringMatching(/operations\.ts is missing$/),
      expect.stringMatching(/request-rules\.ts is missing$/),
      expect.stringMatching(/senders\.ts is missing$/),
      expect.stringMatching(/statuses\.ts is missing$/),
    ]);
  });
});
