import type { ApiError } from './errors.js';
import type { Sender, SendersPage } from './types.js';

/** What `iterate()` reads. */
export interface IterateParams {
  /** How many senders each page holds (1 to 1000). */
  pageSize?: number;
  /** Stop after this many senders; no page past the one that reaches it is fetched. */
  limit?: number;
}

/** How to walk: the reads, where the walk starts, and how to refuse a link. */
export interface Walk {
  /** Reads the first page. Each page is checked for its shape (`senders`, `meta`) as it is read. */
  first: () => Promise<SendersPage>;
  /** Reads the page at a `next_page_url`. */
  next: (url: string) => Promise<SendersPage>;
  /** The URL of the first page, so that a link back to it counts as a page already read. */
  firstUrl: string;
  /** Credentials go to this origin only. */
  baseOrigin: string;
  limit?: number | undefined;
  /** The error for a link that cannot be followed, naming the page that carried it. */
  refuse: (url: string, detail: string) => ApiError;
}

/**
 * Every sender, one page in memory at a time. The next page is `meta.next_page_url` exactly as
 * the service gave it, only on the base URL's origin, and only once: a link to a page already
 * read would loop forever, sending requests as fast as the service answers.
 */
export async function* walkPages(walk: Walk): AsyncGenerator<Sender, void, undefined> {
  const limit = walk.limit ?? Number.POSITIVE_INFINITY;
  if (limit <= 0) return;
  // Compared as parsed URLs: a default port or an upper-case host does not hide a repeat.
  const read = new Set([new URL(walk.firstUrl).href]);
  let page = await walk.first();
  let yielded = 0;
  while (true) {
    for (const sender of page.senders) {
      yield sender;
      if (++yielded >= limit) return;
    }
    const url = page.meta.next_page_url;
    if (!url) return;
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      throw walk.refuse(url, `refusing next_page_url ${JSON.stringify(url)}: not an absolute URL`);
    }
    if (target.origin !== walk.baseOrigin) {
      throw walk.refuse(
        url,
        `refusing next_page_url on ${target.origin}: credentials are only sent to ${walk.baseOrigin}`,
      );
    }
    if (read.has(target.href)) {
      throw walk.refuse(url, `refusing next_page_url ${JSON.stringify(url)}: it links to a page already read`);
    }
    read.add(target.href);
    page = await walk.next(url);
  }
}
