/** Reviews: upload (parse + analyse + save), list, read, delete. */
import { basename } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseDocumentOffThread, ParserBusyError, type ContractDocument, type ParseProgress } from '@redliner/parser';
import { analyzeWith } from '../analysis/run-analysis.ts';
import { keepReading } from '../key-terms.ts';
import type { AppContext } from '../context.ts';
import { ProblemError, reviewNotFound } from '../problem.ts';
import { NoContentSchema } from '../response-schemas.ts';
import { ReviewListSchema, ReviewViewSchema } from '../review-response-schemas.ts';
import { ReviewParams, UploadFields } from '../schemas.ts';
import { parseOrThrow, type ZodTypeProvider } from '../zod-validation.ts';
import { reviewView } from './review-view.ts';
import { trackUpload } from './upload-progress.ts';

/** A file name safe to store and echo: no folders, no control characters, bounded length. */
function cleanName(raw: string | undefined): string {
  const name = basename((raw ?? '').replaceAll('\\', '/'))
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .trim()
    .slice(0, 200);
  return name || 'upload';
}

/**
 * The form parser's own complaints (a body cut off before its closing boundary, no boundary, a
 * broken part header) are plain errors without a code: the upload was malformed, not the server.
 * Our refusals and Fastify's coded limits pass through unchanged.
 */
function malformedForm(error: unknown): unknown {
  if (error instanceof ProblemError || !(error instanceof Error) || typeof (error as { code?: unknown }).code === 'string') return error;
  return new ProblemError('MALFORMED_UPLOAD', `The upload form could not be read (${error.message.replace(/^Multipart:\s*/, '')}): it was cut off or is not a well-formed multipart/form-data body. Nothing was saved; upload the contract again.`);
}

/** Read the multipart form: exactly one file in "file", optional text fields. */
async function readUpload(request: FastifyRequest): Promise<{ name: string; bytes: Uint8Array; fields: Record<string, string> }> {
  if (!request.isMultipart()) {
    throw new ProblemError('NOT_MULTIPART', 'Send the contract as multipart/form-data with the file in a "file" field.');
  }
  let file: { name: string; bytes: Uint8Array } | undefined;
  const fields: Record<string, string> = {};
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        // Always drain the stream (even when refusing it) or busboy stalls the request.
        const bytes = await part.toBuffer();
        if (part.fieldname !== 'file' || file) throw new ProblemError('UNEXPECTED_FILE', `Upload exactly one contract, in the "file" field (got "${part.fieldname}").`);
        file = { name: cleanName(part.filename), bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
      } else {
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (error) {
    throw malformedForm(error);
  }
  if (!file) throw new ProblemError('FILE_MISSING', 'Attach the contract (PDF or DOCX) in a form field named "file".');
  return { ...file, fields };
}

/** Seconds a client is asked to wait before retrying when the parse queue is full. */
const BUSY_RETRY_SECONDS = 5;

/** Parse off-thread; a full queue becomes 503 SERVER_BUSY with Retry-After instead of an ever longer wait. */
async function parseUpload(upload: { name: string; bytes: Uint8Array }, password: string | undefined, ctx: AppContext, reply: FastifyReply, onStart: () => void, onProgress: (progress: ParseProgress) => void): Promise<ContractDocument> {
  try {
    const options = { name: upload.name, ...(password ? { password } : {}), ocr: ctx.options.ocr, ocrPageTimeoutMs: ctx.options.ocrPageTimeoutMs, onProgress };
    return await parseDocumentOffThread(upload.bytes, options, { timeoutMs: ctx.options.parseTimeoutMs, onStart });
  } catch (error) {
    if (!(error instanceof ParserBusyError)) throw error;
    reply.header('retry-after', String(BUSY_RETRY_SECONDS));
    throw new ProblemError('SERVER_BUSY', `${error.waiting} contracts are already waiting to be read. Try again in a few seconds; nothing was saved for this upload.`);
  }
}

/**
 * Milliseconds spent in each stage of an upload, sent as a Server-Timing header so a client (or
 * `pnpm bench server`) can tell waiting from working. A stage that was skipped is not listed.
 */
function stageTimer(): { mark(stage: string): void; progress(progress: ParseProgress): void; header(): string } {
  const stages: Array<[string, number]> = [];
  let last = performance.now();
  // OCR runs inside the parse stage: its own entry says how long the scanned pages took.
  let ocr: { from: number; to: number; pages: number } | undefined;
  return {
    mark(stage) {
      const now = performance.now();
      stages.push([stage, now - last]);
      last = now;
    },
    progress(progress) {
      const now = performance.now();
      ocr ??= { from: now, to: now, pages: progress.total };
      ocr.to = now;
    },
    header: () => [...stages.map(([stage, ms]) => `${stage};dur=${ms.toFixed(1)}`), ...(ocr ? [`ocr;dur=${(ocr.to - ocr.from).toFixed(1)};desc="${ocr.pages} scanned page${ocr.pages === 1 ? '' : 's'}"`] : [])].join(', '),
  };
}

/** Register the review routes. */
export function reviewRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/reviews', { schema: { response: { 201: ReviewViewSchema } }, config: { invalidBody: 'INVALID_UPLOAD' } }, async (request, reply) => {
    const timing = stageTimer();
    const upload = await readUpload(request);
    const fields = parseOrThrow(UploadFields, upload.fields);
    timing.mark('read');
    let following: ((progress: ParseProgress) => void) | undefined;
    const parsing = parseUpload(upload, fields.password, ctx, reply, () => timing.mark('queue'), (progress) => {
      timing.progress(progress);
      following?.(progress);
    });
    following = trackUpload(fields.uploadId, parsing);
    const document = await parsing;
    timing.mark('parse');
    const { report, ruleset, keyTerms } = await analyzeWith(ctx, document, fields.ruleset);
    timing.mark('analyze');
    const summary = await ctx.store.create({ name: upload.name, original: upload.bytes, document, report, ruleset });
    const record = await ctx.store.get(summary.id);
    if (!record) throw reviewNotFound(summary.id); // deleted in between; vanishingly rare
    // The worker read the key terms with the rules: stored now, the portfolio and the deadlines
    // never read this contract again. A failure only leaves that reading to them.
    if (keyTerms) await keepReading(ctx, summary.id, keyTerms).catch(() => undefined);
    timing.mark('store');
    return reply.code(201).header('location', `/api/reviews/${summary.id}`).header('server-timing', timing.header()).send(reviewView(record));
  });

  r.get('/api/reviews', { schema: { response: { 200: ReviewListSchema } } }, async () => ({ reviews: await ctx.store.list() }));

  r.get('/api/reviews/:id', { schema: { params: ReviewParams, response: { 200: ReviewViewSchema } } }, async (request) => {
    const record = await ctx.store.get(request.params.id);
    if (!record) throw reviewNotFound(request.params.id);
    return reviewView(record);
  });

  r.delete('/api/reviews/:id', { schema: { params: ReviewParams, response: { 204: NoContentSchema } } }, async (request, reply) => {
    if (!(await ctx.store.delete(request.params.id))) throw reviewNotFound(request.params.id);
    return reply.code(204).send();
  });
}
