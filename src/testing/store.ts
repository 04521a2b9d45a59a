// The sandbox's senders, in memory, in the shape the service returns them. Which sections a body
// has (configuration, webhook, profile) and which fields each holds come from the spec's request
// rules, so that a field added to the spec is stored and returned without a change here.
import { randomBytes } from 'node:crypto';
import { labelledItem, resolve } from '../schema.js';
import type { Sender, SenderCreate, SenderUpdate } from '../types.js';
import { script } from './lifecycle.js';

type Json = Record<string, unknown>;

/** A section of a body (`configuration`, `webhook`, `profile`): its fields, and the list keys of its list fields. */
interface Section {
  fields: string[];
  lists: Record<string, string>;
}

/** Every section and top-level scalar a create or update body may carry, from the spec. */
const sections: Record<string, Section> = {};
const scalars: string[] = [];
const bodies = { ...resolve({ $ref: 'SenderCreate' }).properties, ...resolve({ $ref: 'SenderUpdate' }).properties };
for (const [name, property] of Object.entries(bodies)) {
  const section = resolve(property).properties;
  if (section) {
    const fields = Object.keys(section);
    const lists = Object.fromEntries(
      fields.flatMap((field) => {
        const key = labelledItem(section[field])?.key;
        return key ? [[field, key]] : [];
      }),
    );
    sections[name] = { fields, lists };
  } else scalars.push(name);
}

/** The section field that carries the one-time password: never stored, never echoed (the spec: `type: null`). */
export const codeField = 'verification_code';

/** `"a@example.com"` or `["a@example.com", { email, label }]` → `[{ email, label }]`. */
function entries(value: unknown, key: string): unknown {
  if (value === null) return null;
  return [value]
    .flat()
    .map((item) => (typeof item === 'string' ? { [key]: item, label: null } : { label: null, ...(item as Json) }));
}

/** Applies the keys sent, and only those; `null` clears a field, and a whole section when it is the section. */
export function apply(sender: Sender, body: SenderCreate | SenderUpdate): void {
  const target = sender as unknown as Json;
  const given = body as unknown as Json;
  for (const name of scalars) {
    if (name in given && name !== 'sender_id') target[name] = given[name] ?? null;
  }
  for (const [name, { fields, lists }] of Object.entries(sections)) {
    if (!(name in given)) continue;
    const values = (given[name] ?? Object.fromEntries(fields.map((field) => [field, null]))) as Json;
    const stored = (target[name] ?? Object.fromEntries(fields.map((field) => [field, null]))) as Json;
    for (const [field, value] of Object.entries(values)) {
      if (field === codeField || value === undefined) continue;
      const key = lists[field];
      stored[field] = key ? entries(value, key) : value;
    }
    target[name] = stored;
  }
}

/** A new sender from a create body, in the shape the service returns: every known field present, null when unset. */
export function createSender(body: SenderCreate): Sender {
  const sender: Json = {
    sid: `XE${randomBytes(16).toString('hex')}`,
    status: script.created,
    sender_id: body.sender_id,
    ...Object.fromEntries(scalars.filter((name) => name !== 'sender_id').map((name) => [name, null])),
    ...Object.fromEntries(
      Object.entries(sections).map(([name, { fields }]) => [name, Object.fromEntries(fields.map((f) => [f, null]))]),
    ),
    properties: { quality_rating: null, messaging_limit: null } satisfies NonNullable<Sender['properties']>,
    offline_reasons: null,
  };
  apply(sender as unknown as Sender, body);
  return sender as unknown as Sender;
}

/** The sender as the service shows it, with its own URL on the address the client used. */
export function render(sender: Sender, base: string, collection: string): Sender {
  return { ...structuredClone(sender), url: `${base}${collection}/${sender.sid}` };
}

/**
 * Every sender of the sandbox, each owned by one account (the Basic user name; '' when accounts are
 * not kept apart), indexed by account and by sender_id so that a create or a page costs the same
 * with 100,000 senders as with 10.
 */
export class Store {
  /** By sid, in creation order. */
  readonly senders = new Map<string, Sender>();
  readonly #owners = new Map<string, string>();
  /** Each account's senders, by sid, in creation order. */
  readonly #accounts = new Map<string, Map<string, Sender>>();
  /** Each account's senders by sender_id (the service refuses a second create of one). */
  readonly #numbers = new Map<string, Map<string, Sender>>();

  add(account: string, sender: Sender): void {
    this.senders.set(sender.sid, sender);
    this.#owners.set(sender.sid, account);
    const own = this.#accounts.get(account) ?? new Map<string, Sender>();
    this.#accounts.set(account, own);
    own.set(sender.sid, sender);
    const numbers = this.#numbers.get(account) ?? new Map<string, Sender>();
    this.#numbers.set(account, numbers);
    if (!numbers.has(sender.sender_id)) numbers.set(sender.sender_id, sender);
  }

  /** The account's sender with this sid; another account's is not found. */
  get(account: string, sid: string): Sender | undefined {
    return this.#owners.get(sid) === account ? this.senders.get(sid) : undefined;
  }

  delete(sid: string): void {
    const owner = this.#owners.get(sid);
    if (owner !== undefined) {
      this.#accounts.get(owner)?.delete(sid);
      const numbers = this.#numbers.get(owner);
      const sender = this.senders.get(sid);
      if (sender && numbers?.get(sender.sender_id) === sender) numbers.delete(sender.sender_id);
    }
    this.senders.delete(sid);
    this.#owners.delete(sid);
  }

  /** The account's senders, in creation order. */
  of(account: string): Sender[] {
    return [...(this.#accounts.get(account)?.values() ?? [])];
  }

  /** The account's senders from `start`, at most `count` of them, and how many it has: a page, without copying the rest. */
  page(account: string, start: number, count: number): { senders: Sender[]; total: number } {
    const own = this.#accounts.get(account);
    if (!own) return { senders: [], total: 0 };
    const senders: Sender[] = [];
    let index = 0;
    for (const sender of own.values()) {
      if (index >= start + count) break;
      if (index++ >= start) senders.push(sender);
    }
    return { senders, total: own.size };
  }

  /** The account's sender with this sender_id, if it has one. */
  findBySenderId(account: string, senderId: string): Sender | undefined {
    return this.#numbers.get(account)?.get(senderId);
  }

  /** Whether the sender is still stored, as this very object. */
  holds(sender: Sender): boolean {
    return this.senders.get(sender.sid) === sender;
  }
}
