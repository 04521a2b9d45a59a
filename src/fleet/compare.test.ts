import { describe, expect, it } from 'vitest';
import type { Sender } from '../types.js';
import { comparedFields, compareSender } from './compare.js';

const sender = (more: Partial<Sender>): Sender =>
  ({ sid: `XE${'0'.repeat(32)}`, status: 'ONLINE', sender_id: 'whatsapp:+15017122661', ...more }) as Sender;

describe('compareSender', () => {
  it("compares the fields of the spec's update body, configuration aside", () => {
    expect(comparedFields).toContain('friendly_name');
    expect(comparedFields).toContain('profile');
    expect(comparedFields).toContain('webhook');
    expect(comparedFields).not.toContain('configuration');
  });

  it('takes a null section as the same as one of nulls, and not as one that holds a value', () => {
    const nulls = { callback_url: null, callback_method: null, fallback_url: null, status_callback_url: null };
    const wanted = { sender_id: 'whatsapp:+15017122661', webhook: null };
    expect(compareSender(wanted, sender({ webhook: nulls } as Partial<Sender>)).changes).toEqual([]);
    expect(compareSender(wanted, sender({ webhook: null } as Partial<Sender>)).changes).toEqual([]);
    const set = sender({ webhook: { ...nulls, callback_url: 'https://hooks.acme.example' } } as Partial<Sender>);
    expect(compareSender(wanted, set)).toEqual({ changes: ['webhook'], patch: { webhook: null } });
  });

  it('takes the short forms of a list field as the labelled objects the service answers', () => {
    const actual = sender({
      profile: {
        name: 'Acme',
        websites: [{ website: 'https://acme.example', label: null }],
        emails: [{ email: 'help@acme.example', label: 'Support' }],
      } as Sender['profile'],
    });
    const wanted = {
      sender_id: 'whatsapp:+15017122661',
      profile: {
        name: 'Acme',
        websites: ['https://acme.example'],
        emails: [{ email: 'help@acme.example', label: 'Support' }],
      },
    };
    expect(compareSender(wanted, actual)).toEqual({ changes: [], patch: {} });
    const relabelled = { ...wanted, profile: { ...wanted.profile, emails: 'help@acme.example' } };
    expect(compareSender(relabelled, actual).changes).toEqual(['profile.emails']);
  });

  it('compares friendly_name as a whole value, and a section the service answers as null', () => {
    const actual = sender({ friendly_name: 'Old label', profile: null } as Partial<Sender>);
    const { changes, patch } = compareSender(
      { sender_id: 'whatsapp:+15017122661', friendly_name: 'Acme support', profile: { name: 'Acme' } },
      actual,
    );
    expect(changes).toEqual(['friendly_name', 'profile.name']);
    expect(patch).toEqual({ friendly_name: 'Acme support', profile: { name: 'Acme' } });
    expect(compareSender({ sender_id: 'whatsapp:+15017122661', friendly_name: 'Old label' }, actual).changes).toEqual(
      [],
    );
  });

  it('names each differing key, sends only those, and ignores what the file leaves out', () => {
    const actual = sender({
      profile: { name: 'Old', about: 'Cars' } as Sender['profile'],
      webhook: null,
      configuration: { waba_id: '1' } as Sender['configuration'],
    });
    const { changes, patch } = compareSender(
      {
        sender_id: 'whatsapp:+15017122661',
        profile: { name: 'New' },
        webhook: { callback_url: 'https://hooks.example/wa' },
        configuration: { waba_id: '2' },
      },
      actual,
    );
    expect(changes).toEqual(['webhook.callback_url', 'profile.name']);
    expect(patch).toEqual({ webhook: { callback_url: 'https://hooks.example/wa' }, profile: { name: 'New' } });
  });
});
