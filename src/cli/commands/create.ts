// `whatsapp-senders create`: registers a sender (202) from a JSON file, from flags, or both; the
// flags override the file, and say so.
import type { SenderCreate } from '../../types.js';
import { UsageError } from '../format.js';
import { command, type Program } from '../globals.js';
import { connect, readJson, show } from '../io.js';
import { named } from '../names.js';

interface CreateFlags {
  file?: string;
  senderId?: string;
  name?: string;
  wabaId?: string;
}

/** Adds `create` to the program. */
export function addCreate(program: Program): void {
  command(
    program,
    'create',
    'register a sender (202): from a JSON file, from options, or both (the options override the file)',
    'create --sender-id whatsapp:+15017122661 --name "Example Motors"',
  )
    .option('--file <path>', 'the create body as JSON')
    .option('--sender-id <id>', "the number, as whatsapp:+E.164 (overrides the file's sender_id)")
    .option('--name <name>', "the profile name (overrides the file's profile.name)")
    .option('--waba-id <id>', "the WhatsApp Business Account id (overrides the file's configuration.waba_id)")
    .action(async (flags: CreateFlags) => {
      if (!flags.file && !flags.senderId) {
        throw new UsageError('create needs --file, or --sender-id (with --name and --waba-id if you like)');
      }
      const { body, names } = await bodyOf(flags);
      const senders = await connect(program.globals());
      show(program.globals(), await named(() => senders.create(body as SenderCreate), names, flags.file));
    });
}

/** The create body: the file's, with the flags over it; and which flag each path came from, for errors. */
async function bodyOf(flags: CreateFlags) {
  const body: Record<string, unknown> = flags.file ? await readJson(flags.file) : {};
  const names: Record<string, string> = {};
  const override = (flag: string, value: string | undefined, section: string | undefined, key: string) => {
    if (value === undefined) return;
    const holder = section ? (body[section] ?? {}) : body;
    if (section) body[section] = holder;
    const path = `$.${section ? `${section}.` : ''}${key}`;
    const fields = holder as Record<string, unknown>;
    if (flags.file && fields[key] !== undefined && fields[key] !== value) {
      process.stderr.write(`note: ${flag} overrides ${path.slice(2)} of ${flags.file}\n`);
    }
    fields[key] = value;
    names[path] = flag;
  };
  override('--sender-id', flags.senderId, undefined, 'sender_id');
  override('--name', flags.name, 'profile', 'name');
  override('--waba-id', flags.wabaId, 'configuration', 'waba_id');
  // Without a file, a missing sender id or profile (its name) is a missing flag.
  if (!flags.file) Object.assign(names, { '$.sender_id': '--sender-id', '$.profile': '--name', ...names });
  return { body, names };
}
