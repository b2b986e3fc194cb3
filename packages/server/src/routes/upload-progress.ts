/**
 * Where an upload is while the server reads it: a scanned PDF takes seconds a page, so the
 * browser asks `GET /api/uploads/:uploadId/progress` (the id it sent with the upload) and shows
 * "reading scanned page 3 of 12". Kept in memory for the upload's lifetime only.
 */
import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import type { ParseProgress } from '@redliner/parser';
import { UploadProgressSchema } from '../response-schemas.ts';
import type { ZodTypeProvider } from '../zod-validation.ts';

/** An upload id chosen by the client: random, so one client cannot guess another's. */
export const UploadId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

const progressByUpload = new Map<string, ParseProgress>();

/** Track `uploadId`'s progress until `done` settles; returns the progress callback. */
export function trackUpload(uploadId: string | undefined, done: Promise<unknown>): ((progress: ParseProgress) => void) | undefined {
  if (!uploadId) return undefined;
  void done.finally(() => progressByUpload.delete(uploadId)).catch(() => undefined);
  return (progress) => progressByUpload.set(uploadId, progress);
}

/** Register `GET /api/uploads/:uploadId/progress`: `{stage: 'ocr', page, done, total}`, or `{stage: 'reading'}` before any. */
export function uploadProgressRoutes(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/uploads/:uploadId/progress', { schema: { params: z.strictObject({ uploadId: UploadId }), response: { 200: UploadProgressSchema } } }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return progressByUpload.get(request.params.uploadId) ?? { stage: 'reading' as const };
  });
}
