// What differs between a sender wanted and the sender as the service returns it, field by field,
// and the update body that makes them agree. The fields come from the spec's update body.
import { labelledItem, resolve, type Schema } from '../schema.js';
import type { Sender, SenderCreate, SenderUpdate } from '../types.js';

/** The spec's update body, by field. */
const fieldSchemas = resolve({ $ref: 'SenderUpdate' }).properties ?? {};

/**
 * The fields a fleet keeps in step: those of the spec's update body, except `configuration`, which
 * carries the one-time password and the registration settings that a sender keeps from its creation.
 */
export const comparedFields: readonly string[] = Object.keys(fieldSchemas).filter((field) => field !== 'configuration');

/** The differences: each as `field` or `field.key`, and the update body that removes them. */
export interface Difference {
  changes: string[];
  patch: SenderUpdate;
}

/** What a sender should be: a create body, or as little as its `sender_id` (nothing else wanted). */
export type Wanted = Pick<SenderCreate, 'sender_id'> & Partial<SenderCreate>;

/** Compares only what `wanted` sets; a key the file leaves out is never a difference. */
export function compareSender(wanted: Wanted, actual: Sender): Difference {
  const changes: string[] = [];
  const patch: Record<string, unknown> = {};
  const want = wanted as Record<string, unknown>;
  const have = actual as Record<string, unknown>;
  for (const field of comparedFields) {
    const value = want[field];
    if (value === undefined) continue;
    const schema = resolve(fieldSchemas[field]);
    const current = have[field] ?? null;
    if (isObject(value) && schema.properties) {
      const part: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) {
        if (item === undefined) continue;
        const keySchema = schema.properties[key];
        const old = isObject(current) ? (current[key] ?? null) : null;
        if (!same(normalize(item, keySchema), normalize(old, keySchema))) {
          changes.push(`${field}.${key}`);
          part[key] = item;
        }
      }
      if (Object.keys(part).length > 0) patch[field] = part;
    } else if (!same(value, current)) {
      changes.push(field);
      patch[field] = value;
    }
  }
  return { changes, patch: patch as SenderUpdate };
}

/**
 * A list field in one form: the spec lets a request give `emails` as one address, a list of
 * addresses, or a list of labelled objects, while the service answers the labelled objects.
 */
function normalize(value: unknown, schema: Schema | undefined): unknown {
  const item = labelledItem(schema);
  if (!item || value === null) return value;
  return [value].flat().map((entry) => {
    const blank = Object.fromEntries(item.fields.map((name) => [name, null]));
    return isObject(entry) ? { ...blank, ...entry } : { ...blank, [item.key]: entry };
  });
}

/**
 * Deep equality of JSON values, whatever the order of keys. A null section is the same as one whose
 * fields are all null or absent: the spec lets a request give `webhook: null`, and the service
 * answers a webhook of nulls.
 */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || a === undefined) return blank(b);
  if (b === null || b === undefined) return blank(a);
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => same(item, b[i]));
  }
  if (!isObject(a) || !isObject(b)) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  // A key absent on one side and null on the other is the same: responses spell out nulls.
  return [...keys].every((key) => same(a[key] ?? null, b[key] ?? null));
}

/** Null, absent, or a section whose fields are all blank. */
const blank = (value: unknown): boolean =>
  value === null || value === undefined || (isObject(value) && Object.values(value).every(blank));

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
