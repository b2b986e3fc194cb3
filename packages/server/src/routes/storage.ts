/**
 * GET /api/storage: can the app save right now? The home screen shows the answer as a warning
 * when it cannot, so a lawyer learns that the disk is full or the folder read-only before an
 * upload fails, not after.
 */
import type { FastifyInstance } from 'fastify';
import { storageProblem } from '../problem.ts';
import { StorageStatusSchema } from '../response-schemas.ts';
import type { ZodTypeProvider } from '../zod-validation.ts';

/** Register GET /api/storage. */
export function storageRoutes(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/storage', { schema: { response: { 200: StorageStatusSchema } } }, async () => {
    const status = app.dataDirStatus();
    if (!status) return { writable: true };
    if (status.writable) return { writable: true, folder: status.folder };
    const problem = storageProblem(status.failure, status.folder, 'New uploads, decisions and rule changes cannot be saved.');
    return { writable: false, folder: status.folder, problem: { code: problem.code, title: problem.title, detail: problem.message } };
  });
}
