/** Errors the CLI reports as one line on stderr with an exit code, never as a stack trace. */

/** Exit codes: 1 = the document or input cannot be processed, 2 = wrong usage. */
export const EXIT = { ok: 0, input: 1, usage: 2, internal: 3 } as const;

/** A usage mistake (unknown command, missing file argument, bad option value). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly code = 'USAGE';
}
