// `whatsapp-senders`: the client from a terminal or a CI job. Credentials come from the TWILIO_*
// variables. Exit codes: 0 ok, 1 API error or drift, 2 usage or validation error. This module only
// puts the commands together and runs them: each command is a module of commands/.
import { type Command, CommanderError } from 'commander';
import { addApply } from './commands/apply.js';
import { addContract } from './commands/contract.js';
import { addCreate } from './commands/create.js';
import { addDelete } from './commands/delete.js';
import { addGet } from './commands/get.js';
import { addList } from './commands/list.js';
import { addPlan } from './commands/plan.js';
import { addRegister } from './commands/register.js';
import { addSandbox } from './commands/sandbox.js';
import { addUpdate } from './commands/update.js';
import { addVerify } from './commands/verify.js';
import { addWait } from './commands/wait.js';
import { errorLine, exitCode, GoOn } from './format.js';
import { type Globals, type Program, rootCommand, withGlobalFlags } from './globals.js';
import { closeIo } from './io.js';
import { checkBaseUrl } from './names.js';

/** The commands, in the order the help lists them. */
const commands: readonly ((program: Program) => void)[] = [
  addCreate,
  addGet,
  addUpdate,
  addDelete,
  addList,
  addWait,
  addVerify,
  addRegister,
  addSandbox,
  addContract,
  addPlan,
  addApply,
];

/** The exit code a command chose without throwing (`contract` on drift). */
let commandExit = 0;

/** The program with every command. */
export function program(): Command {
  const root = rootCommand();
  const context: Program = {
    root,
    globals: () => root.opts<Globals>(),
    exit: (code) => {
      commandExit = code;
    },
  };
  for (const add of commands) add(context);
  // Before any command runs, in one place: `--base-url` as the client would take it.
  root.hook('preAction', () => checkBaseUrl(context.globals().baseUrl));
  return root;
}

/** Runs the CLI with these arguments; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  commandExit = 0;
  try {
    await program().parseAsync(argv, { from: 'user' });
    return commandExit;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end with exit code 0; a usage mistake was already printed with the help.
      return error.exitCode === 0 ? 0 : 2;
    }
    console.error(errorLine(error instanceof GoOn ? new GoOn(error.error, withGlobalFlags(error.next, argv)) : error));
    return exitCode(error);
  } finally {
    await closeIo();
  }
}
