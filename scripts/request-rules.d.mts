/** What the client validates before sending, from a parsed OpenAPI document. */
export function requestRules(document: unknown): {
  server: string;
  regionalServer: string;
  operations: Record<string, object>;
  schemas: Record<string, object>;
};
/** Keywords src/validate.ts implements. */
export const supportedKeywords: Set<string>;
/** Formats src/validate.ts implements. */
export const supportedFormats: Set<string>;
/** The extension that says a pattern in words. */
export const patternWords: string;
