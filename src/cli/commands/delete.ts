// `whatsapp-senders delete`: deletes a sender, after asking unless --yes.
import { UsageError } from '../format.js';
import { command, type Program } from '../globals.js';
import { ask, connect, show } from '../io.js';
import { named } from '../names.js';

/** Adds `delete` to the program. */
export function addDelete(program: Program): void {
  command(program, 'delete', 'delete a sender; asks first unless --yes', 'delete XE… --yes')
    .argument('<sid>', 'the sender sid')
    .option('--yes', 'do not ask')
    .action(async (sid: string, flags: { yes?: boolean }) => {
      const senders = await connect(program.globals());
      if (!flags.yes) {
        const answer = await ask(`Delete ${sid}? This cannot be undone. [y/N] `);
        if (!/^y(es)?$/i.test(answer?.trim() ?? ''))
          throw new UsageError('not deleted: not confirmed (--yes skips the question)');
      }
      await named(() => senders.delete(sid));
      show(program.globals(), `deleted ${sid}`);
    });
}
