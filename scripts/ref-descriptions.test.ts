import { describe, expect, it } from 'vitest';
import { describeReferences } from './ref-descriptions.mjs';

const document = () => ({
  openapi: '3.1.0',
  components: {
    schemas: {
      Status: { type: 'string', description: 'Where it is.', enum: ['A', 'B'] },
      Url: { type: 'string', description: 'An absolute URL.' },
      NullableUrl: { anyOf: [{ $ref: '#/components/schemas/Url' }, { type: 'null' }] },
      Bare: { type: 'string' },
      Loop: { $ref: '#/components/schemas/Loop' },
      Thing: {
        type: 'object',
        properties: {
          status: { $ref: '#/components/schemas/Status' },
          own: { $ref: '#/components/schemas/Status', description: 'Its own words.' },
          link: { $ref: '#/components/schemas/NullableUrl' },
          maybe: { anyOf: [{ $ref: '#/components/schemas/Status' }, { type: 'null' }] },
          either: { anyOf: [{ $ref: '#/components/schemas/Status' }, { $ref: '#/components/schemas/Url' }] },
          bare: { $ref: '#/components/schemas/Bare' },
          loop: { $ref: '#/components/schemas/Loop' },
          nested: { type: 'object', properties: { status: { $ref: '#/components/schemas/Status' } } },
          list: { type: 'array', items: { type: 'object', properties: { url: { $ref: '#/components/schemas/Url' } } } },
        },
      },
    },
  },
});

describe('describeReferences', () => {
  // biome-ignore lint/suspicious/noExplicitAny: a walk over an untyped document
  const described: any = describeReferences(document()).components.schemas.Thing.properties;

  it("gives a property that is only a reference the referenced schema's description", () => {
    expect(described.status.description).toBe('Where it is.');
    expect(described.maybe.description).toBe('Where it is.');
  });

  it('keeps the description that stands beside a $ref', () => {
    expect(described.own.description).toBe('Its own words.');
  });

  it('follows a schema that is itself a reference or null', () => {
    expect(described.link.description).toBe('An absolute URL.');
  });

  it('reaches properties at any depth', () => {
    expect(described.nested.properties.status.description).toBe('Where it is.');
    expect(described.list.items.properties.url.description).toBe('An absolute URL.');
  });

  it('adds nothing where there is no single referenced description, and stops on a loop', () => {
    expect(described.either.description).toBeUndefined();
    expect(described.bare.description).toBeUndefined();
    expect(described.loop.description).toBeUndefined();
  });

  it('leaves the document it was given unchanged', () => {
    const original = document();
    describeReferences(original);
    expect(original).toEqual(document());
  });
});
