/** A Node of the matrix: its version, the integrity npm's registry gave, and the environment of its leg. */
export interface MatrixNode {
  version: string;
  integrity: string;
  env?: Record<string, string>;
}
export const nodes: MatrixNode[];
/** The failed tests of a leg's vitest JSON report, a line each with the first lines of its error ('' if none failed). */
export function digest(report: string): string;
