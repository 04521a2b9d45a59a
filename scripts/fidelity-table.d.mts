/** README.md's path. */
export const readmePath: string;
/** openapi/fidelity-decisions.yaml's path. */
export const decisionsPath: string;
/** The comments around the generated table in README.md. */
export const markers: [string, string];
/** The Fidelity table, from the reviewed decisions. */
export function renderTable(decisions?: unknown[]): string;
/** The README with its table replaced by a fresh rendering. */
export function withTable(readme: string, table?: string): string;
