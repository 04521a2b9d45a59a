// Who answers on a port. A test that closes a server and then finds its URL answering has not
// necessarily found a leak: once free, the port can be taken at once by a server of another test file
// running beside it (CI, 2026-12-06). These say which process listens, so that a test can tell.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

/** The process listening on `url`'s port (`ss`): its pid and command line, or an `unknown …` command. */
export function listenerOf(url: string): { pid?: number; command: string } {
  try {
    const listed = execFileSync('ss', ['-Hltnp', `sport = :${new URL(url).port}`], { encoding: 'utf8' });
    const pid = /pid=(\d+)/.exec(listed)?.[1];
    if (!pid) return { command: `unknown: ${listed.trim() || 'no listener'}` };
    return { pid: Number(pid), command: readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ') };
  } catch (error) {
    return { command: `unknown: ${(error as Error).message}` };
  }
}

/** Whether anything answers an HTTP request on `url` within 2 s. */
export const answers = (url: string) =>
  fetch(`${url}/`, { signal: AbortSignal.timeout(2_000) }).then(
    () => true,
    () => false,
  );

/** After a close: nothing answers on `url`, or what answers is another process than this one. */
export async function expectClosedHere(url: string): Promise<void> {
  if (!(await answers(url))) return;
  const { pid, command } = listenerOf(url);
  expect(pid, `${url} answers: ${command}`).toBeDefined();
  expect(pid, `${url} still answers from this process`).not.toBe(process.pid);
}
