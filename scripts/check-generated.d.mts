export function findStale(options?: { spec?: string; generatedDir?: string }): Promise<string[]>;
