/** Errors a caller must act on (bad decisions, unusable original), each with a stable code. */

/** Stable machine-readable codes of `RedlineError`. */
export type RedlineErrorCode =
  | 'REDLINE_INVALID_DECISIONS'
  | 'REDLINE_UNKNOWN_FINDING'
  | 'REDLINE_EMPTY_EDIT'
  | 'REDLINE_NO_ALTERNATIVE'
  | 'REDLINE_ORIGINAL_MISMATCH'
  | 'REDLINE_UNSUPPORTED_DOCX';

/** A problem with the request or the original file, worded for the user. */
export class RedlineError extends Error {
  override readonly name = 'RedlineError';
  constructor(
    readonly code: RedlineErrorCode,
    message: string,
    readonly findingId?: string,
  ) {
    super(message);
  }
}

/** Type guard that survives duplicated module instances (checks the name and code, not the class). */
export function isRedlineError(error: unknown): error is RedlineError {
  return error instanceof Error && error.name === 'RedlineError' && typeof (error as { code?: unknown }).code === 'string';
}
