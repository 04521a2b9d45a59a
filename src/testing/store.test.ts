// The sandbox's store reads which sections and fields a sender has from the spec, through the schema
// walker (src/schema.ts): these tests fail when it stops finding them.
import { describe, expect, it } from 'vitest';
import { resolve } from '../schema.js';
import type { Sender, SenderCreate } from '../types.js';
import { apply, codeField, createSender } from './store.js';

const body: SenderCreate = { sender_id: 'whatsapp:+15017122661', profile: { name: 'Acme' } };
/** The field names of a section of the spec's update body. */
const fieldsOf = (section: string) =>
  Object.keys(resolve(resolve({ $ref: 'SenderUpdate' }).properties?.[section]).properties ?? {});

describe('createSender', () => {
  it("holds every section of the spec's bodies with every field, null when the body leaves it out", () => {
    const sender = createSender(body) as unknown as Record<string, Record<string, unknown> | null>;
    for (const section of ['configuration', 'webhook', 'profile']) {
      const fields = fieldsOf(section).filter((field) => field !== codeField);
      expect(fields.length).toBeGreaterThan(2);
      expect(Object.keys(sender[section] ?? {})).toEqual(expect.arrayContaining(fields));
    }
    expect(sender.profile).toMatchObject({ name: 'Acme', about: null, emails: null });
    expect(sender.webhook).toMatchObject({ callback_url: null });
    expect(sender.friendly_name).toBeNull();
  });

  it('stores the short forms of a list field as the labelled objects the service answers', () => {
    const sender = createSender({
      ...body,
      profile: {
        name: 'Acme',
        emails: 'help@acme.example',
        websites: ['https://acme.example', { website: 'https://shop.acme.example', label: 'Shop' }],
      },
    });
    expect(sender.profile?.emails).toEqual([{ email: 'help@acme.example', label: null }]);
    expect(sender.profile?.websites).toEqual([
      { website: 'https://acme.example', label: null },
      { website: 'https://shop.acme.example', label: 'Shop' },
    ]);
  });

  it('never stores the one-time password', () => {
    const sender = createSender({ ...body, configuration: { verification_code: '123456', waba_id: '1' } });
    expect(sender.configuration).toMatchObject({ waba_id: '1' });
    expect(JSON.stringify(sender)).not.toContain('123456');
  });
});

describe('apply', () => {
  it('applies the keys sent and only those; null clears a field, and a whole section when it is the section', () => {
    const sender: Sender = createSender({
      ...body,
      friendly_name: 'Acme',
      webhook: { callback_url: 'https://hooks.acme.example', callback_method: 'POST' },
    });
    apply(sender, { profile: { about: 'We make things', name: null } });
    expect(sender.profile).toMatchObject({ name: null, about: 'We make things' });
    expect(sender.friendly_name).toBe('Acme');
    expect(sender.webhook).toMatchObject({ callback_url: 'https://hooks.acme.example', callback_method: 'POST' });
    apply(sender, { webhook: null, friendly_name: null });
    expect(sender.friendly_name).toBeNull();
    expect(Object.values(sender.webhook ?? {}).every((value) => value === null)).toBe(true);
    expect(Object.keys(sender.webhook ?? {})).toEqual(expect.arrayContaining(fieldsOf('webhook')));
  });
});
