export function scenario(client: unknown, baseUrl: string): Promise<Record<string, unknown>>;
export const expected: Record<string, unknown>;
