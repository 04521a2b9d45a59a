// What an editor shows on hover, asked of TypeScript's language service the way an editor asks it.
import { readFileSync } from 'node:fs';
import ts from 'typescript';

/**
 * The hover text at the first `.word;` of `source`, as if `source` were the file `file`: the type line,
 * the documentation, and the JSDoc tags (openapi-typescript writes `@description …`, which editors show
 * as a tag line below the type). Other files are read from disk, resolved with `options`.
 */
export function hoverText(file: string, source: string, word: string, options: ts.CompilerOptions): string {
  return hoverTexts(file, source, [word], options)[word] as string;
}

/** hoverText for several words of one source, asked of one language service (a service loads the libs once). */
export function hoverTexts(
  file: string,
  source: string,
  words: string[],
  options: ts.CompilerOptions,
): Record<string, string> {
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => ({ strict: true, noEmit: true, types: [], ...options }),
    getScriptFileNames: () => [file],
    getScriptVersion: () => '1',
    getScriptSnapshot: (name) => {
      const text = name === file ? source : ts.sys.fileExists(name) ? readFileSync(name, 'utf8') : undefined;
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => ts.sys.getCurrentDirectory(),
    getDefaultLibFileName: ts.getDefaultLibFilePath,
    fileExists: (name) => name === file || ts.sys.fileExists(name),
    readFile: (name) => (name === file ? source : ts.sys.readFile(name)),
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
    realpath: ts.sys.realpath,
  };
  const service = ts.createLanguageService(host, ts.createDocumentRegistry());
  try {
    return Object.fromEntries(
      words.map((word) => {
        const at = source.indexOf(`.${word};`);
        if (at === -1) throw new Error(`.${word}; is not in the source`);
        const info = service.getQuickInfoAtPosition(file, at + 1);
        const tags = (info?.tags ?? []).map((tag) => `@${tag.name} ${ts.displayPartsToString(tag.text)}`);
        const parts = [ts.displayPartsToString(info?.displayParts), ts.displayPartsToString(info?.documentation)];
        return [word, [...parts, ...tags].join('\n')];
      }),
    );
  } finally {
    service.dispose();
  }
}
