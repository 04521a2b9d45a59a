// The client's lists: one page (`list`), and every sender page by page (`iterate`), following the
// next links the service gives, as the spec's `x-pagination` names them.
import { operationTable } from '../generated/operations.js';
import type { Run } from './call.js';
import type { SendersClient } from './client.js';
import { NextPageError, ValidationError } from './errors.js';
import { checkObject, listQuery, pageProblem, queryString } from './list-params.js';
import { type IterateParams, walkPages } from './pagination.js';
import { readingInput } from './prepare.js';
import { requestIdOf } from './request-id.js';
import type { Settings } from './settings.js';

/** The lists of a client. */
export function listMethods(settings: Settings, run: Run): Pick<SendersClient, 'list' | 'iterate'> {
  const { baseUrl, redact } = settings;
  return {
    list: (params = {}, requestOptions = {}) => {
      let query: ReturnType<typeof listQuery> | undefined;
      const read = () => {
        query = listQuery(params);
        return { query };
      };
      return run('listSenders', read, requestOptions, {
        check: (body) => pageProblem(body, query?.PageSize),
      });
    },
    // Lazy: nothing is checked or sent before the first `next()`, where a bad input rejects.
    iterate: async function* (params = {}, requestOptions = {}) {
      const { limit, ...listParams } = readingInput(
        () => ({ ...checkObject(params, 'params') }),
        'params',
      ) as IterateParams;
      if (limit !== undefined && !(Number.isInteger(limit) && limit >= 0)) {
        throw new ValidationError([{ path: '$.limit', message: 'must be a whole number, 0 or more' }]);
      }
      const query = readingInput(() => listQuery(listParams, ['pageSize']), 'params');
      let last: Response | undefined;
      const check = (body: unknown) => pageProblem(body, query.PageSize);
      const onResponse = (response: Response) => {
        last = response;
      };
      const page = (nextPageUrl?: string) =>
        run('listSenders', () => ({ query }), requestOptions, { check, onResponse }, nextPageUrl);
      yield* walkPages({
        first: () => page(),
        next: (url) => page(url),
        firstUrl: baseUrl + operationTable.listSenders.path + queryString(query),
        baseUrl,
        limit,
        // A link the walk cannot follow is the service's answer gone wrong: an ApiError on that page.
        refuse: (url, detail) =>
          new NextPageError({
            method: operationTable.listSenders.method,
            url: redact(last?.url || url),
            status: last?.status ?? 200,
            requestId: redact(requestIdOf(last?.headers)),
            body: undefined,
            detail: redact(detail),
            nextPageUrl: redact(url),
          }),
      });
    },
  };
}
