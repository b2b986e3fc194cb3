/** Key terms of a review (JSON and CSV), and the user's corrections of them. */
import type { FastifyInstance } from 'fastify';
import { keyTermsCsv } from '@redliner/rules';
import type { AppContext } from '../context.ts';
import { attachment } from '../download-name.ts';
import { reviewKeyTerms } from '../key-terms.ts';
import { ProblemError, reviewNotFound } from '../problem.ts';
import { KeyTermSchema, KeyTermsReportSchema } from '../review-response-schemas.ts';
import { ReviewParams, TermCorrectionBody, TermParams } from '../schemas.ts';
import type { ZodTypeProvider } from '../zod-validation.ts';

function fieldNotFound(id: string, fieldId: string, known: Set<string>): ProblemError {
  return new ProblemError('KEY_TERM_NOT_FOUND', `Review "${id}" has no key-term field "${fieldId}". Its fields are: ${[...known].join(', ')}.`);
}

/** Register GET /api/reviews/:id/terms(.csv), PUT and DELETE /api/reviews/:id/terms/:fieldId. */
export function termRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/reviews/:id/terms', { schema: { params: ReviewParams, response: { 200: KeyTermsReportSchema } } }, async (request) => (await reviewKeyTerms(ctx, request.params.id)).report);

  r.get('/api/reviews/:id/terms.csv', { schema: { params: ReviewParams } }, async (request, reply) => {
    const { report, record } = await reviewKeyTerms(ctx, request.params.id);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', attachment(record.summary.name, 'key terms.csv')).send(keyTermsCsv(report));
  });

  r.put('/api/reviews/:id/terms/:fieldId', { schema: { params: TermParams, body: TermCorrectionBody, response: { 200: KeyTermSchema } }, config: { invalidBody: 'INVALID_CORRECTION' } }, async (request) => {
    const { id, fieldId } = request.params;
    const { fieldIds } = await reviewKeyTerms(ctx, id);
    if (!fieldIds.has(fieldId)) throw fieldNotFound(id, fieldId, fieldIds);
    const body = request.body;
    const saved = await ctx.store.setTermCorrection(id, fieldId, { text: body.text.trim(), ...(body.note !== undefined ? { note: body.note } : {}) });
    if (saved === 'no-review') throw reviewNotFound(id);
    // The corrected term as every view now shows it.
    return (await reviewKeyTerms(ctx, id)).report.terms.find((t) => t.id === fieldId);
  });

  r.delete('/api/reviews/:id/terms/:fieldId', { schema: { params: TermParams, response: { 200: KeyTermSchema.nullable() } } }, async (request) => {
    const { id, fieldId } = request.params;
    const removed = await ctx.store.deleteTermCorrection(id, fieldId);
    if (removed === 'no-review') throw reviewNotFound(id);
    return (await reviewKeyTerms(ctx, id)).report.terms.find((t) => t.id === fieldId) ?? null;
  });
}
