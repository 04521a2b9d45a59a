#!/usr/bin/env node
// `node scripts/code-size.mjs`: the shipped code's sizes against the limits a maintainer can read in one
// sitting: no file in src/ over 300 lines, no function over 60 (tests and test helpers excluded, since
// they are not shipped). A function's lines run from its first line to its last, nested closures
// included: a long callback makes its host long too. scripts/code-size.test.ts holds src/ to them.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { root } from './paths.mjs';

export const maxFileLines = 300;
export const maxFunctionLines = 60;

/** Shipped source files: src/**\/*.ts but tests, type tests and src/test/ (test helpers). */
export function shippedFiles(dir = join(root, 'src')) {
  /** @type {string[]} */
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (relative(join(root, 'src'), path) !== 'test') files.push(...shippedFiles(path));
    } else if (/\.ts$/.test(entry.name) && !/\.test(-d)?\.ts$/.test(entry.name)) files.push(path);
  }
  return files.sort();
}

/**
 * @param {string} path
 * @returns {{ file: string, lines: number, functions: { name: string, line: number, lines: number }[] }}
 */
export function measureFile(path) {
  const text = readFileSync(path, 'utf8');
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const lineOf = (position) => source.getLineAndCharacterOfPosition(position).line + 1;
  /** @type {{ name: string, line: number, lines: number }[]} */
  const functions = [];
  /** @param {ts.Node} node */
  const visit = (node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = lineOf(node.getStart(source));
      const end = lineOf(node.getEnd());
      functions.push({ name: nameOf(node, source), line: start, lines: end - start + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  const lines = text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length;
  return { file: relative(root, path), lines, functions };
}

/** @param {ts.Node} node @param {ts.SourceFile} source */
function nameOf(node, source) {
  if ('name' in node && node.name) return node.name.getText(source);
  const parent = node.parent;
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)))
    return parent.name.getText(source);
  return '(anonymous)';
}

/** Everything over a limit, as lines a person reads. */
export function overLimits(files = shippedFiles()) {
  const problems = [];
  for (const path of files) {
    const measured = measureFile(path);
    if (measured.lines > maxFileLines)
      problems.push(`${measured.file}: ${measured.lines} lines (over ${maxFileLines})`);
    for (const fn of measured.functions) {
      if (fn.lines > maxFunctionLines) {
        problems.push(`${measured.file}:${fn.line} ${fn.name}: ${fn.lines} lines (over ${maxFunctionLines})`);
      }
    }
  }
  return problems;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const problems = overLimits();
  for (const problem of problems) console.log(problem);
  console.log(problems.length === 0 ? 'code size: within the limits' : `code size: ${problems.length} over the limits`);
  process.exitCode = problems.length === 0 ? 0 : 1;
}
