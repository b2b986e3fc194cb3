/** Errors the CLI reports as one line on stderr with an exit code, never as a stack trace. */

/** Exit codes: 1 = a document cannot be processed or a rule check failed, 2 = wrong usage, 3 = a bug, 4 = findings at or above --fail-on. */
export const EXIT = { ok: 0, input: 1, usage: 2, internal: 3, findings: 4 } as const;

/** A usage mistake (unknown command, missing file argument, bad option value). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly code = 'USAGE';
}
