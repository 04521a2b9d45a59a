// `whatsapp-senders/fleet`: many senders across many accounts, from one file. Node only, and never
// in the main entry. loadFleet reads and checks the file; planFleet reads each account and matches
// it; applyFleet carries the plan out, journalled, so that a run killed at any moment resumes and
// never creates a sender twice.

/** The fleet's numbers (its options' defaults among them), one place for each; read-only. */
export { fleetDefaults } from '../defaults.js';
export type { AccountCredentials, AccountFailure, ConnectOptions } from './accounts.js';
export type { ApplyOptions, FleetEvent, FleetReport, ReportEntry } from './apply.js';
export { applyFleet, journalPathOf, sharedAccountsAtOnce } from './apply.js';
export { compareSender, type Difference } from './compare.js';
export { EnsureSenderError, type EnsureSenderOptions, type EnsureSenderResult, ensureSender } from './ensure.js';
export type { Fleet, FleetAccount, FleetSender } from './file.js';
export { checkFleet, loadFleet, parseFleet } from './file.js';
export {
  type AccountHold,
  type CreateInDoubt,
  type FileJournal,
  JournalBusyError,
  type JournalLine,
  type JournalStore,
  openJournal,
  type SkippedLine,
} from './journal.js';
export type { FleetPlan, PlanAction, PlanEntry, PlanOptions } from './plan.js';
export { planFleet } from './plan.js';
export type { ErrorRecord } from './records.js';
