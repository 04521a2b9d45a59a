// The global options: `--sandbox` and `--base-url` each name where the command goes, so they are not
// taken together (the sandbox won, silently, and `list` answered from an empty one).
import { expect, it, vi } from 'vitest';
import { main } from './main.js';

it('refuses --sandbox with --base-url, in either order, with exit 2 and before anything starts', async () => {
  for (const argv of [
    ['--sandbox', '--base-url', 'http://127.0.0.1:1', 'list'],
    ['list', '--base-url', 'http://127.0.0.1:1', '--sandbox'],
  ]) {
    const written: string[] = [];
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await main(argv)).toBe(2);
    } finally {
      stderr.mockRestore();
      stdout.mockRestore();
    }
    expect(written.join('')).toContain("error: option '--sandbox' cannot be used with option '--base-url <url>'");
    expect(written.join('')).not.toContain('sandbox: a fresh in-memory service');
  }
});
