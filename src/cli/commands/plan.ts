// `whatsapp-senders plan`: reads each account of a fleet file and shows what apply would do, sender
// by sender. Writes nothing; a shared journal is read for its creates in doubt.
import { planFleet } from '../../fleet/index.js';
import { failedAccounts, loadFleetFile } from '../fleet-file.js';
import { planLines, planSummary, printFailures } from '../fleet-output.js';
import { jsonText } from '../format.js';
import { command, type Program, withoutSandbox } from '../globals.js';
import { type JournalFlags, journalHelp, journalOf, journalSchemaHelp, openShared } from '../journal-flags.js';

/** Adds `plan` to the program. */
export function addPlan(program: Program): void {
  command(
    program,
    'plan',
    'read each account of a fleet file and show what apply would do, sender by sender',
    'plan fleet.yaml --json',
  )
    .argument('<file>', 'the fleet file, YAML or JSON')
    .option('--journal <path|url>', journalHelp)
    .option('--journal-schema <name>', journalSchemaHelp)
    .action(async (file: string, flags: JournalFlags) => {
      const { baseUrl, json } = withoutSandbox(program.globals());
      const fleet = await loadFleetFile(file);
      const where = journalOf(file, flags);
      // A shared journal is read for its creates in doubt, and held by no one: a plan to show.
      const shared = where.url ? await openShared(where.url, where.source, flags.journalSchema) : undefined;
      try {
        const plan = await planFleet(fleet, { ...(baseUrl ? { baseUrl } : {}), journal: shared ?? where.path });
        // stdout keeps the entries (as --json always printed them); why an account failed goes to stderr.
        printFailures(file, plan.failures);
        if (json) console.log(jsonText(plan.entries));
        else console.log([...planLines(plan.entries), '', ...planSummary(plan.entries, plan.failures)].join('\n'));
        failedAccounts(file, fleet, plan.failures, 'planned');
      } finally {
        await shared?.close();
      }
    });
}
