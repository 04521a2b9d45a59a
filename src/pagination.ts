import type { ApiError } from './errors.js';
import { pageParts, paging } from './list-params.js';
import { isUnder } from './transport/scope.js';
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
  /** Credentials go under this URL only: its origin and its path. */
  baseUrl: string;
  limit?: number | undefined;
  /** The error for a link that cannot be followed, naming the page that carried it. */
  refuse: (url: string, detail: string) => ApiError;
}

/** How many empty pages in a row the walk follows before it gives up: the service sends none. */
export const maxEmptyPages = 10;
// The next link's own name (`next_page_url`), for messages.
const nextName = paging.next.split('.').pop();

/** How many links the walk remembers at most, to refuse a link back to one of them; then it starts again. */
const remembered = 1_000;

/**
 * Every sender, one page in memory at a time. The next page is `meta.next_page_url` exactly as
 * the service gave it, only under the base URL (origin and path), and only once: a link to a page
 * already read would loop forever, sending requests as fast as the service answers. A run of
 * empty pages that keep linking on ends the walk too, and the links remembered are bounded.
 */
export async function* walkPages(walk: Walk): AsyncGenerator<Sender, void, undefined> {
  const limit = walk.limit ?? Number.POSITIVE_INFINITY;
  if (limit <= 0) return;
  // Compared as parsed URLs: a default port or an upper-case host does not hide a repeat.
  const read = new Set([new URL(walk.firstUrl).href]);
  let page = await walk.first();
  let yielded = 0;
  let empty = 0;
  while (true) {
    const { items, next: url } = pageParts(page);
    empty = items.length === 0 ? empty + 1 : 0;
    for (const sender of items as Sender[]) {
      yield sender;
      if (++yielded >= limit) return;
    }
    if (!url) return;
    let href = '';
    let why: string | undefined;
    try {
      href = new URL(url).href;
      why = !isUnder(href, walk.baseUrl)
        ? `credentials are only sent under ${walk.baseUrl}`
        : read.has(href)
          ? 'it links to a page already read'
          : empty >= maxEmptyPages
            ? `it follows ${empty} empty pages in a row`
            : undefined;
    } catch {
      why = 'not an absolute URL';
    }
    if (why) throw walk.refuse(url, `refusing ${nextName} ${JSON.stringify(url)}: ${why}`);
    if (read.size >= remembered) read.clear();
    read.add(href);
    page = await walk.next(url);
  }
}
