// The client's plain methods, one for each operation named below, built from the generated
// operation table: its path parameters come first, in the path's order, then its body when the
// spec gives it one, then the request options. Adding an operation is the spec and one line here (the
// compiler names an operation that has none).
import { type OperationAt, type OperationId, operationTable } from '../generated/operations.js';
import { requestRules } from '../generated/request-rules.js';
import type { RequestOptions } from './options.js';
import type { RequestParts } from './validate.js';

/** The client's name for each operation it calls plainly, with that method's documentation. */
export const operationNames = {
  /** Registers a sender (202); it starts in a `working` status (the spec's `x-status-kinds`). */
  create: 'createSender',
  /** Fetches one sender. */
  get: 'fetchSender',
  /** Changes a sender (202); `configuration.verification_code` submits the one-time password. */
  update: 'updateSender',
  /** Deletes a sender (204). */
  delete: 'deleteSender',
} as const satisfies Record<string, OperationId>;

/** The operations the client pages through (the spec's `x-pagination`): `list` and `iterate` call them. */
type Paged = {
  [Id in OperationId]: (typeof operationTable)[Id] extends { pagination: object } ? Id : never;
}[OperationId];
/** An operation of the spec that the client has no method for: neither a name above nor `x-pagination`. */
type Unnamed = Exclude<OperationId, (typeof operationNames)[keyof typeof operationNames] | Paged>;
/**
 * Every operation of the spec has a method: an operation added to the spec without its name above fails the
 * compile here, named ("Type '"<operationId>"' does not satisfy the constraint 'true'").
 */
export type EveryOperationHasAMethod = IsTrue<[Unnamed] extends [never] ? true : Unnamed>;
type IsTrue<Holds extends true> = Holds;

/** What an operation resolves to: the JSON body of its success response, or nothing (204). */
export type OperationResult<Id extends OperationId> =
  OperationAt<Id> extends { responses: infer Responses }
    ? {
        [Status in keyof Responses & (200 | 201 | 202 | 204)]: Responses[Status] extends {
          content: { 'application/json': infer Body };
        }
          ? Body
          : undefined;
      }[keyof Responses & (200 | 201 | 202 | 204)]
    : never;

/** One string for each `{Name}` of a path template, in order. */
type PathArgs<Path extends string> = Path extends `${infer _Before}{${infer _Name}}${infer Rest}`
  ? [string, ...PathArgs<Rest>]
  : [];
/** The body argument of an operation that has one. */
type BodyArg<Id extends OperationId> =
  OperationAt<Id> extends { requestBody?: infer Given }
    ? [NonNullable<Given>] extends [never]
      ? []
      : NonNullable<Given> extends { content: { 'application/json': infer Body } }
        ? [body: Body]
        : []
    : [];

/** The method of `Id`: path parameters, body, request options; `SendersPromise` of its result. */
export type OperationMethod<Id extends OperationId, Promised> = (
  ...args: [...PathArgs<(typeof operationTable)[Id]['path']>, ...BodyArg<Id>, options?: RequestOptions]
) => Promised;

/** Sends one operation with the parts given: the client's `run`. */
export type Runner = (operationId: OperationId, input: () => RequestParts, requestOptions: unknown) => unknown;

/** The path parameters of a template, in order: `['Sid']` for `/v2/Channels/Senders/{Sid}`. */
export const pathNames = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((found) => found[1] as string);

/** A path template with each `{Name}` replaced by `segment(Name)`. */
export const fillPath = (path: string, segment: (name: string) => string) =>
  pathNames(path).reduce((filled, name) => filled.replace(`{${name}}`, segment(name)), path);

/** The plain methods, each built from its table entry and its request rules. */
export function operationMethods(run: Runner): Record<keyof typeof operationNames, (...args: unknown[]) => unknown> {
  const methods: Record<string, (...args: unknown[]) => unknown> = {};
  for (const [name, operationId] of Object.entries(operationNames)) {
    const names = pathNames(operationTable[operationId].path);
    const hasBody = 'body' in requestRules.operations[operationId];
    methods[name] = (...args) => {
      const input = (): RequestParts => ({
        ...(names.length > 0 ? { path: Object.fromEntries(names.map((key, index) => [key, args[index]])) } : {}),
        ...(hasBody ? { body: args[names.length] } : {}),
      });
      const options = args[names.length + (hasBody ? 1 : 0)];
      return run(operationId, input, options === undefined ? {} : options);
    };
  }
  return methods as Record<keyof typeof operationNames, (...args: unknown[]) => unknown>;
}
