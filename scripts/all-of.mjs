// The spec writes a schema that extends another as `allOf` (ProfileCreateInput: ProfileInput, with
// `name` required). The readers of the request rules (src/schema.ts, and through it the validator,
// the sandbox and the fleet) and the drift radar read an object's `properties` and `required`, not
// `allOf`; so before they read the spec, every `allOf` of object schemas becomes the one object
// schema it means. What cannot be merged exactly fails, naming where: a merge that accepted more
// than the `allOf` would make the client less strict than the spec.

import { isDeepStrictEqual } from 'node:util';

/** What a part may say besides these is an annotation, which describes the part, not the whole. */
const annotations = new Set(['description', 'examples', 'example', 'title', 'summary', 'deprecated']);
/** Values, not schemas: an `allOf` key inside one is data. */
const values = new Set(['example', 'examples', 'default', 'const', 'enum']);
/** Maps from names to schemas: a name is never a keyword, though it be `enum` or `allOf`. */
const named = new Set(['properties', 'patternProperties', 'schemas', '$defs', 'definitions']);

/**
 * A copy of the document in which every `allOf` of object schemas is one object schema: `type`,
 * the `allOf` node's own annotations, `additionalProperties`, `required` and `properties`, in the
 * order the spec writes them by hand. `required` is every part's; a property two parts give is
 * kept when they agree, or is the narrower when one is an alternative of the other's `anyOf`
 * (`anyOf: [DisplayName, null]` and `DisplayName` is `DisplayName`).
 * @param {any} document a parsed OpenAPI document
 * @returns {any}
 */
export function flattenAllOf(document) {
  const resolving = new Set();
  const target = (pointer) =>
    pointer
      .slice(2)
      .split('/')
      .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
      .reduce((at, key) => at?.[key], document);
  /** A part as an object schema: its `$ref` followed, its own `allOf` merged. */
  const part = (schema, at) => {
    if (typeof schema?.$ref !== 'string') return visit(schema, at);
    if (!schema.$ref.startsWith('#/')) throw new Error(`${at}: only local references are flattened`);
    if (resolving.has(schema.$ref)) throw new Error(`${at}: ${schema.$ref} contains itself through allOf`);
    resolving.add(schema.$ref);
    try {
      return part(target(schema.$ref), schema.$ref);
    } finally {
      resolving.delete(schema.$ref);
    }
  };
  const visit = (node, at) => {
    if (Array.isArray(node)) return node.map((item, i) => visit(item, `${at}/${i}`));
    if (node === null || typeof node !== 'object') return node;
    if (Array.isArray(node.allOf)) return visit(merge(node, at), at);
    const each = (key, value) => {
      if (values.has(key)) return value;
      if (!named.has(key) || value === null || typeof value !== 'object') return visit(value, `${at}/${key}`);
      return Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, visit(sub, `${at}/${key}/${name}`)]));
    };
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, each(key, value)]));
  };
  const merge = (node, at) => {
    const { allOf, ...own } = node;
    const notes = Object.fromEntries(Object.entries(own).filter(([key]) => annotations.has(key)));
    const parts = [own, ...allOf.map((each, i) => part(each, `${at}/allOf/${i}`))];
    return mergeObjects(parts, notes, at);
  };
  return visit(document, '#');
}

/**
 * One object schema that accepts exactly what every part accepts.
 * @param {any[]} parts object schemas, their `$ref`s followed
 * @param {Record<string, unknown>} notes the annotations the merged schema keeps
 * @param {string} at where the `allOf` is, for messages
 */
function mergeObjects(parts, notes, at) {
  let type;
  let closed = false;
  const required = [];
  const properties = {};
  for (const schema of parts) {
    for (const [keyword, value] of Object.entries(schema)) {
      if (annotations.has(keyword)) continue;
      if (keyword === 'type' && value === 'object') type = 'object';
      else if (keyword === 'additionalProperties' && (value === false || value === true)) closed ||= !value;
      else if (keyword === 'required') required.push(...value.filter((name) => !required.includes(name)));
      else if (keyword === 'properties') {
        for (const [name, sub] of Object.entries(value)) {
          properties[name] = name in properties ? narrower(properties[name], sub, `${at}/properties/${name}`) : sub;
        }
      } else throw new Error(`${at}: allOf of "${keyword}: ${JSON.stringify(value)}" is not flattened`);
    }
  }
  // A part that admits no other key refuses every property it does not name, whichever part names it.
  for (const schema of parts.filter((each) => each.additionalProperties === false)) {
    const unnamed = Object.keys(properties).filter((name) => !Object.hasOwn(schema.properties ?? {}, name));
    if (unnamed.length > 0)
      throw new Error(`${at}: allOf adds ${unnamed.join(', ')} to a part with additionalProperties: false`);
  }
  return {
    ...(type ? { type } : {}),
    ...notes,
    ...(closed ? { additionalProperties: false } : {}),
    ...(required.length > 0 ? { required } : {}),
    properties,
  };
}

/** The narrower of two schemas for one property, when one is; otherwise generation fails. */
function narrower(a, b, at) {
  if (isDeepStrictEqual(a, b)) return a;
  if (a.anyOf?.some((alternative) => isDeepStrictEqual(alternative, b))) return b;
  if (b.anyOf?.some((alternative) => isDeepStrictEqual(alternative, a))) return a;
  throw new Error(`${at}: the parts of allOf give two schemas, neither an alternative of the other`);
}
