// Extracts what the client validates before sending, from the spec: each operation's path and
// query parameters and its JSON body, with the component schemas they reach. Annotations are
// dropped; a validation keyword that src/validate.ts does not implement fails generation, so the
// client can never be silently less strict than the spec. An `allOf` of object schemas is read as
// the one object it means (scripts/all-of.mjs), so that the rules' readers see its properties.

import { flattenAllOf } from './all-of.mjs';

/** Keywords src/validate.ts implements. */
export const supportedKeywords = new Set([
  '$ref',
  'type',
  'enum',
  'const',
  'pattern',
  'format',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'minItems',
  'maxItems',
  'required',
  'properties',
  'additionalProperties',
  'items',
  'anyOf',
  'oneOf',
  'allOf',
]);
/** Formats src/validate.ts implements. */
export const supportedFormats = new Set(['uri', 'email']);
/** The extension that says a pattern in words: `` `whatsapp:` followed by an E.164 number ``. */
export const patternWords = 'x-pattern-description';
const annotations = new Set(['description', 'examples', 'example', 'title', 'summary', 'default', 'deprecated']);
const methods = ['get', 'put', 'post', 'delete', 'patch'];

/**
 * @param {any} parsed the parsed OpenAPI document
 * @returns {{ server: string, regionalServer: string, operations: Record<string, object>, schemas: Record<string, object> }}
 */
export function requestRules(parsed) {
  const document = flattenAllOf(parsed);
  const schemas = {};
  const resolve = (node) => {
    let current = node;
    while (current?.$ref) {
      current = current.$ref
        .slice(2)
        .split('/')
        .reduce((at, key) => at[key], document);
    }
    return current;
  };
  const reach = (schema, at) => {
    if (schema === null || typeof schema !== 'object') return schema;
    if (Array.isArray(schema)) return schema.map((item, i) => reach(item, `${at}/${i}`));
    const kept = {};
    // A pattern is said in words in messages, never as the expression: the words and an example
    // come from the spec, and a pattern without them fails generation.
    if (schema.pattern !== undefined) {
      const words = schema[patternWords];
      if (typeof words !== 'string' || !words.trim() || !Array.isArray(schema.examples)) {
        throw new Error(`${at}: a pattern needs ${patternWords} (the pattern in words) and examples`);
      }
      kept[patternWords] = words.trim();
      kept.examples = schema.examples.slice(0, 1);
    }
    for (const [keyword, value] of Object.entries(schema)) {
      if (keyword === patternWords) continue;
      // Defaults are kept: what the service assumes when a parameter is left out (the sandbox's page size).
      if (keyword === 'default') kept.default = value;
      if (annotations.has(keyword)) continue;
      if (!supportedKeywords.has(keyword))
        throw new Error(`${at}: keyword "${keyword}" is not implemented by src/validate.ts`);
      if (keyword === 'format' && !supportedFormats.has(value))
        throw new Error(`${at}: format "${value}" is not implemented`);
      if (keyword === '$ref') {
        const name = value.replace('#/components/schemas/', '');
        if (name === value) throw new Error(`${at}: only #/components/schemas references are supported`);
        if (!(name in schemas)) {
          schemas[name] = {};
          schemas[name] = reach(document.components.schemas[name], value);
        }
        kept.$ref = name;
      } else if (keyword === 'properties') {
        kept.properties = Object.fromEntries(
          Object.entries(value).map(([name, sub]) => [name, reach(sub, `${at}/properties/${name}`)]),
        );
      } else if (['enum', 'required', 'const'].includes(keyword)) {
        kept[keyword] = value;
      } else {
        kept[keyword] = reach(value, `${at}/${keyword}`);
      }
    }
    return kept;
  };

  const operations = {};
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of methods) {
      const operation = item[method];
      if (!operation) continue;
      const at = `#/paths/${path}/${method}`;
      const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map(resolve);
      // Only what is there: `required` when true, a group when it has parameters.
      const rule = (required, schema) => (required === true ? { required: true, schema } : { schema });
      const rules = {};
      for (const where of ['path', 'query']) {
        const group = parameters.filter((parameter) => parameter.in === where);
        if (group.length === 0) continue;
        rules[where] = Object.fromEntries(
          group.map((parameter) => [
            parameter.name,
            rule(parameter.required, reach(parameter.schema, `${at}/${parameter.name}`)),
          ]),
        );
      }
      const body = resolve(operation.requestBody)?.content?.['application/json'];
      if (body) rules.body = rule(resolve(operation.requestBody).required, reach(body.schema, at));
      operations[operation.operationId] = rules;
    }
  }
  // The global host, `servers[0]`, is the default base URL; the one with {edge} and {region} pins them.
  const regional = document.servers.find((server) => server.variables?.edge && server.variables?.region);
  return { server: document.servers[0].url, regionalServer: regional.url, operations, schemas };
}
