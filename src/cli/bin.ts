#!/usr/bin/env node
// The package's bin: runs the CLI and exits with its code.
import { writeSync } from 'node:fs';
import { main } from './main.js';

for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    // `| head -1`: the reader has gone. What is left to print is dropped; the exit code is still the
    // command's (under `set -o pipefail`, drift found after the reader left still fails the job).
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
    // Any other failure (a full disk, ENOSPC): what was printed is incomplete, and a command that lasts
    // (`sandbox`) would go on with its URL never shown. It ends here, exit 1, said on stderr if stderr
    // can take it. `apply` ended here is a run ended at any point, which its journal resumes.
    try {
      writeSync(2, `error: the output could not be written (${error.code ?? error.message})\n`);
    } catch {}
    process.exit(1);
  });
}

process.exitCode = await main(process.argv.slice(2));
