/**
 * Why a write to the data dir failed, in the two ways a user can fix: the disk is full, or the
 * folder cannot be written (a read-only mount, wrong permissions). Node reports them as errno
 * codes, SQLite (better-sqlite3) as its own result codes; both are mapped here so every write
 * path (reviews, decisions, rule files) answers the same typed error.
 */
import { basename } from 'node:path';

/** A write failure the user can act on. */
export type StorageFailure = 'disk-full' | 'read-only';

const DISK_FULL = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL']);
const READ_ONLY = new Set(['EROFS', 'EACCES', 'EPERM', 'SQLITE_READONLY', 'SQLITE_PERM', 'SQLITE_CANTOPEN']);

/** The failure behind `error`, or undefined when it is something else (a bug, a constraint). */
export function storageFailureOf(error: unknown): StorageFailure | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  if (DISK_FULL.has(code)) return 'disk-full';
  // SQLite's extended codes: SQLITE_READONLY_DBMOVED, SQLITE_READONLY_DIRECTORY, SQLITE_CANTOPEN_ISDIR…
  if (READ_ONLY.has(code) || code.startsWith('SQLITE_READONLY_')) return 'read-only';
  return undefined;
}

/**
 * A write to the data dir that failed for a reason the user can fix. Carries only the data
 * folder's name: messages never show the server's absolute paths.
 */
export class StorageWriteError extends Error {
  override readonly name = 'StorageWriteError';
  constructor(
    readonly failure: StorageFailure,
    /** The data folder's name (e.g. ".redliner"), never its path. */
    readonly folder: string,
    options?: { cause?: unknown },
  ) {
    super(failure === 'disk-full' ? `the disk holding the data folder "${folder}" is full` : `the data folder "${folder}" cannot be written to`, options);
  }
}

/** `error` as a StorageWriteError when it is a full disk or a read-only folder; otherwise `error` itself. */
export function asStorageError(error: unknown, dataDir: string): unknown {
  if (error instanceof StorageWriteError) return error;
  const failure = storageFailureOf(error);
  return failure ? new StorageWriteError(failure, basename(dataDir), { cause: error }) : error;
}
