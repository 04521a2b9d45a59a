// `whatsapp-senders wait`: waits until a sender reaches one of the statuses given; a status that
// waiting will not leave ends the wait with the command that goes on.

import { Option } from 'commander';
import { defaults } from '../../defaults.js';
import { senderStatuses } from '../../statuses.js';
import type { SenderStatus } from '../../types.js';
import { positive } from '../flags.js';
import { command, type Program } from '../globals.js';
import { connect, show } from '../io.js';
import { named } from '../names.js';
import { readyStatuses, withNextStep } from '../next-step.js';
import { withProgress } from '../progress.js';

interface WaitFlags {
  until: SenderStatus[];
  timeout: number;
  interval: number;
}

/** Adds `wait` to the program. */
export function addWait(program: Program): void {
  command(
    program,
    'wait',
    'wait until a sender reaches a status',
    `wait XE… --until ${readyStatuses.join(' ')} --timeout 600`,
  )
    .argument('<sid>', 'the sender sid')
    .addOption(
      new Option('--until <status...>', 'the statuses to wait for').choices([...senderStatuses]).makeOptionMandatory(),
    )
    .option(
      '--timeout <seconds>',
      'give up after this long',
      (value) => positive(value, '--timeout'),
      defaults.poll.maxWaitMs / 1000,
    )
    .option(
      '--interval <ms>',
      'the first wait between reads',
      (value) => positive(value, '--interval'),
      defaults.poll.intervalMs,
    )
    .action(async (sid: string, flags: WaitFlags) => {
      const globals = program.globals();
      const senders = await connect(globals);
      const limits = { maxWaitMs: flags.timeout * 1000, intervalMs: flags.interval };
      const names = { '$.maxWaitMs': '--timeout', '$.intervalMs': '--interval', '$.statuses': '--until' };
      const waited = withNextStep(sid, () =>
        named(
          () =>
            withProgress(sid, Boolean(globals.json), (wait) =>
              senders.waitForStatus(sid, flags.until, { ...limits, ...wait }),
            ),
          names,
        ),
      );
      show(globals, await waited);
    });
}
