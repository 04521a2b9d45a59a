// openapi-typescript writes a property's own `description` as its JSDoc, and nothing for a property
// that is only a reference: `status: components["schemas"]["SenderStatus"]` showed no documentation
// on hover, although SenderStatus has a description. OpenAPI 3.1 lets a `description` stand beside a
// `$ref`, and openapi-typescript 7.13 writes that one; so before generating, each such property that
// has none of its own is given the description of the schema it refers to. The spec is not changed.

const localSchema = /^#\/components\/schemas\/([^/]+)$/;

/**
 * A copy of the document in which every property that is a bare reference, or a reference or null,
 * carries a description: its own when it has one, else the referenced schema's (followed through
 * schemas that are themselves such references, as `NullableHttpUrl`).
 * @param {any} document the parsed OpenAPI document
 * @returns {any}
 */
export function describeReferences(document) {
  const copy = structuredClone(document);
  const schemas = copy.components?.schemas ?? {};
  const describedAs = (name, seen = new Set()) => {
    const schema = schemas[name];
    if (!schema || seen.has(name)) return undefined;
    seen.add(name);
    if (typeof schema.description === 'string') return schema.description;
    const next = referenceOf(schema);
    return next === undefined ? undefined : describedAs(next, seen);
  };
  const visit = (schema) => {
    if (typeof schema !== 'object' || schema === null) return;
    for (const property of Object.values(schema.properties ?? {})) {
      const target = referenceOf(property);
      const description = target === undefined ? undefined : describedAs(target);
      if (property.description === undefined && description !== undefined) property.description = description;
      visit(property);
    }
    for (const key of ['anyOf', 'oneOf', 'allOf', 'prefixItems']) for (const each of schema[key] ?? []) visit(each);
    for (const key of ['items', 'additionalProperties', 'not']) visit(schema[key]);
  };
  for (const schema of Object.values(schemas)) visit(schema);
  return copy;
}

/** The schema name a schema refers to: `{ $ref }`, or `anyOf`/`oneOf` of one `{ $ref }` and null. */
function referenceOf(schema) {
  if (typeof schema !== 'object' || schema === null) return undefined;
  if (typeof schema.$ref === 'string') return localSchema.exec(schema.$ref)?.[1];
  const members = schema.anyOf ?? schema.oneOf;
  if (!Array.isArray(members)) return undefined;
  const others = members.filter((member) => member?.type !== 'null');
  return others.length === 1 && members.length <= 2 ? referenceOf(others[0]) : undefined;
}
