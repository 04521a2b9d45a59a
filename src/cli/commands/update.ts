// `whatsapp-senders update`: changes a sender (202) with a JSON patch of the keys to change.
import type { SenderUpdate } from '../../types.js';
import { command, type Program } from '../globals.js';
import { connect, readJson, show } from '../io.js';
import { named } from '../names.js';

/** Adds `update` to the program. */
export function addUpdate(program: Program): void {
  command(
    program,
    'update',
    'change a sender (202) with a JSON patch of the keys to change',
    'update XE… --file patch.json',
  )
    .argument('<sid>', 'the sender sid')
    .requiredOption('--file <path>', 'the update body as JSON')
    .action(async (sid: string, flags: { file: string }) => {
      const body = (await readJson(flags.file)) as SenderUpdate;
      const senders = await connect(program.globals());
      show(program.globals(), await named(() => senders.update(sid, body), {}, flags.file));
    });
}
