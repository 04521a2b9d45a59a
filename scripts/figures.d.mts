export const readmePath: string;
export interface Measurements {
  size: { budget: number; bundle: { minified: number; gzipped: number }; package: Record<string, number> };
  results: Record<string, unknown>;
}
export function measurements(): Measurements;
/** The defaults the README's prose quotes. */
export interface QuotedDefaults {
  defaults: { poll: { intervalMs: number; growth: number; longestIntervalMs: number; maxWaitMs: number } };
  fleetDefaults: { concurrency: number };
}
export function figures(measurements: Measurements, quoted: QuotedDefaults): Record<string, string>;
export function rewrite(text: string, values: Record<string, string>): string;
export function outsideFigures(text: string): string;
export function used(text: string): string[];
export function withOptionDefaults(text: string, defaults: object): string;
export function builtDefaults(): QuotedDefaults & { defaults: Record<string, unknown> };
export function updateReadme(): void;
