// Prints what Prism logged while a contract test ran, when that test fails: Prism says why it answered as it did.
import { open, stat } from 'node:fs/promises';
import { beforeEach, inject } from 'vitest';

const maxLines = 60;

beforeEach(async ({ onTestFailed }) => {
  const log = inject('prismLog');
  if (!log) return;
  const start = (await stat(log).catch(() => ({ size: 0 }))).size;
  onTestFailed(async () => {
    // Give Prism's last lines a moment to reach the file.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const file = await open(log, 'r');
    try {
      const { size } = await file.stat();
      const { buffer, bytesRead } = await file.read(Buffer.alloc(size - start), 0, size - start, start);
      const lines = buffer.subarray(0, bytesRead).toString('utf8').trimEnd().split('\n');
      console.error(`--- Prism's log while this test ran (${log}) ---\n${lines.slice(-maxLines).join('\n')}`);
    } finally {
      await file.close();
    }
  });
});
