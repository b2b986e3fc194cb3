/**
 * User-facing parse errors. Every error has a stable `code` (scripts and the API match on it)
 * and a message that says what is wrong and what to do, in words a lawyer can act on.
 */

/** Stable codes for documents the parser cannot read. */
export type ParseErrorCode =
  | 'FILE_EMPTY'
  | 'FILE_TOO_LARGE'
  | 'UNSUPPORTED_FORMAT'
  | 'PDF_PASSWORD_REQUIRED'
  | 'PDF_PASSWORD_INCORRECT'
  | 'PDF_CORRUPT'
  | 'PDF_SCANNED'
  | 'PDF_TOO_LARGE'
  | 'DOCX_CORRUPT'
  | 'DOCX_TOO_LARGE'
  | 'DOCX_NO_TEXT'
  | 'PARSE_TIMEOUT'
  | 'PARSE_FAILED';

/** An error the user can fix (or at least understand); never a bug report in disguise. */
export class ParseError extends Error {
  override readonly name = 'ParseError';
  readonly code: ParseErrorCode;
  /** The file the error is about, when known. */
  readonly file: string | undefined;

  constructor(code: ParseErrorCode, message: string, options: { file?: string; cause?: unknown } = {}) {
    super(options.file ? `${options.file}: ${message}` : message, { cause: options.cause });
    this.code = code;
    this.file = options.file;
  }
}

/** True for errors thrown on purpose by the parser (as opposed to bugs). */
export function isParseError(error: unknown): error is ParseError {
  return error instanceof ParseError || (typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'ParseError' && typeof (error as { code?: unknown }).code === 'string');
}
