// fast-check arbitraries built from the spec's own request schemas (generated/request-rules.ts):
// bodies the spec accepts, and mutations of them that it may not.
import fc from 'fast-check';
import { requestRules } from '../generated/request-rules.js';
import type { Schema } from '../src/validate.js';

const schemas = requestRules.schemas as unknown as Record<string, Schema>;

const lengthFits = (schema: Schema) => (value: string) => {
  const length = [...value].length;
  return length >= (schema.minLength ?? 0) && length <= (schema.maxLength ?? Number.POSITIVE_INFINITY);
};

function string(schema: Schema): fc.Arbitrary<string> {
  const fits = lengthFits(schema);
  const pattern = schema.pattern === undefined ? undefined : new RegExp(schema.pattern, 'u');
  const matches = (value: string) => fits(value) && (pattern?.test(value) ?? true);
  if (schema.format === 'uri') return fc.webUrl({ validSchemes: ['http', 'https'] }).filter(matches);
  if (schema.format === 'email') return fc.emailAddress().filter(matches);
  if (pattern) return fc.stringMatching(pattern).filter(matches);
  return fc.string({
    unit: 'grapheme',
    minLength: schema.minLength ?? 0,
    maxLength: Math.min(schema.maxLength ?? 24, 24),
  });
}

/** Values `schema` accepts. */
export function valid(schema: Schema): fc.Arbitrary<unknown> {
  if (schema.$ref !== undefined) return valid(schemas[schema.$ref] ?? {});
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map(valid));
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.const !== undefined) return fc.constant(schema.const);
  const type = typeof schema.type === 'string' ? schema.type : schema.type?.[0];
  switch (type) {
    case 'string':
      return string(schema);
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6 });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(valid(schema.items ?? {}), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 3, 3),
      });
    case 'object': {
      const properties = Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([key, sub]) => [key, valid(sub)]),
      );
      return fc.record(properties, { requiredKeys: [...(schema.required ?? [])] });
    }
    default:
      return fc.jsonValue({ maxDepth: 1 });
  }
}

/** Every path to a value inside `value`, the root included. */
function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const found = [at];
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      found.push(...paths(item, [...at, Array.isArray(value) ? Number(key) : key]));
    }
  }
  return found;
}

const mutationKinds = ['replace', 'delete', 'add-key', 'append', 'repeat', 'case'] as const;

/** One change to a valid value: the spec may or may not still accept the result. */
export function mutated(base: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .record({
      value: base,
      pick: fc.nat(),
      kind: fc.constantFrom(...mutationKinds),
      junk: fc.jsonValue({ maxDepth: 2 }),
      suffix: fc.constantFrom(' ', 'x', '0', '/', '\u00e9', '\n', '?', '@'),
      times: fc.integer({ min: 2, max: 600 }),
    })
    .map(({ value, pick, kind, junk, suffix, times }) => {
      const copy = structuredClone(value);
      const all = paths(copy);
      const path = all[pick % all.length] ?? [];
      if (path.length === 0) return kind === 'replace' ? junk : copy;
      type Node = Record<string | number, unknown> & unknown[];
      const parent = path.slice(0, -1).reduce((node, key) => node[key] as Node, copy as Node);
      const key = path[path.length - 1] as string | number;
      const current = parent[key];
      if (kind === 'replace') parent[key] = junk;
      else if (kind === 'delete') Array.isArray(parent) ? parent.splice(key as number, 1) : delete parent[key];
      else if (kind === 'add-key' && typeof current === 'object' && current !== null && !Array.isArray(current))
        (current as Record<string, unknown>)[`x_${typeof junk}`] = junk;
      else if (typeof current === 'string') {
        parent[key] =
          kind === 'append'
            ? current + suffix
            : kind === 'repeat'
              ? current.repeat(times)
              : current === current.toUpperCase()
                ? current.toLowerCase()
                : current.toUpperCase();
      } else parent[key] = junk;
      return copy;
    });
}

/** The request body schema of an operation. */
export const bodySchema = (operationId: 'createSender' | 'updateSender'): Schema =>
  (requestRules.operations[operationId] as { body: { schema: Schema } }).body.schema;
