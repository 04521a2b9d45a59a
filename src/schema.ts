// The spec's request schemas (generated/request-rules.ts, where a `$ref` is a bare schema name) and
// the one way to read them: following a `$ref`, seeing through a nullable `anyOf`, finding the
// labelled form of a list field. The validator, the sandbox's store and the fleet's comparison all
// read the schemas through here, so that they cannot disagree on what a schema says.
import { requestRules } from '../generated/request-rules.js';

/** The subset of JSON Schema that the spec's request side uses (scripts/request-rules.mjs refuses the rest). */
export interface Schema {
  $ref?: string;
  type?: string | readonly string[];
  enum?: readonly unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  required?: readonly string[];
  properties?: Readonly<Record<string, Schema>>;
  additionalProperties?: boolean | Schema;
  propertyNames?: Schema;
  items?: Schema;
  anyOf?: readonly Schema[];
  oneOf?: readonly Schema[];
  allOf?: readonly Schema[];
  /** A pattern in words, from the spec: `` `whatsapp:` followed by an E.164 number ``. */
  'x-pattern-description'?: string;
  /** Kept beside a pattern, the first giving an example in its message. */
  examples?: readonly unknown[];
}

/**
 * `table[key]` only when `key` is the table's own: a caller's `constructor`, `toString` or
 * `__proto__` must never find a member of `Object.prototype`.
 */
export function own<T>(table: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return table !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}

const schemas: Readonly<Record<string, Schema>> = requestRules.schemas;

/**
 * The schema a `$ref` names. A name the spec does not have is `{}`, which constrains nothing; so is a
 * name of `Object.prototype`.
 */
export const referenced = (schema: Schema): Schema => own(schemas, schema.$ref as string) ?? {};

/** Follows `$ref`s to the schema meant (the keywords beside a `$ref` are not read on the way). */
export function deref(schema: Schema): Schema {
  return schema.$ref === undefined ? schema : deref(referenced(schema));
}

/**
 * Follows `$ref`s, and a nullable `anyOf` of one schema and null, to the schema meant: the shape a
 * field has when it is given. Nothing (`undefined`) is `{}`.
 */
export function resolve(schema: Schema | undefined): Schema {
  const at = deref(schema ?? {});
  const options = at.anyOf;
  return options?.length === 2 && options.some((option) => option.type === 'null')
    ? resolve(options.find((option) => option.type !== 'null'))
    : at;
}

/** A list's labelled object form: the key a short form stands for (`email`), and every key of the object. */
export interface LabelledItem {
  key: string;
  fields: string[];
}

/**
 * For a list field that takes short forms as well as labelled objects (`emails`: an address, a list
 * of addresses, or a list of `{ email, label }`): the object form, found among the list's items. Its
 * key is the one field the object requires. Undefined for any other field.
 * @param inList whether `schema` is already a list's item (the walk sets it when it enters `items`)
 */
export function labelledItem(schema: Schema | undefined, inList = false): LabelledItem | undefined {
  const at = resolve(schema);
  if (inList && at.type === 'object' && at.required?.length === 1 && at.properties)
    return { key: at.required[0] as string, fields: Object.keys(at.properties) };
  for (const option of [...(at.anyOf ?? []), ...(at.oneOf ?? [])]) {
    const found = labelledItem(option, inList);
    if (found) return found;
  }
  return at.items ? labelledItem(at.items, true) : undefined;
}
