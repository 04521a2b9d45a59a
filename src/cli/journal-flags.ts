// `--journal` and `--journal-schema` of `plan` and `apply`: where the journal is (a file, or a
// PostgreSQL URL), and opening a PostgreSQL one, whose problems are usage errors: nothing was sent.
import { ValidationError } from '../errors.js';
import { type JournalStore, journalPathOf, sharedAccountsAtOnce } from '../fleet/index.js';
import { isPostgresUrl, maskPassword, urlProblem } from '../fleet/postgres-url.js';
import { UsageError } from './format.js';

/** The variable that names the journal when `--journal` does not: a path, or a PostgreSQL URL kept out of argv. */
export const journalVariable = 'WHATSAPP_SENDERS_JOURNAL';

/** The help of `--journal`. */
export const journalHelp =
  `the journal: a file (default: the fleet file and .journal.jsonl beside it), or a PostgreSQL URL ` +
  `(postgres://…) that runs on several hosts share; ${journalVariable} may name it instead`;

/** The help of `--journal-schema`. */
export const journalSchemaHelp = 'the schema of a PostgreSQL journal (default: whatsapp_senders)';

/** The journal flags as given. */
export interface JournalFlags {
  journal?: string;
  journalSchema?: string;
}

/** Where the journal is: a file's path, or a PostgreSQL URL; `source` names where it was given, for messages. */
export type JournalPlace =
  | { path: string; url?: undefined; source?: string }
  | { url: string; path?: undefined; source: string };

/** Where the journal is: `--journal`, else the variable, else beside the fleet file; a URL for PostgreSQL. */
export function journalOf(file: string, flags: JournalFlags): JournalPlace {
  const fromEnv = process.env[journalVariable];
  const given = flags.journal ?? (fromEnv ? fromEnv : undefined);
  const source = flags.journal !== undefined ? '--journal' : given !== undefined ? journalVariable : undefined;
  if (given !== undefined && source !== undefined && isPostgresUrl(given)) {
    const problem = urlProblem(given);
    if (problem) throw new UsageError(`${source}: ${maskPassword(given)} ${problem}; nothing was sent`);
    return { url: given, source };
  }
  if (flags.journalSchema !== undefined)
    throw new UsageError(
      `--journal-schema names the schema of a PostgreSQL journal: give --journal postgres://… (or ${journalVariable}); nothing was sent`,
    );
  return { path: given ?? journalPathOf(file), ...(source ? { source } : {}) };
}

/** Opens the PostgreSQL journal; a store that cannot start is a usage error: nothing was sent. */
export async function openShared(
  url: string,
  source: string,
  schema: string | undefined,
  accountsAtOnce = sharedAccountsAtOnce,
): Promise<JournalStore> {
  const { openPostgresJournal, PostgresJournalError } = await import('../fleet/postgres.js');
  try {
    // A connection for each account worked at once, and one more.
    const maxConnections = accountsAtOnce + 1;
    return await openPostgresJournal({
      connectionString: url,
      maxConnections,
      ...(schema !== undefined ? { schema } : {}),
    });
  } catch (error) {
    // A bad schema is the flag's: the rest is the URL's, or the server's.
    if (error instanceof ValidationError && error.issues.every((issue) => issue.path === '$.schema'))
      throw new UsageError(`--journal-schema ${schema}: ${error.issues[0]?.message}; nothing was sent`);
    if (error instanceof PostgresJournalError || error instanceof ValidationError)
      throw new UsageError(`${source}: ${error.message}; nothing was sent`);
    throw error;
  }
}
