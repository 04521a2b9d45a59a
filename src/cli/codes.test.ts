// `--codes codes.csv`: every line checked before anything is sent; one sender, one code.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import { fixture, senderIdOf } from '../test/fleet-fixtures.js';
import { readCodes } from './codes.js';

const fx = fixture(2, 4);

async function codesFile(text: string) {
  const path = join(await mkdtemp(join(tmpdir(), 'codes-')), 'codes.csv');
  await writeFile(path, text);
  return path;
}

describe('the codes file', () => {
  it('reads a code a sender, by sender_id or by account and sender_id', async () => {
    const path = await codesFile(`sender_id,code,account\n${senderIdOf(0)},123456,a0\n${senderIdOf(1)},654321,\n`);
    expect([...(await readCodes(path, fx.fleet))]).toEqual([
      [`a0/${senderIdOf(0)}`, '123456'],
      [senderIdOf(1), '654321'],
    ]);
  });

  it('refuses two codes for one sender, one row with its account and one without, in either order', async () => {
    for (const rows of [
      [`${senderIdOf(0)},123456,a0`, `${senderIdOf(0)},654321,`],
      [`${senderIdOf(0)},654321,`, `${senderIdOf(0)},123456,a0`],
    ]) {
      const path = await codesFile(`sender_id,code,account\n${rows.join('\n')}\n`);
      const error = await readCodes(path, fx.fleet).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues).toEqual([
        { path: `${path} line 3`, message: `${senderIdOf(0)} has a code on an earlier line` },
      ]);
    }
  });
});
