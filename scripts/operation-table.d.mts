export interface OperationRow {
  operationId: string;
  method: string;
  path: string;
  retrySafe: boolean;
  reason: string;
  goneMeansDone: boolean;
  emptyBody: boolean;
  pagination: { items: string; next: string } | undefined;
}
export function operationTable(document: unknown): OperationRow[];
export function renderOperationTable(document: unknown): string;
