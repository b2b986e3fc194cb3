/**
 * The uploaded PDF itself, for the browser's page view (pdf.js renders it on the user's own
 * machine). Word reviews have no pages to show, so asking for one is a 409 that says so.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { attachmentFile } from '../download-name.ts';
import { ProblemError, reviewNotFound } from '../problem.ts';
import { ReviewParams } from '../schemas.ts';
import type { ZodTypeProvider } from '../zod-validation.ts';

/** 409 for the page view of a review whose original is not a PDF. */
function notAPdf(name: string): ProblemError {
  return new ProblemError(
    'ORIGINAL_NOT_PDF',
    `"${name}" was uploaded as a Word document, so there are no printed pages to show. Read it in the text view, or upload the PDF version of the contract to see its pages.`,
  );
}

/** Register GET /api/reviews/:id/original.pdf. */
export function originalRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/reviews/:id/original.pdf', { schema: { params: ReviewParams } }, async (request, reply) => {
    const original = await ctx.store.original(request.params.id);
    if (!original) throw reviewNotFound(request.params.id);
    if (original.format !== 'pdf') throw notAPdf(original.name);
    return (
      reply
        .type('application/pdf')
        // Contracts may hold patient data: nothing is kept in the browser's disk cache, and a
        // review id is never reused, so there is nothing to revalidate either.
        .header('cache-control', 'no-store')
        .header('content-disposition', attachmentFile(original.name).replace(/^attachment/, 'inline'))
        .send(Buffer.from(original.bytes.buffer, original.bytes.byteOffset, original.bytes.byteLength))
    );
  });
}
