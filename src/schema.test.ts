import { describe, expect, it } from 'vitest';
import { requestRules } from '../generated/request-rules.js';
import { deref, labelledItem, referenced, resolve, type Schema } from './schema.js';

const schemas: Readonly<Record<string, Schema>> = requestRules.schemas;
/** The fields of one of the spec's objects, by name. */
const fields = (name: string) => resolve({ $ref: name }).properties ?? {};

describe('referenced and deref', () => {
  it('finds the schema a $ref names, and stops at the first schema that is not a $ref', () => {
    // NullableHttpUrl is an anyOf of a $ref: deref stops there, and does not read the anyOf.
    expect(referenced({ $ref: 'HttpUrl' })).toBe(schemas.HttpUrl);
    expect(deref({ $ref: 'NullableHttpUrl' })).toBe(schemas.NullableHttpUrl);
    expect(deref({ $ref: 'SenderCreate' })).toBe(schemas.SenderCreate);
    const inline: Schema = { type: 'string' };
    expect(deref(inline)).toBe(inline);
  });

  it('takes a name the spec lacks, or one of Object.prototype, as a schema that constrains nothing', () => {
    expect(referenced({ $ref: 'NoSuchSchema' })).toEqual({});
    expect(deref({ $ref: 'constructor' })).toEqual({});
    expect(deref({ $ref: '__proto__' })).toEqual({});
  });
});

describe('resolve', () => {
  it('sees through $refs and a nullable anyOf of one schema and null, to the shape given', () => {
    // SenderUpdate.profile: anyOf [ProfileInput, null]; webhook.callback_url: NullableHttpUrl → HttpUrl.
    expect(resolve(fields('SenderUpdate').profile)).toBe(schemas.ProfileInput);
    expect(resolve(fields('WebhookInput').callback_url)).toBe(schemas.HttpUrl);
    expect(resolve({ anyOf: [{ type: 'null' }, { $ref: 'DisplayName' }] })).toBe(schemas.DisplayName);
  });

  it('keeps an anyOf that is more than a nullable one, and takes nothing as {}', () => {
    const emails = resolve({ $ref: 'EmailsInput' });
    expect(emails).toBe(schemas.EmailsInput);
    expect(emails.anyOf).toHaveLength(3);
    const either: Schema = { anyOf: [{ type: 'string' }, { type: 'integer' }] };
    expect(resolve(either)).toBe(either);
    expect(resolve(undefined)).toEqual({});
  });
});

describe('labelledItem', () => {
  it("finds each list field's labelled object form, and its key, in the spec's profile", () => {
    for (const profile of ['ProfileCreateInput', 'ProfileInput']) {
      const found = Object.entries(fields(profile)).flatMap(([field, schema]) => {
        const item = labelledItem(schema);
        return item ? [[field, item]] : [];
      });
      expect(Object.fromEntries(found)).toEqual({
        emails: { key: 'email', fields: ['email', 'label'] },
        websites: { key: 'website', fields: ['website', 'label'] },
        phone_numbers: { key: 'phone_number', fields: ['phone_number', 'label'] },
      });
    }
  });

  it('finds none in a field that is not a list, though it be an object with one required key', () => {
    const object: Schema = { type: 'object', required: ['email'], properties: { email: {}, label: {} } };
    expect(labelledItem(object)).toBeUndefined();
    expect(labelledItem({ anyOf: [object, { type: 'null' }] })).toBeUndefined();
    expect(labelledItem({ type: 'array', items: object })).toEqual({ key: 'email', fields: ['email', 'label'] });
    expect(labelledItem({ $ref: 'SenderCreate' })).toBeUndefined();
    expect(labelledItem(undefined)).toBeUndefined();
  });
});
