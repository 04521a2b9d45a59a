// The list call's parameters and pages: the caller's names to the spec's query parameters, and
// the checks a page must pass before iterate() follows it.
import { type OperationAt, operationTable } from '../generated/operations.js';
import { requestRules } from '../generated/request-rules.js';
import { ValidationError } from './errors.js';
import { didYouMean } from './messages.js';
import { own } from './validate.js';

/** The query parameters of a list call, as the spec names them. */
export type Query = NonNullable<OperationAt<'listSenders'>['parameters']['query']>;

/** Which page of a list to read. */
export interface ListParams {
  /** How many senders a page holds (1 to 1000). */
  pageSize?: number;
  /** The page index that goes with `pageToken`. */
  page?: number;
  /** The token of the page to read, from a previous page's `meta`. */
  pageToken?: string;
}

/** The spec's PageSize: its largest value and the one the service uses when none is asked for. */
export const pageSizeRule = requestRules.operations.listSenders.query.PageSize.schema;

/** Where a page keeps its items and its next link, from the spec's `x-pagination`. */
export const paging = operationTable.listSenders.pagination;
const [metaKey, nextKey] = paging.next.split('.') as [string, string];

/** A checked page's items and next link (a URL, or null/undefined on the last page). */
export function pageParts(page: unknown): { items: unknown[]; next: string | null | undefined } {
  const body = page as Record<string, unknown>;
  return {
    items: own(body, paging.items) as unknown[],
    next: own(own(body, metaKey) as Record<string, unknown>, nextKey) as string | null | undefined,
  };
}

/**
 * What is wrong with a page body, or undefined: its items (`senders`) a list of at most the `pageSize` asked
 * for (the spec's default when none was), `meta` an object, a next URL a string or null.
 */
export function pageProblem(body: unknown, pageSize: number = pageSizeRule.default): string | undefined {
  const items = own(body as Record<string, unknown>, paging.items);
  const meta = own(body as Record<string, unknown>, metaKey);
  const what = `is not a page of ${paging.items}`;
  if (!Array.isArray(items)) return `${what}: ${paging.items} is ${kind(items)}, not a list`;
  if (items.length > pageSize) return `holds ${items.length} ${paging.items}, more than the PageSize of ${pageSize}`;
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta))
    return `${what}: ${metaKey} is ${kind(meta)}, not an object`;
  const next = own(meta as Record<string, unknown>, nextKey);
  if (next !== undefined && next !== null && typeof next !== 'string')
    return `${what}: ${paging.next} is ${kind(next)}, not a URL or null`;
  return undefined;
}

/** What a value is, in words, for a message: `missing`, `null`, `a list`, `a number`… */
const kind = (value: unknown) =>
  value === undefined ? 'missing' : value === null ? 'null' : Array.isArray(value) ? 'a list' : `a ${typeof value}`;

// The list parameters users pass, by the spec's query parameter names.
const queryNames = { pageSize: 'PageSize', page: 'Page', pageToken: 'PageToken' } as const satisfies Record<
  keyof ListParams,
  keyof Query
>;

// The other way round, for naming a parameter in a ValidationError as the caller wrote it.
export const parameterNames: Record<string, string> = Object.fromEntries(
  Object.entries(queryNames).map(([key, name]) => [name, key]),
);

/** The query of a list call, each parameter read once; refuses keys that are not list parameters (`page_size`…). */
export function listQuery(params: unknown, allowed: readonly string[] = Object.keys(queryNames)): Query {
  const given = { ...checkObject(params, 'params') } as Record<string, unknown>;
  const unknown = Object.keys(given).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) {
    throw new ValidationError(
      unknown.map((key) => ({
        path: `$.${key}`,
        message: `is not a list parameter${didYouMean(key, allowed) ?? `; use ${allowed.join(', ')}`}`,
      })),
    );
  }
  const query: Record<string, unknown> = { Channel: 'whatsapp' };
  for (const [key, name] of Object.entries(queryNames)) query[name] = own(given, key);
  return query as Query;
}

/** `?Channel=whatsapp&PageSize=20`, the parameters in the order given, without the undefined ones. */
export function queryString(query: Record<string, unknown> | undefined): string {
  const pairs = Object.entries(query ?? {}).filter(([, value]) => value !== undefined);
  return pairs.length === 0
    ? ''
    : `?${pairs.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`).join('&')}`;
}

/** `value` when it is a plain object (not null, not a list), else a ValidationError at `name`. */
export function checkObject(value: unknown, name: string): object {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value;
  throw new ValidationError([{ path: name, message: 'must be an object' }]);
}
