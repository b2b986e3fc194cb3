/**
 * The data dir's health: can Redliner write there, and how much room is left. Checked at start
 * (a clear warning instead of a crash or a silent failure on the first save) and again before a
 * write while the app is read-only, so it recovers without a restart once the folder is fixed.
 *
 * The reserve file is a few megabytes set aside while there is room: when the disk fills up, it
 * is given back so that deleting reviews (which SQLite must journal) still works and the user
 * can free space from the app.
 */
import { existsSync, mkdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { storageFailureOf, type StorageFailure } from './storage-failure.ts';

/** What the start-up check found. */
export type DataDirStatus =
  | { writable: true; folder: string; freeBytes: number | undefined; low: boolean }
  | { writable: false; folder: string; failure: StorageFailure; reason: string };

/** Below this much free space the start-up check warns (a 50 MB upload and its review need about twice that). */
export const LOW_SPACE_BYTES = 200 * 1024 * 1024;

/** Bytes kept in reserve for deletes on a full disk. */
export const RESERVE_BYTES = 4 * 1024 * 1024;

const PROBE = '.redliner-write-check';
const RESERVE = '.redliner-reserve';

/** Free bytes for an unprivileged writer on the disk of `dir`, or undefined when the platform cannot tell. */
function freeBytesOf(dir: string): number | undefined {
  try {
    const stats = statfsSync(dir);
    return Number(stats.bavail) * Number(stats.bsize);
  } catch {
    return undefined;
  }
}

/**
 * Check that `dir` exists (creating it) and takes a write: a real probe file, because
 * permissions alone do not tell (root ignores them; a read-only mount does not show in them).
 */
export function checkDataDir(dir: string): DataDirStatus {
  const folder = basename(dir);
  try {
    mkdirSync(dir, { recursive: true });
    const probe = join(dir, PROBE);
    writeFileSync(probe, 'ok');
    rmSync(probe, { force: true });
  } catch (error) {
    const failure = storageFailureOf(error);
    if (!failure) throw error;
    return { writable: false, folder, failure, reason: (error as NodeJS.ErrnoException).code ?? 'write failed' };
  }
  const freeBytes = freeBytesOf(dir);
  return { writable: true, folder, freeBytes, low: freeBytes !== undefined && freeBytes < LOW_SPACE_BYTES };
}

/** A warning for the server log and the `serve` command, or undefined when all is well. */
export function dataDirWarning(status: DataDirStatus): string | undefined {
  if (!status.writable) {
    return status.failure === 'disk-full'
      ? `The disk holding Redliner's data folder "${status.folder}" is full: reviews can be read but nothing new can be saved. Free space on that disk; Redliner picks it up on the next save, no restart needed.`
      : `Redliner cannot write to its data folder "${status.folder}" (${status.reason}): reviews can be read but nothing new can be saved. Make the folder writable (or use --data-dir); Redliner picks it up on the next save, no restart needed.`;
  }
  if (status.low && status.freeBytes !== undefined) {
    return `The disk holding Redliner's data folder "${status.folder}" has only ${Math.round(status.freeBytes / 1024 / 1024)} MB free. Uploads may fail with "disk full"; free some space or delete old reviews.`;
  }
  return undefined;
}

/** Set the reserve aside when there is room for it; never fails (it is a precaution). */
export function ensureReserve(dir: string): void {
  const file = join(dir, RESERVE);
  try {
    if (existsSync(file)) return;
    const free = freeBytesOf(dir);
    if (free !== undefined && free < RESERVE_BYTES * 4) return;
    writeFileSync(file, Buffer.alloc(RESERVE_BYTES));
  } catch {
    try {
      rmSync(file, { force: true });
    } catch {
      // Nothing more to do: a partial reserve is still a reserve.
    }
  }
}

/** Give the reserve back to the disk; true when there was one. */
export function releaseReserve(dir: string): boolean {
  const file = join(dir, RESERVE);
  if (!existsSync(file)) return false;
  rmSync(file, { force: true });
  return true;
}
