export const readmePath: string;
export interface Measurements {
  size: { budget: number; bundle: { minified: number; gzipped: number }; package: Record<string, number> };
  results: Record<string, unknown>;
}
export function measurements(): Measurements;
export function figures(measurements: Measurements): Record<string, string>;
export function rewrite(text: string, values: Record<string, string>): string;
export function outsideFigures(text: string): string;
export function used(text: string): string[];
export function withOptionDefaults(text: string, defaults: object): string;
export function builtDefaults(): Record<string, unknown>;
export function updateReadme(): void;
