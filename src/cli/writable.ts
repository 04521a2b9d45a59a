// Where `apply` writes (its journal, `--report`) is checked before anything is sent: a path that
// cannot be written is a usage error naming its flag, not a failure after the first writes.
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { UsageError } from './format.js';

/** A UsageError naming `flag` unless `path` is a file that can be written, or can be made in its folder. */
export async function checkWritable(path: string, flag: string): Promise<void> {
  const refuse = (reason: string) => new UsageError(`${flag} ${path}: ${reason}; nothing was sent`);
  const found = await stat(path).catch((error: NodeJS.ErrnoException) => error);
  if (!(found instanceof Error)) {
    if (found.isDirectory()) throw refuse('is a folder, not a file');
    // A device or a pipe takes writes and never ends a read (/dev/zero).
    if (!found.isFile()) throw refuse('is not a regular file');
    await access(path, constants.W_OK).catch((error: NodeJS.ErrnoException) => {
      throw refuse(`cannot be written (${error.code})`);
    });
    return;
  }
  if (found.code !== 'ENOENT') throw refuse(`cannot be written (${found.code})`);
  const folder = dirname(resolve(path));
  const parent = await stat(folder).catch(() => undefined);
  if (!parent?.isDirectory()) throw refuse(`its folder ${folder} does not exist`);
  await access(folder, constants.W_OK).catch((error: NodeJS.ErrnoException) => {
    throw refuse(`its folder ${folder} cannot be written (${error.code})`);
  });
}
