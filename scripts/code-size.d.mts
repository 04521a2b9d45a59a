export const maxFileLines: number;
export const maxFunctionLines: number;
export function shippedFiles(dir?: string): string[];
export function measureFile(path: string): {
  file: string;
  lines: number;
  functions: { name: string; line: number; lines: number }[];
};
export function overLimits(files?: string[]): string[];
