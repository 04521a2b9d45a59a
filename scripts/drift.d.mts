/** The spec's path. */
export const specPath: string;
/** openapi/fidelity-decisions.yaml's path. */
export const decisionsPath: string;
/** One published source of the resource, read from disk. */
export function readSource(file: string): { kind: 'description' | 'sdk'; label: string; model: unknown };
/** The reviewed decisions, and which of them accepts a line of the radar's output. */
export function readDecisions(path?: string): {
  decisions: { topic: string; accepts?: string[] }[];
  acceptedBy: (line: string) => { topic: string } | undefined;
};
/** Runs the radar: from `from` when given, else from the registry. */
export function drift(
  from?: string[],
  options?: { spec?: string; decisions?: string },
): { output: string; code: number };
