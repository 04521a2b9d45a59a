import { SendersError } from './errors.js';
import type { Sender, SendersPage } from './types.js';

/** What `iterate()` reads. */
export interface IterateParams {
  /** How many senders each page holds (1 to 1000). */
  pageSize?: number;
  /** Stop after this many senders; no page past the one that reaches it is fetched. */
  limit?: number;
}

/**
 * Every sender, one page in memory at a time. The next page is `meta.next_page_url` exactly as
 * the service gave it, and only on the base URL's origin: credentials go nowhere else.
 */
export async function* walkPages(
  first: () => Promise<SendersPage>,
  next: (url: string) => Promise<SendersPage>,
  baseOrigin: string,
  limit = Number.POSITIVE_INFINITY,
): AsyncGenerator<Sender, void, undefined> {
  if (limit <= 0) return;
  let page = await first();
  let yielded = 0;
  while (true) {
    for (const sender of page.senders) {
      yield sender;
      if (++yielded >= limit) return;
    }
    const url = page.meta.next_page_url;
    if (!url) return;
    let origin: string;
    try {
      origin = new URL(url).origin;
    } catch {
      throw new SendersError(`refusing next_page_url ${JSON.stringify(url)}: not an absolute URL`);
    }
    if (origin !== baseOrigin) {
      throw new SendersError(`refusing next_page_url on ${origin}: credentials are only sent to ${baseOrigin}`);
    }
    page = await next(url);
  }
}
