// generated/statuses.ts: each status of the spec with its kind, and generation that refuses a
// status without a kind, a kind the package does not know, or a kind for a status the enum lacks.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { statusKinds as committed, senderStatuses } from '../generated/statuses.js';
import { specPath } from './paths.mjs';
import { kinds, renderStatuses, statusKinds } from './status-kinds.mjs';

const spec = async () => parse(await readFile(specPath, 'utf8'));
const statusSchema = (document: { components: { schemas: Record<string, Record<string, unknown>> } }) =>
  document.components.schemas.SenderStatus as { enum: string[]; 'x-status-kinds': Record<string, unknown> };

describe('the generated status table', () => {
  it("gives every status of the spec's enum the kind its x-status-kinds gives, in the enum's order", async () => {
    const schema = statusSchema(await spec());
    expect(senderStatuses).toEqual(schema.enum);
    expect(committed).toEqual(schema['x-status-kinds']);
  });

  it('fails generation on a status without a kind, naming it and the kinds it may have', async () => {
    const document = await spec();
    statusSchema(document).enum.push('A_STATUS_WITHOUT_A_KIND');
    expect(() => renderStatuses(document)).toThrow(
      `SenderStatus: A_STATUS_WITHOUT_A_KIND has no kind in x-status-kinds (one of ${Object.keys(kinds).join(', ')})`,
    );
  });

  it('fails generation on a kind the package does not know', async () => {
    const document = await spec();
    statusSchema(document)['x-status-kinds'].OFFLINE = 'broken';
    expect(() => statusKinds(document)).toThrow('OFFLINE has the kind "broken", which is not one of');
  });

  it('fails generation on a kind given to a status the enum lacks (a stale line)', async () => {
    const document = await spec();
    statusSchema(document)['x-status-kinds'].RETIRED = 'failed';
    expect(() => statusKinds(document)).toThrow('x-status-kinds names RETIRED, which is not in the enum');
  });

  it('fails generation without x-status-kinds', async () => {
    const document = await spec();
    delete (statusSchema(document) as Partial<ReturnType<typeof statusSchema>>)['x-status-kinds'];
    expect(() => statusKinds(document)).toThrow('SenderStatus: needs x-status-kinds');
  });

  it('takes a kind that an object key of the prototype names only from the map itself', async () => {
    const document = await spec();
    statusSchema(document).enum.push('toString');
    expect(() => statusKinds(document)).toThrow('toString has no kind');
  });
});
