// An error as the journal and the reports keep it: data a program can branch on, never a credential.
import { ApiError } from '../errors.js';

/** An error, recorded: the service's status, code and request id when it answered. */
export interface ErrorRecord {
  status?: number;
  code?: number;
  message: string;
  requestId?: string;
}

/** The error as the journal and the report keep it. */
export function errorRecord(error: unknown): ErrorRecord {
  if (error instanceof ApiError) {
    const body = error.body as { message?: unknown; detail?: unknown } | undefined;
    const message = typeof body?.message === 'string' ? body.message : error.message;
    return {
      status: error.status,
      ...(error.code !== undefined ? { code: error.code } : {}),
      message,
      ...(error.requestId ? { requestId: error.requestId } : {}),
    };
  }
  return { message: error instanceof Error ? error.message : String(error) };
}
