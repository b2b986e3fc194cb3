/** Reviews: upload (parse + analyse + save), list, read, delete. */
import { basename } from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseDocumentOffThread } from '@redliner/parser';
import { analyzeWith } from '../analysis/run-analysis.ts';
import type { AppContext } from '../context.ts';
import { ProblemError, reviewNotFound } from '../problem.ts';
import { ReviewParams, UploadFields } from '../schemas.ts';
import { parseOrThrow, type ZodTypeProvider } from '../zod-validation.ts';
import { reviewView } from './review-view.ts';

/** A file name safe to store and echo: no folders, no control characters, bounded length. */
function cleanName(raw: string | undefined): string {
  const name = basename((raw ?? '').replaceAll('\\', '/'))
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .trim()
    .slice(0, 200);
  return name || 'upload';
}

/** Read the multipart form: exactly one file in "file", optional text fields. */
async function readUpload(request: FastifyRequest): Promise<{ name: string; bytes: Uint8Array; fields: Record<string, string> }> {
  if (!request.isMultipart()) {
    throw new ProblemError(415, 'NOT_MULTIPART', 'Upload must be multipart/form-data', 'Send the contract as multipart/form-data with the file in a "file" field.');
  }
  let file: { name: string; bytes: Uint8Array } | undefined;
  const fields: Record<string, string> = {};
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      // Always drain the stream (even when refusing it) or busboy stalls the request.
      const bytes = await part.toBuffer();
      if (part.fieldname !== 'file' || file) throw new ProblemError(400, 'UNEXPECTED_FILE', 'Unexpected file field', `Upload exactly one contract, in the "file" field (got "${part.fieldname}").`);
      file = { name: cleanName(part.filename), bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
    } else {
      fields[part.fieldname] = String(part.value);
    }
  }
  if (!file) throw new ProblemError(400, 'FILE_MISSING', 'No file uploaded', 'Attach the contract (PDF or DOCX) in a form field named "file".');
  return { ...file, fields };
}

/** Register the review routes. */
export function reviewRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/reviews', { config: { invalidBody: 'INVALID_UPLOAD' } }, async (request, reply) => {
    const upload = await readUpload(request);
    const fields = parseOrThrow(UploadFields, upload.fields);
    const document = await parseDocumentOffThread(upload.bytes, { name: upload.name, ...(fields.password ? { password: fields.password } : {}) }, { timeoutMs: ctx.options.parseTimeoutMs });
    const { report, ruleset } = await analyzeWith(ctx, document, fields.ruleset);
    const summary = await ctx.store.create({ name: upload.name, original: upload.bytes, document, report, ruleset });
    const record = await ctx.store.get(summary.id);
    if (!record) throw reviewNotFound(summary.id); // deleted in between; vanishingly rare
    return reply.code(201).header('location', `/api/reviews/${summary.id}`).send(reviewView(record));
  });

  r.get('/api/reviews', async () => ({ reviews: await ctx.store.list() }));

  r.get('/api/reviews/:id', { schema: { params: ReviewParams } }, async (request) => {
    const record = await ctx.store.get(request.params.id);
    if (!record) throw reviewNotFound(request.params.id);
    return reviewView(record);
  });

  r.delete('/api/reviews/:id', { schema: { params: ReviewParams } }, async (request, reply) => {
    if (!(await ctx.store.delete(request.params.id))) throw reviewNotFound(request.params.id);
    return reply.code(204).send();
  });
}
