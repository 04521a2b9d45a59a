// What an editor shows on hover, asked of TypeScript's language service as an editor asks it: the
// documentation of a property whose schema is a reference must reach the user's code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { root } from '../scripts/generate.mjs';

const user = join(root, 'src', 'hover-probe.ts');
const probe = `import type { Sender, SenderCreate } from './index.js';
declare const sender: Sender;
declare const body: SenderCreate;
sender.status;
sender.configuration;
body.sender_id;
`;

function hover(word: string): string {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noEmit: true,
    types: [],
  };
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => options,
    getScriptFileNames: () => [user],
    getScriptVersion: () => '1',
    getScriptSnapshot: (file) => {
      const text = file === user ? probe : ts.sys.fileExists(file) ? readFileSync(file, 'utf8') : undefined;
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => root,
    getDefaultLibFileName: ts.getDefaultLibFilePath,
    fileExists: (file) => file === user || ts.sys.fileExists(file),
    readFile: (file) => (file === user ? probe : ts.sys.readFile(file)),
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  };
  const service = ts.createLanguageService(host, ts.createDocumentRegistry());
  const info = service.getQuickInfoAtPosition(user, probe.lastIndexOf(`.${word};`) + 1);
  // openapi-typescript writes `@description …`: editors show it as a tag line below the type.
  const tags = (info?.tags ?? []).map((tag) => `@${tag.name} ${ts.displayPartsToString(tag.text)}`);
  const shown = [ts.displayPartsToString(info?.displayParts), ts.displayPartsToString(info?.documentation), ...tags];
  service.dispose();
  return shown.join('\n');
}

describe('hover text of the generated types', () => {
  it("shows the referenced schema's description on a property that is a reference (Sender['status'])", () => {
    const shown = hover('status');
    expect(shown).toContain('(property) status:');
    expect(shown).toContain('@description Where the sender is in its life.');
  });

  it('shows it through a reference-or-null, and on request bodies', () => {
    expect(hover('configuration')).toContain('How the sender was registered.');
    expect(hover('sender_id')).toContain('The channel-prefixed address');
  });
});
