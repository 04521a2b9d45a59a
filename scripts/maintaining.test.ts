// MAINTAINING.md shows each everyday task (a status, an operation, a default) as a patch in
// docs/maintaining/. Each must still apply to this tree, or the guide shows a change no one can make.
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { root } from './paths.mjs';

const folder = join(root, 'docs', 'maintaining');
const patches = readdirSync(folder).filter((name) => name.endsWith('.patch'));

describe('the patches of MAINTAINING.md', () => {
  it('are there: a status, an operation and a default', () => {
    expect(patches.sort()).toEqual(['add-a-status.patch', 'add-an-operation.patch', 'change-a-default.patch']);
  });

  it.each(patches)('%s applies to this tree', async (name) => {
    const applied = await promisify(execFile)('git', ['apply', '--check', join(folder, name)], { cwd: root }).then(
      () => '',
      (error: { stderr?: string }) => error.stderr ?? String(error),
    );
    expect(applied).toBe('');
  });
});
