// Progress of the waiting commands on stderr: a spinner in a terminal wide enough for one, else one
// plain line at the end. A spinner in a pipe, a CI log or a 0-column pty redraws without end.
import { createSpinner } from 'nanospinner';
import type { WaitOptions } from '../lifecycle.js';
import { escapeControl } from '../transport/text.js';
import type { Sender } from '../types.js';

/** Narrower than this, a spinner line wraps and each redraw adds a line. */
const minimumColumns = 20;

/** Whether stderr is a terminal where a spinner redraws in place. */
export function canAnimate(stream: NodeJS.WriteStream = process.stderr): boolean {
  return stream.isTTY === true && (stream.columns ?? 0) >= minimumColumns;
}

/** Shows a wait's progress: `✔ XE…: <status> (2.0 s)` at the end; a spinner meanwhile where one can run. */
export function progress(what: string, quiet: boolean): Pick<WaitOptions, 'onStatus'> & { done(ok: boolean): void } {
  const started = Date.now();
  let status = '';
  // The status and the sid come from the service: escaped, they cannot forge a line.
  const text = () => escapeControl(`${what}: ${status || '…'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (quiet) return { onStatus: () => undefined, done: () => undefined };
  if (!canAnimate()) {
    return {
      onStatus: (sender) => {
        status = sender.status;
      },
      // A wait that failed before any status was read has nothing to show.
      done: (ok) => {
        if (ok || status) process.stderr.write(`${ok ? '✔' : '✖'} ${text()}\n`);
      },
    };
  }
  const spinner = createSpinner(`${what}…`, { stream: process.stderr }).start();
  const timer = setInterval(() => spinner.update({ text: text() }), 200);
  return {
    onStatus: (sender: Sender) => {
      status = sender.status;
      spinner.update({ text: text() });
    },
    done(ok) {
      clearInterval(timer);
      if (ok) spinner.success({ text: text() });
      else spinner.error({ text: text() });
    },
  };
}

/** Runs a wait with its progress shown. */
export async function withProgress(
  what: string,
  quiet: boolean,
  wait: (options: WaitOptions) => Promise<Sender>,
  onSender?: (sender: Sender) => void,
): Promise<Sender> {
  const shown = progress(what, quiet);
  try {
    const sender = await wait({
      onStatus: (sender) => {
        onSender?.(sender);
        shown.onStatus?.(sender);
      },
    });
    shown.done(true);
    return sender;
  } catch (error) {
    shown.done(false);
    throw error;
  }
}
