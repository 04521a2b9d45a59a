// `whatsapp-senders list`: the account's WhatsApp senders, as a table (or JSON).
import type { Sender } from '../../types.js';
import { positive } from '../flags.js';
import { command, type Program } from '../globals.js';
import { connect, show } from '../io.js';
import { named } from '../names.js';

/** Adds `list` to the program. */
export function addList(program: Program): void {
  command(program, 'list', 'list the WhatsApp senders of the account', 'list --limit 20 --json')
    .option('--limit <n>', 'at most this many senders', (value) => positive(value, '--limit'))
    .option('--page-size <n>', "senders per request (1 to 1000; by default the service's)", (value) =>
      positive(value, '--page-size'),
    )
    .action(async (flags: { limit?: number; pageSize?: number }) => {
      const senders = await connect(program.globals());
      const found: Sender[] = [];
      await named(
        async () => {
          for await (const sender of senders.iterate({ pageSize: flags.pageSize, limit: flags.limit }))
            found.push(sender);
        },
        { '$.pageSize': '--page-size', '$.limit': '--limit' },
      );
      show(program.globals(), found);
    });
}
