// The Senders resource as one comparable model, read from an OpenAPI description (ours, 3.1, or
// Twilio's published one, 3.0) or from the official Node SDK's typings (and its JS beside them,
// when there, for wire names). Dev tooling for `npm run drift`; nothing ships from here.
//
// A model: `fields` maps `<body> <path>` (body: create, update, sender, meta; path such as
// `profile.websites[].label`) to { type, nullable, required, enum }; `statuses` the sender's
// status enum; `codes` each operation's documented HTTP statuses; `parameters` the list's query
// parameters. A source leaves out what it does not say: `undefined` is "not said", never "false".
import ts from 'typescript';
import { flattenAllOf } from './all-of.mjs';

/** The resource's operations, as our spec names them, by where they live in an OpenAPI document. */
export const operationsAt = {
  listSenders: ['/v2/Channels/Senders', 'get'],
  createSender: ['/v2/Channels/Senders', 'post'],
  fetchSender: ['/v2/Channels/Senders/{Sid}', 'get'],
  updateSender: ['/v2/Channels/Senders/{Sid}', 'post'],
  deleteSender: ['/v2/Channels/Senders/{Sid}', 'delete'],
};

/**
 * The model of an OpenAPI description of the resource. An `allOf` of object schemas is read as the
 * one object it means (scripts/all-of.mjs), as the request rules read it.
 * @param {any} parsed a parsed OpenAPI 3.0 or 3.1 document
 */
export function fromDescription(parsed) {
  const document = flattenAllOf(parsed);
  const deref = (node) => {
    let current = node;
    for (let depth = 0; current?.$ref && depth < 32; depth++) {
      current = current.$ref
        .slice(2)
        .split('/')
        .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
        .reduce((at, key) => at?.[key], document);
    }
    return current ?? {};
  };
  const fields = new Map();
  /** The non-null alternatives of a schema, and whether null is allowed. */
  const flatten = (node) => {
    const schema = deref(node);
    let nullable = schema.nullable === true || (Array.isArray(schema.type) && schema.type.includes('null'));
    const parts = [];
    const alternatives = schema.anyOf ?? schema.oneOf;
    if (alternatives) {
      for (const alternative of alternatives) {
        const inner = flatten(alternative);
        nullable ||= inner.nullable;
        parts.push(...inner.parts);
      }
    } else if (schema.type === 'null' || (Array.isArray(schema.type) && schema.type.every((t) => t === 'null'))) {
      nullable = true;
    } else {
      parts.push(schema);
    }
    return { nullable, parts };
  };
  const typeOf = (schema) => {
    const types = Array.isArray(schema.type) ? schema.type.filter((t) => t !== 'null') : [schema.type];
    if (types[0] !== undefined) return types;
    if (schema.properties) return ['object'];
    if (schema.items) return ['array'];
    return ['any'];
  };
  const walk = (body, path, node, required, depth) => {
    if (depth > 16) return;
    const { nullable, parts } = flatten(node);
    const types = new Set(parts.flatMap(typeOf));
    const enums = parts.flatMap((part) => part.enum ?? []).filter((value) => value !== null);
    if (path) {
      fields.set(`${body} ${path}`, {
        type: [...types].sort().join('|') || 'any',
        nullable,
        required,
        ...(enums.length > 0 ? { enum: [...new Set(enums)].map(String).sort() } : {}),
      });
    }
    for (const part of parts) {
      const schema = deref(part);
      for (const [name, sub] of Object.entries(schema.properties ?? {})) {
        const at = path ? `${path}.${name}` : name;
        walk(body, at, sub, (schema.required ?? []).includes(name), depth + 1);
      }
      if (schema.items && path) walk(body, `${path}[]`, schema.items, undefined, depth + 1);
    }
  };
  const operation = (id) => {
    const [path, method] = operationsAt[id];
    return document.paths?.[path]?.[method];
  };
  const json = (content) => deref(content)?.['application/json']?.schema;
  for (const [body, id] of [
    ['create', 'createSender'],
    ['update', 'updateSender'],
  ]) {
    const schema = json(deref(operation(id)?.requestBody).content);
    if (schema) walk(body, '', schema, undefined, 0);
  }
  const sender = json(deref(operation('fetchSender')?.responses?.['200'])?.content);
  if (sender) walk('sender', '', sender, undefined, 0);
  const page = deref(json(deref(operation('listSenders')?.responses?.['200'])?.content));
  if (page.properties?.meta) walk('meta', '', page.properties.meta, undefined, 0);

  const statuses = flatten(deref(sender).properties?.status).parts.flatMap((part) => part.enum ?? []);
  const codes = Object.fromEntries(
    Object.keys(operationsAt).map((id) => [id, Object.keys(operation(id)?.responses ?? {}).sort()]),
  );
  const parameters = new Map();
  for (const parameter of [
    ...(document.paths?.[operationsAt.listSenders[0]]?.parameters ?? []),
    ...(operation('listSenders')?.parameters ?? []),
  ].map(deref)) {
    if (parameter.in !== 'query') continue;
    const { parts } = flatten(parameter.schema);
    parameters.set(parameter.name, { type: parts.flatMap(typeOf).join('|'), required: parameter.required === true });
  }
  return { fields, statuses, codes, parameters };
}

/** `phoneNumbers` → `phone_numbers`: the SDK's property names are its wire keys in camelCase. */
const snake = (name) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/**
 * The model of the SDK's typings (`lib/rest/messaging/v2/channelsSender.d.ts`). With its JS, wire
 * keys and list parameter names are read from the code (`payload["waba_id"]`, `data["Page"]`);
 * without it they follow the SDK's naming rules. The SDK says nothing of status codes, and its
 * response types say nothing of required-ness or null: those are left out.
 * @param {string} typings the .d.ts text
 * @param {string} [code] the .js text beside it
 */
export function fromTypings(typings, code = '') {
  const file = ts.createSourceFile('channelsSender.d.ts', typings, ts.ScriptTarget.Latest);
  const declarations = new Map();
  const unions = new Map();
  for (const statement of file.statements) {
    if (ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement)) {
      const members = [];
      for (const member of statement.members) {
        if (!(ts.isPropertyDeclaration(member) || ts.isPropertySignature(member)) || !member.type) continue;
        const name = ts.isStringLiteral(member.name) || ts.isIdentifier(member.name) ? member.name.text : undefined;
        if (name && !name.startsWith('_'))
          members.push({ name, optional: member.questionToken !== undefined, type: member.type });
      }
      if (statement.name) declarations.set(statement.name.text, members);
    } else if (ts.isTypeAliasDeclaration(statement) && ts.isUnionTypeNode(statement.type)) {
      const literals = statement.type.types
        .filter((part) => ts.isLiteralTypeNode(part) && ts.isStringLiteral(part.literal))
        .map((part) => part.literal.text);
      if (literals.length > 0) unions.set(statement.name.text, literals);
    }
  }
  // Wire keys by class, from the JS: `this.wabaId = payload["waba_id"];` inside `class X {`.
  const wire = new Map();
  let current;
  for (const line of code.split('\n')) {
    const opened = /^class (\w+)/.exec(line);
    if (opened) current = opened[1];
    const assigned = /this\.(\w+) = payload\["(\w+)"\]/.exec(line);
    if (current && assigned) wire.set(`${current}.${assigned[1]}`, assigned[2]);
  }
  const fields = new Map();
  const walk = (body, className, prefix, { requestBody, depth }) => {
    if (depth > 16) return;
    for (const member of declarations.get(className) ?? []) {
      const key = wire.get(`${className}.${member.name}`) ?? snake(member.name);
      const path = `${prefix}${key}`;
      let node = member.type;
      let nullable = false;
      const named = [];
      const kinds = new Set();
      const visit = (type) => {
        if (ts.isUnionTypeNode(type)) {
          for (const part of type.types) visit(part);
          return;
        }
        if (ts.isLiteralTypeNode(type) && type.literal.kind === ts.SyntaxKind.NullKeyword) {
          nullable = true;
          return;
        }
        if (ts.isArrayTypeNode(type)) {
          kinds.add('array');
          node = type.elementType;
          if (ts.isTypeReferenceNode(node)) named.push([`${node.typeName.getText(file)}`, true]);
          return;
        }
        if (ts.isTypeReferenceNode(type)) {
          const name = type.typeName.getText(file);
          if (name === 'Array' && type.typeArguments?.[0]) {
            kinds.add('array');
            const element = type.typeArguments[0];
            if (ts.isTypeReferenceNode(element)) named.push([element.typeName.getText(file), true]);
            return;
          }
          if (name === 'Date') return void kinds.add('string');
          if (unions.has(name)) return void named.push([name, false]);
          if (declarations.has(name)) {
            kinds.add('object');
            named.push([name, false]);
            return;
          }
        }
        const text = type.getText(file);
        kinds.add(text === 'any' ? 'any' : text === 'number' ? 'number' : text === 'boolean' ? 'boolean' : 'string');
      };
      visit(node);
      const enumName = named.find(([name]) => unions.has(name))?.[0];
      if (enumName) kinds.add('string');
      fields.set(`${body} ${path}`, {
        type: [...kinds].sort().join('|') || 'any',
        ...(requestBody ? { nullable, required: !member.optional } : {}),
        ...(enumName ? { enum: [...unions.get(enumName)].sort() } : {}),
      });
      for (const [name, list] of named) {
        if (declarations.has(name)) walk(body, name, `${path}${list ? '[]' : ''}.`, { requestBody, depth: depth + 1 });
      }
    }
  };
  walk('create', 'MessagingV2ChannelsSenderRequestsCreate', '', { requestBody: true, depth: 0 });
  walk('update', 'MessagingV2ChannelsSenderRequestsUpdate', '', { requestBody: true, depth: 0 });
  walk('sender', 'ChannelsSenderResource', '', { requestBody: false, depth: 0 });
  // The status field's enum is the resource's statuses.
  const statuses = unions.get('ChannelsSenderStatus') ?? [];
  const parameters = new Map();
  const fromCode = [...code.matchAll(/data\["(\w+)"\] = params(?:\["(\w+)"\]|\.(\w+))/g)];
  for (const member of declarations.get('ChannelsSenderListInstancePageOptions') ?? []) {
    const found = fromCode.find((match) => (match[2] ?? match[3]) === member.name)?.[1];
    // Without the JS: the SDK sends `pageNumber` as `Page`, every other option in PascalCase.
    const name =
      found ?? (member.name === 'pageNumber' ? 'Page' : member.name.replace(/^./, (first) => first.toUpperCase()));
    const text = member.type.getText(file);
    parameters.set(name, { type: text === 'number' ? 'integer' : text, required: !member.optional });
  }
  return { fields, statuses, codes: undefined, parameters };
}
