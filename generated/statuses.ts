// Generated from openapi/senders.yaml by scripts/status-kinds.mjs.
// Do not edit by hand: change the spec and run `npm run generate`.

import type { components } from './senders.js';

/**
 * What a status means to a caller who waits:
 * - `working`: it moves on by itself: keep waiting
 * - `awaiting-code`: it waits for the one-time password: submit it with an update (verify)
 * - `ready`: it is online and can send
 * - `failed`: it failed: its offline_reasons say why
 * - `action-needed`: it will not move on by itself: someone must act
 */
export type StatusKind = "working" | "awaiting-code" | "ready" | "failed" | "action-needed";

/** Every status of the spec with its kind, from `SenderStatus`'s `x-status-kinds`, in the enum's order. */
export const statusKinds = {
  "CREATING": "working",
  "ONLINE": "ready",
  "OFFLINE": "failed",
  "PENDING_VERIFICATION": "awaiting-code",
  "VERIFYING": "working",
  "ONLINE:UPDATING": "working",
  "TWILIO_REVIEW": "working",
  "DRAFT": "action-needed",
  "STUBBED": "action-needed",
} as const satisfies { readonly [Status in components['schemas']['SenderStatus']]: StatusKind };

/** Every status a sender can have, in the spec's order: for checks, and for tools that offer them as choices (the CLI). */
export const senderStatuses = Object.keys(statusKinds) as readonly (keyof typeof statusKinds)[];
