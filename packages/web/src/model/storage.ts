/** Whether the server can save right now, as one warning for the home screen. */

import type { StorageStatus } from '@redliner/server';

/** GET /api/storage, as the server's response schema defines it. */
export type { StorageStatus };

/** The warning to show, or undefined when saving works: the server's own words (the same as a failed save shows). */
export function storageWarning(status: StorageStatus): { headline: string; detail: string } | undefined {
  if (status.writable) return undefined;
  if (status.problem) return { headline: status.problem.title, detail: status.problem.detail };
  return { headline: 'Nothing can be saved right now', detail: "Redliner cannot write to its data folder. Reviews can still be opened; check the server's data folder, then try again." };
}
