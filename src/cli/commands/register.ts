// `whatsapp-senders register`: create, wait for the one-time password, ask for it (a few tries),
// verify, wait until ready. Where it stops, its last line is the command that goes on.
import { ApiError, SenderStatusError, type SendersClient } from '../../index.js';
import { statusKind } from '../../statuses.js';
import type { Sender, SenderCreate } from '../../types.js';
import { errorLine, GoOn, UsageError } from '../format.js';
import { command, type Program } from '../globals.js';
import { ask, connect, readJson, show } from '../io.js';
import { named } from '../names.js';
import { afterVerify, codeOrReady, goOnFrom, readyStatuses } from '../next-step.js';
import { withProgress } from '../progress.js';

/** How many codes register asks for before it gives up. */
const codeTries = 3;

/** Adds `register` to the program. */
export function addRegister(program: Program): void {
  command(
    program,
    'register',
    `create, wait for the one-time password, ask for it (${codeTries} tries), verify, wait until ${readyStatuses.join(' ')}`,
    'register --file sender.json',
  )
    .requiredOption('--file <path>', 'the create body as JSON')
    .action(async (flags: { file: string }) => {
      const body = (await readJson(flags.file)) as SenderCreate;
      const senders = await connect(program.globals());
      const quiet = Boolean(program.globals().json);
      const created = await createAndWait(senders, body, flags.file, quiet);
      show(program.globals(), await verifyAsked(senders, created, quiet));
    });
}

/** Creates the sender and waits until it awaits its code (or is ready); a failure says how to go on. */
async function createAndWait(senders: SendersClient, body: SenderCreate, file: string, quiet: boolean) {
  let sid: string | undefined;
  try {
    return await named(
      () =>
        withProgress(
          body.sender_id ?? 'sender',
          quiet,
          (wait) => senders.register(body, wait),
          (seen) => {
            sid = seen.sid;
          },
        ),
      {},
      file,
    );
  } catch (error) {
    if (sid) {
      const status = error instanceof SenderStatusError ? error.senderStatus : undefined;
      throw new GoOn(
        error,
        status ? goOnFrom(sid, status) : `whatsapp-senders wait ${sid} --until ${codeOrReady.join(' ')}`,
      );
    }
    // A refused create may be a number registered already (an earlier register that gave up):
    // the account's own sender with this sender_id says how to go on.
    const existing =
      error instanceof ApiError && error.status < 500 ? await findSender(senders, body.sender_id) : undefined;
    if (existing) throw new GoOn(error, goOnFrom(existing.sid, existing.status));
    throw error;
  }
}

/** The account's sender with this sender_id, if it can be found. */
async function findSender(senders: SendersClient, senderId: unknown): Promise<Sender | undefined> {
  try {
    for await (const each of senders.iterate({ pageSize: 1000 })) if (each.sender_id === senderId) return each;
  } catch {
    // The lookup is a courtesy: the create's own error is what is reported.
  }
  return undefined;
}

/** While the sender awaits its code: asks for it and verifies, up to `codeTries` codes mistyped. */
async function verifyAsked(senders: SendersClient, created: Sender, quiet: boolean): Promise<Sender> {
  let sender = created;
  const { sid } = created;
  for (let attempt = 1; statusKind(sender.status) === 'awaiting-code'; attempt++) {
    const question =
      attempt === 1
        ? `Enter the code sent to ${sender.sender_id}: `
        : `Enter the code again (try ${attempt} of ${codeTries}): `;
    const code = (await ask(question))?.trim();
    if (!code) throw new GoOn(new UsageError('no code given'), `whatsapp-senders verify ${sid} <code>`);
    try {
      sender = await named(() => withProgress(sid, quiet, (wait) => senders.verify(sid, code, wait)), {
        '$.configuration.verification_code': 'the code',
      });
    } catch (error) {
      const mistyped = error instanceof UsageError || (error instanceof ApiError && error.status === 400);
      if (!mistyped || attempt >= codeTries) throw new GoOn(error, afterVerify(sid, error));
      process.stderr.write(`${errorLine(error)}\n`);
    }
  }
  return sender;
}
