export const root: string;
export const specPath: string;
export const generatedDir: string;
export function render(spec?: string): Promise<Map<string, string>>;
export function generate(options?: { spec?: string; outDir?: string }): Promise<string[]>;
