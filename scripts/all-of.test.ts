// An `allOf` of object schemas is read as the one object it means, accepting exactly what the
// `allOf` accepts (checked with Ajv on both forms); what cannot be merged exactly fails generation.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { flattenAllOf } from './all-of.mjs';
import { specPath } from './paths.mjs';
import { requestRules } from './request-rules.mjs';

// biome-ignore lint/suspicious/noExplicitAny: a parsed OpenAPI document, walked by the keys OpenAPI defines
type Json = Record<string, any>;
const spec = () => parse(readFileSync(specPath, 'utf8')) as Json;
const withSchemas = (schemas: Json) => ({ components: { schemas } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** Whether a schema of a document accepts each value, as JSON Schema 2020-12 (OpenAPI 3.1's) says. */
function verdicts(document: Json, name: string, bodies: unknown[]) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  // ajv-formats is CommonJS: its plugin is the module's `default`.
  formats.default(ajv);
  ajv.addSchema({ $id: 'spec', components: document.components });
  const validate = ajv.getSchema(`spec#/components/schemas/${name}`);
  if (!validate) throw new Error(`no schema ${name}`);
  return bodies.map((body) => validate(body));
}

describe("the spec's create profile", () => {
  it('is the update profile with name required and not null, its fields in the same order', () => {
    const schemas = flattenAllOf(spec()).components.schemas;
    const { properties, ...update } = schemas.ProfileInput;
    expect(schemas.ProfileCreateInput).toEqual({
      ...update,
      description: spec().components.schemas.ProfileCreateInput.description,
      required: ['name'],
      properties: { ...properties, name: ref('DisplayName') },
    });
    expect(Object.keys(schemas.ProfileCreateInput.properties)).toEqual(Object.keys(properties));
  });

  it('reaches the request rules as one object, so that their readers see its fields', () => {
    const rules = requestRules(spec()).schemas as Json;
    expect(rules.ProfileCreateInput.allOf).toBeUndefined();
    expect(rules.ProfileCreateInput.required).toEqual(['name']);
    expect(Object.keys(rules.ProfileCreateInput.properties)).toEqual(Object.keys(rules.ProfileInput.properties));
  });

  it('accepts exactly what the allOf accepts', () => {
    const bodies = [
      { name: 'Example Motors' },
      { name: 'Example Motors', about: 'Cars', emails: ['a@example.com'], websites: ['https://example.com'] },
      {},
      { about: 'Cars' },
      { name: null },
      { name: '' },
      { name: 'Example Motors', display_name: 'x' },
      { name: 'Example Motors', websites: ['example.com'] },
    ];
    const written = verdicts(spec(), 'ProfileCreateInput', bodies);
    expect(verdicts(flattenAllOf(spec()), 'ProfileCreateInput', bodies)).toEqual(written);
    expect(written).toEqual([true, true, false, false, false, false, false, false]);
  });
});

describe('flattenAllOf', () => {
  const base = {
    type: 'object',
    additionalProperties: false,
    properties: { name: { anyOf: [{ type: 'string' }, { type: 'null' }] }, about: { type: 'string' } },
  };
  const narrowed = { type: 'object', required: ['name'], properties: { name: { type: 'string' } } };

  it('keeps the narrower of two schemas for one property, whichever part gives it first', () => {
    for (const allOf of [
      [ref('Base'), narrowed],
      [narrowed, ref('Base')],
    ]) {
      const { Both } = flattenAllOf(withSchemas({ Base: base, Both: { allOf } })).components.schemas;
      expect(Both.properties.name).toEqual({ type: 'string' });
      expect(Both.required).toEqual(['name']);
      expect(Both.additionalProperties).toBe(false);
      const bodies = [{ name: 'a' }, { name: null }, {}, { about: 'x' }, { name: 'a', other: 1 }];
      const document = withSchemas({ Base: base, Both: { allOf } });
      expect(verdicts(flattenAllOf(document), 'Both', bodies)).toEqual(verdicts(document, 'Both', bodies));
    }
  });

  it('merges an allOf inside a part, and one in a property, and leaves the document it is given as it was', () => {
    const document = withSchemas({
      Base: base,
      Middle: { allOf: [ref('Base'), narrowed] },
      Top: { type: 'object', properties: { inner: { allOf: [ref('Middle')] } } },
    });
    const before = structuredClone(document);
    const { Top } = flattenAllOf(document).components.schemas;
    expect(Top.properties.inner).toEqual({
      ...base,
      required: ['name'],
      properties: { ...base.properties, ...narrowed.properties },
    });
    expect(document).toEqual(before);
  });

  it('reads an allOf in an example, an enum, or as the name of a property, as data', () => {
    const document = withSchemas({
      Data: {
        type: 'object',
        properties: { allOf: { type: 'string' }, enum: { enum: [{ allOf: [1] }] } },
        examples: [{ allOf: [{ type: 'integer' }] }],
      },
    });
    expect(flattenAllOf(document)).toEqual(document);
  });

  it('fails, naming where, on what it cannot merge exactly', () => {
    const fails = (schemas: Json, message: RegExp) => expect(() => flattenAllOf(withSchemas(schemas))).toThrow(message);
    // Two schemas for one property, neither an alternative of the other.
    fails(
      { Both: { allOf: [{ properties: { a: { type: 'string' } } }, { properties: { a: { type: 'integer' } } }] } },
      /#\/components\/schemas\/Both\/properties\/a: .*neither/,
    );
    // A property added to a part that admits no other key: the allOf refuses it, a merge would accept it.
    fails({ Base: base, Both: { allOf: [ref('Base'), { properties: { extra: {} } }] } }, /adds extra/);
    // A part that is not an object schema.
    fails({ Both: { allOf: [{ type: 'string' }, { pattern: '^a' }] } }, /allOf of "type: "string"" is not flattened/);
    fails({ Both: { allOf: [{ type: 'object', additionalProperties: { type: 'string' } }] } }, /additionalProperties/);
    // A part that contains itself.
    fails({ Loop: { allOf: [ref('Loop')] } }, /contains itself/);
  });
});
