// How a sandbox sender's status moves on by itself, as the service's does (shared/senders-api.md,
// "The Sender as returned"). Which `working` status a change shows first is the service's behaviour,
// which no kind can tell apart, so the three are named here, once; where each goes on its own is by
// the spec's `x-status-kinds`: a created sender to the status that awaits its code, the others to ready.
import { statusesOf, statusKind } from '../statuses.js';
import type { Sender, SenderStatus } from '../types.js';

/** How statuses advance: at once after each change, after `stepMs`, or only by `setStatus`. */
export type Lifecycle = 'instant' | 'timer' | 'manual';

/** The status each change shows first: each is `working`, so a wait goes on through it. */
export const script = {
  /** A create. */
  created: 'CREATING',
  /** An update that submits the one-time password. */
  codeSubmitted: 'VERIFYING',
  /** A profile or webhook change of a ready sender. */
  changed: 'ONLINE:UPDATING',
} as const satisfies Record<string, SenderStatus>;

const [awaitingCode] = statusesOf('awaiting-code');
const [ready] = statusesOf('ready');

/** Where each status of the script goes next on its own. */
export const nextStatus: Partial<Record<SenderStatus, SenderStatus | undefined>> = {
  [script.created]: awaitingCode,
  [script.codeSubmitted]: ready,
  [script.changed]: ready,
};

/** What WhatsApp reports about a number once it is online. */
const onlineProperties = { quality_rating: 'HIGH', messaging_limit: '1K Customers/24hr' } satisfies NonNullable<
  Sender['properties']
>;

/** The reason a sender fails when the test gives none: Twilio error 30008. */
const defaultOfflineReasons = [{ code: '30008', message: 'The phone number is not registered with WhatsApp.' }];

/** Sets a status, with what goes with its kind: offline reasons when `failed`, WhatsApp's properties when `ready`. */
export function setStatus(
  sender: Sender,
  status: SenderStatus,
  offlineReasons?: readonly { code: string; message: string }[],
): void {
  sender.status = status;
  sender.offline_reasons =
    statusKind(status) === 'failed'
      ? (offlineReasons ?? defaultOfflineReasons).map((reason) => ({
          more_info: `https://www.twilio.com/docs/errors/${reason.code}`,
          ...reason,
        }))
      : null;
  if (statusKind(status) === 'ready') sender.properties = { ...onlineProperties };
}

/** Moves senders on from transitional statuses, as the lifecycle says; owns the timers of `timer`. */
export class Advancer {
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(
    readonly lifecycle: Lifecycle,
    readonly stepMs: number,
    /** Whether the sender is still stored, so that a deleted one is left alone. */
    readonly isStored: (sender: Sender) => boolean,
  ) {}

  /** Moves `sender` on from a transitional status. */
  advance(sender: Sender): void {
    const to = nextStatus[sender.status];
    if (!to || this.lifecycle === 'manual') return;
    if (this.lifecycle === 'instant') {
      setStatus(sender, to);
      this.advance(sender);
      return;
    }
    const from = sender.status;
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      // A status set meanwhile (by a test, or a change) wins over this step.
      if (this.isStored(sender) && sender.status === from) {
        setStatus(sender, to);
        this.advance(sender);
      }
    }, this.stepMs);
    // A step never keeps the host process alive on its own.
    timer.unref();
    this.#timers.add(timer);
  }

  /** Cancels every pending step. */
  stop(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }
}
