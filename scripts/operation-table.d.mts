export interface OperationRow {
  operationId: string;
  method: string;
  path: string;
  retrySafe: boolean;
  reason: string;
}
export function operationTable(document: unknown): OperationRow[];
export function renderOperationTable(document: unknown): string;
