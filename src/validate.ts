// Validation before a request is sent, driven by generated/request-rules.ts: the spec's own
// parameter and body schemas. The generator refuses any keyword this file does not implement.
import { requestRules } from '../generated/request-rules.js';
import { ValidationError, type ValidationIssue } from './errors.js';
import { didYouMean, inWords, nearest } from './messages.js';
import { deref, own, referenced, type Schema } from './schema.js';
import type { OperationId } from './types.js';

// Still exported here, where client.ts, list-params.ts and messages.ts import them from.
export { own, type Schema };

interface Parameter {
  required?: boolean;
  schema: Schema;
}

interface OperationRules {
  path?: Readonly<Record<string, Parameter>>;
  query?: Readonly<Record<string, Parameter>>;
  body?: Parameter;
}

const operations: Readonly<Record<OperationId, OperationRules>> = requestRules.operations;

// The `uri` and `email` formats exactly as ajv-formats defines them in its full mode, which is
// what Prism validates with (MIT, github.com/ajv-validator/ajv-formats, src/formats.ts).
const uriNotFragment = /\/|:/;
const uri =
  /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;
const email =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
const formats: Readonly<Record<string, (value: string) => boolean>> = {
  uri: (value) => uriNotFragment.test(value) && uri.test(value),
  email: (value) => email.test(value),
};
const patterns = new Map<string, RegExp>();

// The body fields a caller has named as new to the spec (`extraFields`), as paths from the body's
// root: `profile.new_field`. Set for the (synchronous) duration of one validateRequest.
let extraFields: ReadonlySet<string> = new Set();
/** Whether a key the spec does not know, at `path`, was named by the caller as a field to send as is. */
// An item of a list is named with `[]` (`profile.websites[].new_field`), whatever its index.
const namedExtra = (path: string) =>
  extraFields.size > 0 && path.startsWith('$.') && extraFields.has(path.slice(2).replace(/\[\d+\]/g, '[]'));

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  // NaN and Infinity are numbers to JavaScript but not to JSON, which sends them as null.
  if (typeof value === 'number')
    return Number.isInteger(value) ? 'integer' : Number.isFinite(value) ? 'number' : 'non-finite';
  return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

const child = (path: string, key: string | number) =>
  typeof key === 'number'
    ? `${path}[${key}]`
    : /^[A-Za-z_$][\w$]*$/.test(key)
      ? `${path}.${key}`
      : `${path}[${JSON.stringify(key)}]`;

/** A string's length in code points, as JSON Schema counts it, without copying it. */
function codePoints(value: string): number {
  let count = value.length;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < value.length) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        i++;
      }
    }
  }
  return count;
}

/** A pattern's answer; one that exhausts the stack on its input does not match it. */
function matches(test: () => boolean): boolean {
  try {
    return test();
  } catch {
    return false;
  }
}

/**
 * The first way a string breaks `schema`'s string keywords, or undefined. A string of the wrong
 * length is not matched further: on a long one, a backtracking pattern (the uri format's) can
 * exhaust the stack, and the length already says what to fix.
 */
function stringProblem(schema: Schema, value: string): string | undefined {
  const length = schema.minLength !== undefined || schema.maxLength !== undefined ? codePoints(value) : 0;
  if (schema.minLength !== undefined && length < schema.minLength)
    return `must have at least ${schema.minLength} characters`;
  if (schema.maxLength !== undefined && length > schema.maxLength)
    return `must have at most ${schema.maxLength} characters`;
  if (schema.pattern !== undefined) {
    const pattern = patterns.get(schema.pattern) ?? new RegExp(schema.pattern, 'u');
    patterns.set(schema.pattern, pattern);
    // Never the expression itself: a pattern without words gets its example only.
    if (!matches(() => pattern.test(value))) return 'does not have the form this field takes';
  }
  if (schema.format !== undefined && !matches(() => own(formats, schema.format as string)?.(value) === true))
    return `must be a valid ${schema.format}`;
  return undefined;
}

/** Whether `value` has a type `schema` itself asks for (or it asks for none); a `$ref`'s are not read. */
const typeMatches = (schema: Schema, value: unknown) =>
  schema.type === undefined || [schema.type].flat().some((type) => matchesType(value, type));

/** Appends to `issues` every way `value` breaks `schema`. */
function check(schema: Schema, value: unknown, path: string, issues: ValidationIssue[]): void {
  const fail = (message: string) => issues.push({ path, message });
  if (schema.$ref !== undefined) check(referenced(schema), value, path, issues);
  if (!typeMatches(schema, value))
    return void fail(`must be ${[schema.type].flat().join(' or ')}, got ${typeOf(value)}`);
  if (schema.const !== undefined && value !== schema.const) fail(`must be ${JSON.stringify(schema.const)}`);
  if (schema.enum && !schema.enum.includes(value))
    fail(`must be one of ${schema.enum.map((item) => JSON.stringify(item)).join(', ')}`);
  if (typeof value === 'string') {
    const problem = stringProblem(schema, value);
    // One message per mistake: a pattern said in words covers its lengths and its format too.
    if (problem !== undefined) fail(schema['x-pattern-description'] ? inWords(schema) : problem);
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) fail(`must be at least ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) fail(`must be at most ${schema.maximum}`);
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems)
      fail(`must have at least ${schema.minItems} items`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems)
      fail(`must have at most ${schema.maxItems} items`);
    const items = schema.items;
    if (items) {
      for (const [i, item] of value.entries()) check(items, item, child(path, i), issues);
    }
  }
  if (typeOf(value) === 'object') checkObject(schema, value as Record<string, unknown>, path, issues);
  for (const part of schema.allOf ?? []) check(part, value, path, issues);
  if (schema.anyOf) alternatives(schema.anyOf, false, value, path, issues);
  if (schema.oneOf) alternatives(schema.oneOf, true, value, path, issues);
}

/** Appends to `issues` every way an object breaks `schema`'s object keywords, and checks each of its values. */
function checkObject(schema: Schema, object: Record<string, unknown>, path: string, issues: ValidationIssue[]): void {
  // A misspelt key is one mistake: its "did you mean" stands for the required key it misses.
  const meant = new Set<string>();
  if (schema.additionalProperties === false && schema.required) {
    const names = Object.keys(schema.properties ?? {});
    for (const name of Object.keys(object)) {
      // A key named in extraFields is a field of its own, never a misspelling of a required one.
      if (own(schema.properties, name) || namedExtra(child(path, name))) continue;
      const near = nearest(name, names);
      if (near !== undefined) meant.add(near);
    }
  }
  for (const name of schema.required ?? []) {
    // The spec's names, not the caller's: a method on a logger's prototype counts.
    if (object[name] === undefined && !meant.has(name))
      issues.push({ path: child(path, name), message: 'is required' });
  }
  for (const [name, item] of Object.entries(object)) {
    if (schema.propertyNames) check(schema.propertyNames, name, child(path, name), issues);
    const known = own(schema.properties, name);
    if (known) check(known, item, child(path, name), issues);
    else if (schema.additionalProperties === false && namedExtra(child(path, name))) continue;
    else if (schema.additionalProperties === false)
      issues.push({
        path: child(path, name),
        message: `is not a field of this object${didYouMean(name, Object.keys(schema.properties ?? {})) ?? ''}`,
      });
    else if (typeof schema.additionalProperties === 'object')
      check(schema.additionalProperties, item, child(path, name), issues);
  }
}

/**
 * `anyOf` (`exactlyOne` false) or `oneOf`. An anyOf stops at the first alternative that passes;
 * when none does, the issues reported are those of the alternative meant: one of the value's own
 * type, with the fewest problems.
 */
function alternatives(
  options: readonly Schema[],
  exactlyOne: boolean,
  value: unknown,
  path: string,
  issues: ValidationIssue[],
): void {
  const attempts: ValidationIssue[][] = [];
  let passing = 0;
  for (const option of options) {
    const found: ValidationIssue[] = [];
    check(option, value, path, found);
    if (found.length === 0) {
      passing++;
      if (!exactlyOne) return;
    }
    attempts.push(found);
  }
  if (passing === 0) {
    const meant = options.some((option) => typeMatches(deref(option), value))
      ? attempts.filter((_, i) => typeMatches(deref(options[i] as Schema), value))
      : attempts;
    issues.push(...meant.reduce((best, found) => (found.length < best.length ? found : best)));
  } else if (passing > 1) {
    issues.push({ path, message: 'matches more than one of the allowed forms' });
  }
}

/** Every way `value` breaks `schema`, for schemas of this package's own (its options). */
export function checkSchema(schema: object, value: unknown, path: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  check(schema as Schema, value, path, issues);
  return issues;
}

/** What one call sends, to be checked against its operation's rules. */
export interface RequestParts {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
}

/**
 * Throws a ValidationError listing every problem of a request, before anything is sent. A body key
 * the spec does not know passes, its value unchecked, only where `extra` names its path
 * (`profile.new_field`); every other key and value is checked as ever.
 */
export function validateRequest(
  operationId: OperationId,
  parts: RequestParts,
  /** The caller's names of query parameters, to name them in issues: `{ PageSize: 'pageSize' }`. */
  callerNames: Readonly<Record<string, string>> = {},
  extra: readonly string[] = [],
): void {
  extraFields = new Set(extra);
  try {
    checkRequest(operations[operationId], parts, callerNames);
  } finally {
    extraFields = new Set();
  }
}

function checkRequest(rules: OperationRules, parts: RequestParts, callerNames: Readonly<Record<string, string>>) {
  const issues: ValidationIssue[] = [];
  for (const where of ['path', 'query'] as const) {
    const given = parts[where] ?? {};
    for (const [name, parameter] of Object.entries(rules[where] ?? {})) {
      const value = own(given, name);
      const at = where === 'path' ? `$.${name.toLowerCase()}` : `$.${own(callerNames, name) ?? `query.${name}`}`;
      if (value === undefined) {
        if (parameter.required) issues.push({ path: at, message: 'is required' });
      } else check(parameter.schema, value, at, issues);
    }
  }
  if (rules.body) {
    if (parts.body === undefined) {
      if (rules.body.required) issues.push({ path: '$', message: 'a body is required' });
    } else check(rules.body.schema, parts.body, '$', issues);
  }
  if (issues.length > 0) throw new ValidationError(issues);
}
