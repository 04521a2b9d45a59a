#!/usr/bin/env node
// `npm run drift`: the radar. Fetches the newest `twilio` and `@twilio/cli-core` from the npm
// registry into a temporary folder, reads the Senders resource from each (the description bundled
// in cli-core, the SDK's typings and JS), compares both with openapi/senders.yaml and prints one
// line per difference. Exits 1 on any difference that no reviewed decision of
// openapi/fidelity-decisions.yaml accepts. `--from FILE` (repeatable) reads a description (.json,
// .yaml) or typings (.d.ts, with the .js beside them when there) from disk instead: no network.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { fromDescription, fromTypings } from './drift-model.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const specPath = join(root, 'openapi', 'senders.yaml');
export const decisionsPath = join(root, 'openapi', 'fidelity-decisions.yaml');

/** What each kind of source says, and so what is compared: the SDK says nothing of status codes. */
const said = {
  description: { codes: true },
  sdk: { codes: false },
};

const list = (values) => (values.length > 0 ? values.join(', ') : 'none');
const describeField = (field) =>
  [field.type, field.nullable ? 'nullable' : undefined, field.required ? 'required' : undefined]
    .filter(Boolean)
    .join(', ');

/**
 * Every difference between a published model and the spec's, one line each, naming the field, the
 * enum, the status or the code: `description: create profile.new_field: published, not in the spec`.
 * @param {'description' | 'sdk'} kind
 */
export function differences(kind, published, spec) {
  const lines = [];
  const line = (text) => lines.push(`${kind}: ${text}`);
  // A field under one the other side leaves untyped, or does not have, is not said by it: only the
  // outermost difference is a line. A body the source does not describe at all is not compared.
  const ancestors = (key) => {
    const [body, path] = key.split(' ');
    const parts = [];
    for (let at = path; /[.[]/.test(at); ) {
      at = at.replace(/(\.[^.[\]]*|\[\])$/, '');
      parts.push(`${body} ${at}`);
    }
    return parts;
  };
  const notSaid = (key, model) =>
    ancestors(key).some((parent) => !model.fields.has(parent) || model.fields.get(parent).type === 'any');
  const bodies = new Set([...published.fields.keys()].map((key) => key.split(' ')[0]));
  for (const [key, field] of published.fields) {
    const ours = spec.fields.get(key);
    if (!ours) {
      if (!notSaid(key, spec)) line(`${key}: published, not in the spec (${describeField(field)})`);
      continue;
    }
    if (field.type !== ours.type && field.type !== 'any')
      line(`${key}: type: published ${field.type}; spec ${ours.type}`);
    if (field.nullable !== undefined && field.nullable !== ours.nullable)
      line(`${key}: nullable: published ${field.nullable ? 'yes' : 'no'}; spec ${ours.nullable ? 'yes' : 'no'}`);
    if (field.required !== undefined && field.required !== Boolean(ours.required))
      line(`${key}: required: published ${field.required ? 'yes' : 'no'}; spec ${ours.required ? 'yes' : 'no'}`);
    const theirs = list(field.enum ?? []);
    const mine = list(ours.enum ?? []);
    if (key !== 'sender status' && theirs !== mine) line(`${key}: enum: published ${theirs}; spec ${mine}`);
  }
  for (const key of spec.fields.keys()) {
    if (published.fields.has(key) || !bodies.has(key.split(' ')[0]) || notSaid(key, published)) continue;
    // An array's items: a source that types the array but not its items says nothing of them.
    if (key.endsWith('[]')) continue;
    line(`${key}: in the spec, not published`);
  }
  for (const status of published.statuses)
    if (!spec.statuses.includes(status)) line(`status ${status}: published, not in the spec`);
  for (const status of spec.statuses)
    if (!published.statuses.includes(status)) line(`status ${status}: in the spec, not published`);
  if (said[kind].codes && published.codes) {
    for (const [operation, codes] of Object.entries(published.codes)) {
      const ours = spec.codes[operation] ?? [];
      for (const code of codes) if (!ours.includes(code)) line(`${operation} ${code}: published, not in the spec`);
      for (const code of ours) if (!codes.includes(code)) line(`${operation} ${code}: in the spec, not published`);
    }
  }
  for (const [name, parameter] of published.parameters) {
    const ours = spec.parameters.get(name);
    if (!ours) line(`list parameter ${name}: published, not in the spec`);
    else if (parameter.required !== ours.required)
      line(
        `list parameter ${name}: required: published ${parameter.required ? 'yes' : 'no'}; spec ${ours.required ? 'yes' : 'no'}`,
      );
  }
  for (const name of spec.parameters.keys())
    if (!published.parameters.has(name)) line(`list parameter ${name}: in the spec, not published`);
  return lines;
}

/** The reviewed decisions, and a test of whether one of them accepts a line (`*` is any text). */
export function readDecisions(path = decisionsPath) {
  const decisions = parse(readFileSync(path, 'utf8')).decisions;
  const patterns = decisions.flatMap((decision) =>
    (decision.accepts ?? []).map((pattern) => ({
      decision,
      test: new RegExp(
        `^${pattern
          .split('*')
          .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('.*')}$`,
      ),
    })),
  );
  return { decisions, acceptedBy: (line) => patterns.find(({ test }) => test.test(line))?.decision };
}

/** A source read from disk: a description (.json, .yaml, .yml) or typings (.d.ts). */
export function readSource(file) {
  const text = readFileSync(file, 'utf8');
  if (file.endsWith('.d.ts')) {
    const code = file.replace(/\.d\.ts$/, '.js');
    return {
      kind: 'sdk',
      label: basename(file),
      model: fromTypings(text, existsSync(code) ? readFileSync(code, 'utf8') : ''),
    };
  }
  return { kind: 'description', label: basename(file), model: fromDescription(parse(text)) };
}

/** Every file under `dir` whose path ends with `suffix`. */
function find(dir, suffix) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && join(entry.parentPath, entry.name).endsWith(suffix))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The newest `twilio` and `@twilio/cli-core` from the registry, unpacked in a temporary folder. */
function fetchPublished(dir) {
  const packed = JSON.parse(
    execFileSync('npm', ['pack', 'twilio@latest', '@twilio/cli-core@latest', '--json', '--pack-destination', dir], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  const sources = [];
  for (const { name, version, filename } of packed) {
    const into = join(dir, name.replace('/', '+'));
    execFileSync('mkdir', ['-p', into]);
    execFileSync('tar', ['xzf', join(dir, basename(filename)), '-C', into]);
    const files =
      name === 'twilio'
        ? find(into, 'lib/rest/messaging/v2/channelsSender.d.ts')
        : find(into, '/twilio_messaging_v2.json');
    if (files.length !== 1) throw new Error(`${name}@${version}: found ${files.length} Senders sources, expected 1`);
    sources.push({ ...readSource(files[0]), label: `${name}@${version}` });
  }
  return sources;
}

/**
 * Runs the radar and returns what it printed and its exit code.
 * @param {string[]} from files to read instead of the registry
 */
export function drift(from = [], { spec = specPath, decisions = decisionsPath } = {}) {
  const scratch = from.length === 0 ? mkdtempSync(join(tmpdir(), 'senders-drift-')) : undefined;
  try {
    const sources = scratch ? fetchPublished(scratch) : from.map(readSource);
    const ours = fromDescription(parse(readFileSync(spec, 'utf8')));
    const { acceptedBy } = readDecisions(decisions);
    const out = [];
    let fresh = 0;
    for (const source of sources) {
      out.push(`${source.label} (${source.kind})`);
      for (const line of differences(source.kind, source.model, ours)) {
        const decision = acceptedBy(line);
        if (!decision) fresh++;
        out.push(decision ? `  reviewed (${decision.topic}): ${line}` : `  NEW: ${line}`);
      }
    }
    out.push(
      fresh === 0
        ? 'drift: every difference is a reviewed decision'
        : `drift: ${fresh} difference${fresh === 1 ? '' : 's'} not reviewed: decide each in openapi/fidelity-decisions.yaml`,
    );
    return { output: out.join('\n'), code: fresh === 0 ? 0 : 1 };
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const from = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--from' && args[i + 1]) from.push(resolve(args[++i]));
    else {
      console.error(`drift: unknown argument ${args[i]}; usage: npm run drift [-- --from FILE ...]`);
      process.exit(2);
    }
  }
  const { output, code } = drift(from);
  console.log(output);
  process.exitCode = code;
}
