/**
 * The redlined DOCX of a review: the saved original with the saved decisions applied as Word
 * tracked changes and every finding as a comment (a new DOCX for PDF sources). Findings not
 * decided yet propose their suggested wording, or with `undecided=comment` get a comment only.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isRedlineError, redline } from '@redliner/redline';
import type { Decisions } from '@redliner/redline';
import type { AppContext } from '../context.ts';
import { attachment } from '../download-name.ts';
import { ProblemError, reviewNotFound } from '../problem.ts';
import { ReviewParams } from '../schemas.ts';
import type { StoredDecision } from '../store/review-store.ts';
import type { ZodTypeProvider } from '../zod-validation.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const ExportQuery = z.strictObject({
  author: z.string().trim().min(1).max(100).optional(),
  comments: z.enum(['true', 'false']).optional(),
  undecided: z.enum(['suggest', 'comment'], { error: 'undecided is "suggest" (propose the suggested wording, the default) or "comment" (comment only)' }).optional(),
});

function decisionsOf(stored: readonly StoredDecision[]): Decisions {
  const out: Decisions = {};
  for (const { findingId, decidedAt: _decidedAt, ...decision } of stored) out[findingId] = decision;
  return out;
}

/** Register GET /api/reviews/:id/export.docx?author=NAME&comments=true|false&undecided=suggest|comment. */
export function exportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/reviews/:id/export.docx', { schema: { params: ReviewParams, querystring: ExportQuery } }, async (request, reply) => {
    const { id } = request.params;
    const [record, original] = await Promise.all([ctx.store.get(id), ctx.store.original(id)]);
    if (!record || !original) throw reviewNotFound(id);
    try {
      const result = await redline({
        document: record.document,
        findings: record.report.findings,
        decisions: decisionsOf(record.decisions),
        original: original.bytes,
        options: { ...(request.query.author ? { author: request.query.author } : {}), comments: request.query.comments !== 'false', undecided: request.query.undecided ?? 'suggest' },
      });
      return reply
        .type(DOCX)
        .header('content-disposition', attachment(record.summary.name, 'redlined.docx'))
        .header('x-redliner-applied', String(result.applied.length))
        .header('x-redliner-skipped', String(result.skipped.length))
        .send(Buffer.from(result.bytes));
    } catch (error) {
      // Saved decisions that no longer fit (e.g. a fallback removed by a ruleset change) are fixable by the user.
      if (isRedlineError(error)) throw new ProblemError(409, error.code, 'The decisions cannot be applied', `${error.message} Review the decisions on this contract and export again.`);
      throw error;
    }
  });
}
