/**
 * The review store as the app uses it: SQLite in the data dir, with write failures the user can
 * fix (a full disk, a read-only folder) turned into `StorageWriteError`, a read-only mode when
 * the folder cannot be written at start, and recovery without a restart: while read-only, each
 * write first checks the folder again and reopens the database for writing once it can.
 */
import { join } from 'node:path';
import { checkDataDir, ensureReserve, releaseReserve, type DataDirStatus } from './data-dir.ts';
import type { ReviewStore } from './review-store.ts';
import { openSqliteStore, type SqliteReviewStore } from './sqlite-store.ts';
import { asStorageError, storageFailureOf, StorageWriteError } from './storage-failure.ts';

/** The database file in a data dir. */
export const DATABASE_FILE = 'redliner.db';

/** A store that knows the state of its data dir. */
export interface GuardedStore extends ReviewStore {
  /** The data dir as last checked (at start, or on the last write while read-only). */
  status(): DataDirStatus;
}

/** Open the store of `dataDir`; never throws for a full or read-only folder (it opens read-only instead). */
export function openGuardedStore(dataDir: string): GuardedStore {
  const file = join(dataDir, DATABASE_FILE);
  let status = checkDataDir(dataDir);
  let inner: SqliteReviewStore | undefined;
  // A full disk still opens for writing: deletes must work there, and SQLite reuses the room they free.
  if (status.writable || status.failure === 'disk-full') {
    try {
      inner = openSqliteStore(file);
      ensureReserve(dataDir);
    } catch (error) {
      const failure = storageFailureOf(error);
      if (!failure) throw error;
      status = { writable: false, folder: status.folder, failure, reason: (error as { code?: string }).code ?? 'write failed' };
    }
  }
  let readOnly = inner === undefined;
  if (!inner) {
    try {
      inner = openSqliteStore(file, { readOnly: true });
    } catch {
      // No database yet (or unreadable): an empty one in memory, so the app still starts and says why.
      inner = openSqliteStore(':memory:');
    }
  }
  let store: SqliteReviewStore = inner;

  /** While read-only, check the folder again; reopen for writing once it has been fixed. */
  const ensureWritable = (): void => {
    if (!readOnly) return;
    const now = checkDataDir(dataDir);
    if (!now.writable && now.failure === 'read-only') {
      status = now;
      throw new StorageWriteError(now.failure, now.folder);
    }
    const reopened = openSqliteStore(file);
    void store.close();
    store = reopened;
    status = now;
    readOnly = false;
    ensureReserve(dataDir);
  };

  const write = async <T>(run: (s: SqliteReviewStore) => Promise<T>): Promise<T> => {
    try {
      ensureWritable();
      const result = await run(store);
      if (!status.writable) status = { writable: true, folder: status.folder, freeBytes: undefined, low: false };
      return result;
    } catch (error) {
      const mapped = asStorageError(error, dataDir);
      if (mapped instanceof StorageWriteError) {
        status = { writable: false, folder: mapped.folder, failure: mapped.failure, reason: String((error as { code?: string }).code ?? mapped.failure) };
        // A folder that turned read-only is checked again (and the database reopened) on the next write.
        if (mapped.failure === 'read-only') readOnly = true;
      }
      throw mapped;
    }
  };
  /** A delete on a full disk: reuse the log's space, then give back the reserve, so the user can free space from the app. */
  const deleteReview = async (s: SqliteReviewStore, id: string): Promise<boolean> => {
    const attempts = [() => s.restartLog(), () => releaseReserve(dataDir)];
    for (;;) {
      try {
        return await s.delete(id);
      } catch (error) {
        const next = attempts.shift();
        if (storageFailureOf(error) !== 'disk-full' || !next) throw error;
        try {
          next();
        } catch {
          // The checkpoint itself may need room; the reserve is the next try.
        }
      }
    }
  };

  return {
    status: () => status,
    create: (review) =>
      write(async (s) => {
        const summary = await s.create(review);
        ensureReserve(dataDir); // there was room for a review: put the reserve back if a delete used it
        return summary;
      }),
    list: () => store.list(),
    get: (id) => store.get(id),
    original: (id) => store.original(id),
    finding: (reviewId, findingId) => store.finding(reviewId, findingId),
    setDecision: (reviewId, findingId, decision) => write((s) => s.setDecision(reviewId, findingId, decision)),
    replaceAnalysis: (id, report, ruleset) => write((s) => s.replaceAnalysis(id, report, ruleset)),
    delete: (id) => write((s) => deleteReview(s, id)),
    termCorrections: (reviewId) => store.termCorrections(reviewId),
    setTermCorrection: (reviewId, fieldId, correction) => write((s) => s.setTermCorrection(reviewId, fieldId, correction)),
    deleteTermCorrection: (reviewId, fieldId) => write((s) => s.deleteTermCorrection(reviewId, fieldId)),
    keyTermReading: (reviewId, stamp) => store.keyTermReading(reviewId, stamp),
    // A cache write: never worth an error, nor a switch to read-only mode.
    saveKeyTermReading: (reviewId, stamp, reading) => store.saveKeyTermReading(reviewId, stamp, reading).catch(() => undefined),
    findingTallies: () => store.findingTallies(),
    close: () => store.close(),
  };
}
