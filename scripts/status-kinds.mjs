// Renders generated/statuses.ts: every status of the spec's `SenderStatus` with its kind, from the
// schema's `x-status-kinds`. A status without a kind, a kind this package does not know, or a kind
// given to a status the enum lacks fails generation: a new status cannot reach a wait unclassified.

const extension = 'x-status-kinds';

/**
 * The kinds, and what each tells a caller who waits. The client branches on these names, so they
 * are the generator's to know; the spec only assigns them.
 */
export const kinds = {
  working: 'it moves on by itself: keep waiting',
  'awaiting-code': 'it waits for the one-time password: submit it with an update (verify)',
  ready: 'it is online and can send',
  failed: 'it failed: its offline_reasons say why',
  'action-needed': 'it will not move on by itself: someone must act',
};

/**
 * @param {any} document the parsed OpenAPI document
 * @returns {{ status: string, kind: string }[]} in the enum's order
 */
export function statusKinds(document) {
  const schema = document?.components?.schemas?.SenderStatus;
  const statuses = schema?.enum;
  if (!Array.isArray(statuses) || statuses.length === 0) throw new Error('SenderStatus: needs an enum');
  const given = schema[extension];
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    throw new Error(`SenderStatus: needs ${extension}, a map from each status to its kind`);
  }
  const known = Object.keys(kinds).join(', ');
  const problems = [];
  for (const status of statuses) {
    if (!Object.hasOwn(given, status)) problems.push(`${status} has no kind in ${extension} (one of ${known})`);
    else if (!Object.hasOwn(kinds, given[status]))
      problems.push(`${status} has the kind ${JSON.stringify(given[status])}, which is not one of ${known}`);
  }
  for (const status of Object.keys(given)) {
    if (!statuses.includes(status)) problems.push(`${extension} names ${status}, which is not in the enum`);
  }
  if (problems.length > 0) throw new Error(`SenderStatus: ${problems.join('; ')}`);
  return statuses.map((status) => ({ status, kind: given[status] }));
}

/**
 * The text of generated/statuses.ts, below its header.
 * @param {any} document the parsed OpenAPI document
 */
export function renderStatuses(document) {
  const rows = statusKinds(document).map(
    ({ status, kind }) => `  ${JSON.stringify(status)}: ${JSON.stringify(kind)},\n`,
  );
  const kindLines = Object.entries(kinds).map(([kind, meaning]) => ` * - \`${kind}\`: ${meaning}\n`);
  return `import type { components } from './senders.js';

/**
 * What a status means to a caller who waits:
${kindLines.join('')} */
export type StatusKind = ${Object.keys(kinds)
    .map((kind) => JSON.stringify(kind))
    .join(' | ')};

/** Every status of the spec with its kind, from \`SenderStatus\`'s \`${extension}\`, in the enum's order. */
export const statusKinds = {
${rows.join('')}} as const satisfies { readonly [Status in components['schemas']['SenderStatus']]: StatusKind };

/** Every status a sender can have, in the spec's order: for checks, and for tools that offer them as choices (the CLI). */
export const senderStatuses = Object.keys(statusKinds) as readonly (keyof typeof statusKinds)[];
`;
}
