/**
 * GET /api/storage: can the app save right now? The home screen shows the answer as a warning
 * when it cannot, so a lawyer learns that the disk is full or the folder read-only before an
 * upload fails, not after.
 */
import type { FastifyInstance } from 'fastify';
import { storageProblem } from '../problem.ts';

/** The answer: `problem` (the same code and words a failed save gets) only when saving would fail. */
export interface StorageStatus {
  writable: boolean;
  /** The data folder's name (never its path). */
  folder: string | undefined;
  problem?: { code: string; title: string; detail: string };
}

/** Register GET /api/storage. */
export function storageRoutes(app: FastifyInstance): void {
  app.get('/api/storage', async (): Promise<StorageStatus> => {
    const status = app.dataDirStatus();
    if (!status) return { writable: true, folder: undefined };
    if (status.writable) return { writable: true, folder: status.folder };
    const problem = storageProblem(status.failure, status.folder, 'New uploads, decisions and rule changes cannot be saved.');
    return { writable: false, folder: status.folder, problem: { code: problem.code, title: problem.title, detail: problem.message } };
  });
}
