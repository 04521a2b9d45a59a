// `whatsapp-senders get`: one sender, a field a line (or JSON).
import { command, type Program } from '../globals.js';
import { connect, show } from '../io.js';
import { named } from '../names.js';

/** Adds `get` to the program. */
export function addGet(program: Program): void {
  command(program, 'get', 'show one sender', 'get XE1234567890abcdef1234567890abcdef')
    .argument('<sid>', 'the sender sid, XE and 32 hex digits')
    .action(async (sid: string) => {
      const senders = await connect(program.globals());
      show(program.globals(), await named(() => senders.get(sid)));
    });
}
