// Renders generated/operations.ts: for each operationId of the spec, its method, its path template,
// and whether it is safe to send again after an ambiguous failure (a timeout, a reset, a 5xx),
// as the operation's `x-retry-after-ambiguous-failure` says. An operation without it fails
// generation, so a new operation cannot inherit a retry rule by accident. A DELETE says in
// `x-gone-means-done` whether a 404 after an ambiguous failure means the delete was applied; a list
// says in `x-pagination` which key holds the page's items and which (dotted) path its next link.
// Whether the success answer has a body (`emptyBody`) is read from the operation's 2xx responses.

const extension = 'x-retry-after-ambiguous-failure';
const gone = 'x-gone-means-done';
const paging = 'x-pagination';
const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * @param {any} document the parsed OpenAPI document
 * @returns {{ operationId: string, method: string, path: string, retrySafe: boolean, reason: string,
 *   goneMeansDone: boolean, emptyBody: boolean, pagination: { items: string, next: string } | undefined }[]}
 *   in the spec's order
 */
export function operationTable(document) {
  const rows = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of methods) {
      const operation = item?.[method];
      if (!operation) continue;
      const where = `${method.toUpperCase()} ${path}`;
      const { operationId } = operation;
      if (typeof operationId !== 'string' || !/^[A-Za-z_$][\w$]*$/.test(operationId)) {
        throw new Error(`${where}: needs an operationId that is an identifier`);
      }
      if (rows.some((row) => row.operationId === operationId)) {
        throw new Error(`${where}: operationId ${operationId} is used twice`);
      }
      const retry = operation[extension];
      if (typeof retry?.safe !== 'boolean' || typeof retry.reason !== 'string' || !retry.reason.trim()) {
        throw new Error(`${where} (${operationId}): needs ${extension} with safe (a boolean) and reason (text)`);
      }
      const goneMeansDone = operation[gone];
      if (method === 'delete' ? typeof goneMeansDone !== 'boolean' : goneMeansDone !== undefined) {
        throw new Error(
          `${where} (${operationId}): ${method === 'delete' ? `needs ${gone} (a boolean)` : `${gone} is for a DELETE only`}`,
        );
      }
      const pagination = operation[paging];
      const key = /^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*$/;
      if (
        pagination !== undefined &&
        (method !== 'get' || !key.test(pagination?.items ?? '') || !key.test(pagination?.next ?? ''))
      ) {
        throw new Error(`${where} (${operationId}): ${paging} is for a GET, with items and next (dotted keys)`);
      }
      rows.push({
        operationId,
        method: method.toUpperCase(),
        path,
        retrySafe: retry.safe,
        reason: retry.reason.trim(),
        goneMeansDone: goneMeansDone === true,
        emptyBody: emptyBody(document, operation, `${where} (${operationId})`),
        pagination: pagination && { items: pagination.items, next: pagination.next },
      });
    }
  }
  return rows;
}

/**
 * Whether the operation's success answer has no body: none of its 2xx responses (a `$ref` to
 * `components/responses` followed) has `content`. An operation whose 2xx responses disagree, or
 * that has none, fails generation: the client could not tell a missing body from an empty one.
 */
function emptyBody(document, operation, where) {
  const successes = Object.entries(operation.responses ?? {})
    .filter(([status]) => /^2(\d\d|XX)$/.test(status))
    .map(([, response]) => {
      const name = response?.$ref?.match(/^#\/components\/responses\/(.+)$/)?.[1];
      return name === undefined ? response : document.components?.responses?.[name];
    });
  const empty = successes.filter((response) => response?.content === undefined).length;
  if (successes.length === 0 || (empty > 0 && empty < successes.length)) {
    throw new Error(`${where}: needs 2xx responses that all have a body or all have none`);
  }
  return empty > 0;
}

/**
 * The text of generated/operations.ts, below its header.
 * @param {any} document the parsed OpenAPI document
 */
export function renderOperationTable(document) {
  const entries = operationTable(document).map(
    ({ operationId, method, path, retrySafe, reason, goneMeansDone, emptyBody, pagination }) =>
      `  ${operationId}: {\n` +
      `    method: ${JSON.stringify(method)},\n` +
      `    path: ${JSON.stringify(path)},\n` +
      `    /** ${reason.replaceAll('*/', '*\\/')} */\n` +
      `    retrySafe: ${retrySafe},\n` +
      `    goneMeansDone: ${goneMeansDone},\n` +
      `    emptyBody: ${emptyBody},\n` +
      (pagination
        ? `    pagination: { items: ${JSON.stringify(pagination.items)}, next: ${JSON.stringify(pagination.next)} },\n`
        : '') +
      '  },\n',
  );
  return `import type { operations, paths } from './senders.js';

/** One operation: how it is sent, and whether it may be sent again after an ambiguous failure. */
export interface OperationEntry {
  /** The HTTP method, upper case. */
  readonly method: 'GET' | 'PUT' | 'POST' | 'DELETE' | 'OPTIONS' | 'HEAD' | 'PATCH' | 'TRACE';
  /** The path template, with \`{Name}\` for each path parameter. */
  readonly path: keyof paths;
  /**
   * Whether the request may be sent again after a failure that leaves unknown whether it was applied
   * (a timeout, a reset connection, a 5xx), from the spec's \`${extension}\`.
   */
  readonly retrySafe: boolean;
  /**
   * Whether a 404 after an ambiguous failure means the operation was applied (a delete whose first
   * attempt went through), from the spec's \`${gone}\`.
   */
  readonly goneMeansDone: boolean;
  /** Whether a success answers without a body (a 204): no 2xx response of the spec has \`content\`. */
  readonly emptyBody: boolean;
  /** For a list: the key of the page's items and the dotted path of its next link, from \`${paging}\`. */
  readonly pagination?: { readonly items: string; readonly next: string };
}

/** Every operation of the spec, by operationId. */
export const operationTable = {
${entries.join('')}} as const satisfies { readonly [Id in keyof operations]: OperationEntry };

/** The operationIds of the spec. */
export type OperationId = keyof typeof operationTable;

/** The method and path template of \`Id\`, as literal types. */
export type OperationRoute<Id extends OperationId> = (typeof operationTable)[Id];

/**
 * The generated description of \`Id\` (parameters, request body, responses), reached through its path
 * and method in \`paths\`: the type a call of \`Id\` is built from.
 */
export type OperationAt<Id extends OperationId> =
  paths[OperationRoute<Id>['path']][Lowercase<OperationRoute<Id>['method']>];
`;
}
