// The global options: `--sandbox` and `--base-url` each name where the command goes, so they are not
// taken together (the sandbox won, silently, and `list` answered from an empty one); `--base-url` is
// checked for every command, as the client checks a base URL, before the command runs.
import { expect, it, vi } from 'vitest';
import { main } from './main.js';

it('refuses --sandbox with --base-url, in either order, with exit 2 and before anything starts', async () => {
  for (const argv of [
    ['--sandbox', '--base-url', 'http://127.0.0.1:1', 'list'],
    ['list', '--base-url', 'http://127.0.0.1:1', '--sandbox'],
  ]) {
    const { code, stderr } = await run(argv);
    expect(code).toBe(2);
    expect(stderr).toContain("error: option '--sandbox' cannot be used with option '--base-url <url>'");
    expect(stderr).not.toContain('sandbox: a fresh in-memory service');
  }
});

/** Runs the CLI in this process; its exit code and what it wrote on stderr. */
async function run(argv: string[]) {
  const written: string[] = [];
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    written.push(String(chunk));
    return true;
  });
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  // The CLI's own error lines (console.error), beside commander's (stderr.write).
  const error = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    written.push(`${args.join(' ')}\n`);
  });
  try {
    return { code: await main(argv), stderr: written.join('') };
  } finally {
    stderr.mockRestore();
    stdout.mockRestore();
    error.mockRestore();
  }
}

it('refuses a --base-url the client would refuse, for every command, naming the flag and not the password; and --sandbox where it cannot apply', async () => {
  for (const [argv, message] of [
    // Empty was taken for "not given": requests went to Twilio.
    [['list', '--base-url', ''], '--base-url: must be an absolute http(s) URL'],
    [['plan', 'fleet.yaml', '--base-url', 'http://u:s3cret@127.0.0.1:1'], '--base-url: must not carry credentials'],
    [['apply', 'fleet.yaml', '--base-url', 'ftp://127.0.0.1:1'], '--base-url: must be'],
    [['contract', '--base-url', ''], '--base-url: must be an absolute http(s) URL'],
    [['sandbox', '--base-url', 'http://127.0.0.1:1'], 'sandbox starts a service of its own'],
    // It checked the real service with the shell's TWILIO_* credentials, --sandbox dropped.
    [['contract', '--sandbox'], '--sandbox starts an empty service for one command'],
  ] as const) {
    const { code, stderr } = await run([...argv]);
    expect(code, argv.join(' ')).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).not.toContain('s3cret');
  }
});
