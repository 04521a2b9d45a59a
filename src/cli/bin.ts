#!/usr/bin/env node
// The package's bin: runs the CLI and exits with its code.
import { main } from './main.js';

/** A write to stdout or stderr that failed for another reason than its reader going away. */
let unwritten: NodeJS.ErrnoException | undefined;
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    // `| head -1`: the reader has gone. What is left to print is dropped; the exit code is still the
    // command's (under `set -o pipefail`, drift found after the reader left still fails the job).
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
    unwritten ??= error;
  });
}

const code = await main(process.argv.slice(2));
// A failed write is told on the next tick; the command may have ended within this one (`--version`).
await new Promise((resolve) => setImmediate(resolve));
if (unwritten) {
  // A full disk (ENOSPC), say: what was printed is incomplete, which is a failure, said where it can be.
  process.stderr.write(`error: the output could not be written (${unwritten.code ?? unwritten.message})\n`);
}
process.exitCode = unwritten ? Math.max(code, 1) : code;
