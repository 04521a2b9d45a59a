// Every public class and field carries JSDoc, so that an editor shows what it means.
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { expect, it } from 'vitest';

const file = new URL('./errors.ts', import.meta.url);
const source = ts.createSourceFile('errors.ts', readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
const documented = (node: ts.Node) => ts.getJSDocCommentsAndTags(node).length > 0;

it('documents every exported error class and each of its public fields', () => {
  const missing: string[] = [];
  const classes: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isClassDeclaration(statement) || !statement.name) continue;
    if (!statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) continue;
    classes.push(statement.name.text);
    if (!documented(statement)) missing.push(statement.name.text);
    for (const member of statement.members) {
      if (!ts.isPropertyDeclaration(member)) continue;
      if (member.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.PrivateKeyword)) continue;
      if (!documented(member)) missing.push(`${statement.name.text}.${member.name.getText(source)}`);
    }
  }
  expect(classes).toEqual(
    expect.arrayContaining(['SendersError', 'ConnectionError', 'NetworkError', 'TimeoutError', 'NextPageError']),
  );
  expect(missing).toEqual([]);
});
