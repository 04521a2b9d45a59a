// `whatsapp-senders verify`: submits the one-time password, then waits until the sender is ready.
import { command, type Program } from '../globals.js';
import { connect, show } from '../io.js';
import { named } from '../names.js';
import { readyStatuses, withNextStep } from '../next-step.js';
import { withProgress } from '../progress.js';

/** Adds `verify` to the program. */
export function addVerify(program: Program): void {
  command(
    program,
    'verify',
    `submit the one-time password, then wait until ${readyStatuses.join(' ')}`,
    'verify XE… 123456',
  )
    .argument('<sid>', 'the sender sid')
    .argument('<code>', 'the code that reached the number')
    .action(async (sid: string, code: string) => {
      const globals = program.globals();
      const senders = await connect(globals);
      const names = { '$.configuration.verification_code': '<code>' };
      show(
        globals,
        await withNextStep(sid, () =>
          named(() => withProgress(sid, Boolean(globals.json), (wait) => senders.verify(sid, code, wait)), names),
        ),
      );
    });
}
