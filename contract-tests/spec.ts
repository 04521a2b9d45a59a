// The spec as the contract tests read it: operations, their statuses and their named examples,
// with local $refs resolved. Tests take expected values from here, never from copies.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { specPath } from '../src/test/paths.js';
import type { OperationId } from '../src/types.js';

type Json = Record<string, unknown>;

const document = parse(readFileSync(specPath, 'utf8')) as Json;

/** Follows `#/a/b/c` references until the node is not a reference. */
function deref<T = Json>(node: unknown): T {
  let current = node as Json;
  while (current && typeof current.$ref === 'string') {
    const ref = current.$ref;
    if (!ref.startsWith('#/')) throw new Error(`only local references are expected, found ${ref}`);
    current = ref
      .slice(2)
      .split('/')
      .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
      .reduce<Json>((at, key) => at[key] as Json, document);
  }
  return current as T;
}

function examplesOf(content: unknown): Record<string, unknown> {
  const media = deref<Json | undefined>((content as Json | undefined)?.['application/json']);
  const examples = deref<Json>(media?.examples ?? {});
  return Object.fromEntries(Object.entries(examples).map(([name, example]) => [name, deref<Json>(example).value]));
}

/** One operation of the spec. */
export interface SpecOperation {
  operationId: OperationId;
  method: string;
  path: string;
  /** Named request body examples. */
  requestExamples: Record<string, unknown>;
  /** Status → named response examples (empty for a response without a body). */
  responses: Record<string, Record<string, unknown>>;
  /** The URL of a valid call: path parameters and required query parameters filled from their schemas' examples. */
  exampleUrl(base: string): URL;
}

const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

/** Every operation of the spec, in document order. */
export const operations: SpecOperation[] = Object.entries(document.paths as Json).flatMap(([path, item]) =>
  Object.entries(deref(item))
    .filter(([method]) => methods.includes(method))
    .map(([method, value]) => {
      const operation = value as Json;
      const responses = deref<Json>(operation.responses);
      const parameters = [
        ...((deref(item).parameters as unknown[]) ?? []),
        ...((operation.parameters as unknown[]) ?? []),
      ].map((parameter) => deref<Json>(parameter));
      return {
        operationId: operation.operationId as OperationId,
        method: method.toUpperCase(),
        path,
        requestExamples: examplesOf(deref<Json | undefined>(operation.requestBody)?.content),
        responses: Object.fromEntries(
          Object.entries(responses).map(([status, response]) => [status, examplesOf(deref<Json>(response).content)]),
        ),
        exampleUrl(base: string) {
          const example = (parameter: Json) => String((deref<Json>(parameter.schema).examples as unknown[])[0]);
          let filled = path;
          for (const parameter of parameters.filter((candidate) => candidate.in === 'path')) {
            filled = filled.replace(`{${parameter.name}}`, encodeURIComponent(example(parameter)));
          }
          const url = new URL(filled, base);
          for (const parameter of parameters.filter((candidate) => candidate.in === 'query' && candidate.required)) {
            url.searchParams.set(String(parameter.name), example(parameter));
          }
          return url;
        },
      };
    }),
);

/** The operation with this id. */
export function operation(operationId: OperationId): SpecOperation {
  const found = operations.find((candidate) => candidate.operationId === operationId);
  if (!found) throw new Error(`no operation ${operationId} in the spec`);
  return found;
}

/** A named request example of an operation. */
export function requestExample<T>(operationId: OperationId, name: string): T {
  const example = operation(operationId).requestExamples[name];
  if (example === undefined) throw new Error(`no request example ${name} on ${operationId}`);
  return structuredClone(example) as T;
}

/** A named response example of an operation. */
export function responseExample<T>(operationId: OperationId, status: string, name: string): T {
  const example = operation(operationId).responses[status]?.[name];
  if (example === undefined) throw new Error(`no ${status} example ${name} on ${operationId}`);
  return structuredClone(example) as T;
}

/** A schema of `components.schemas`, resolved. */
export function schema(name: string): Json {
  return deref(((document.components as Json).schemas as Json)[name]);
}
