// iterate() against Prism: the mock's next_page_url is the real host's, so the client must stop at
// `limit` within the first page, and refuse to follow that URL to another origin.
import { describe, expect, it } from 'vitest';
import { type Sender, SendersError } from '../src/index.js';
import { senders } from './client.js';
import { responseExample } from './spec.js';

const firstPage = responseExample<{ senders: Sender[] }>('listSenders', '200', 'first-page');

describe('iterate() on the mock', () => {
  it('yields the first page and stops at limit without asking for the next', async () => {
    const sids: string[] = [];
    for await (const sender of senders.iterate({ pageSize: 2, limit: firstPage.senders.length })) sids.push(sender.sid);
    expect(sids).toEqual(firstPage.senders.map((sender) => sender.sid));
  });

  it("refuses the example's next_page_url, which is on another origin than the mock", async () => {
    const walk = async () => {
      for await (const _ of senders.iterate({ pageSize: 2 })) {
        // walk on
      }
    };
    await expect(walk()).rejects.toThrow(SendersError);
    await expect(walk()).rejects.toThrow(
      /refusing next_page_url "https:\/\/messaging\.twilio\.com\/.*": credentials are only sent under/,
    );
  });
});
