export const kinds: Record<string, string>;
export interface StatusRow {
  status: string;
  kind: string;
}
export function statusKinds(document: unknown): StatusRow[];
export function renderStatuses(document: unknown): string;
