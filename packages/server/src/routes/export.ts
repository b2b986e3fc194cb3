/**
 * The redlined DOCX of a review: the saved original with the saved decisions applied as Word
 * tracked changes (a new DOCX for PDF sources). Only decided findings change the text. The
 * payer copy (default) carries the rules' payer comments only; `audience=internal` comments on
 * every finding with the analysis, decision and reason, and is named as internal.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { clausePreviews, ISSUES_LIST_FORMATS, isRedlineError, issuesList, issuesListFile, issuesListFileName, redlineFileName } from '@redliner/redline';
import type { IssuesListFormat } from '@redliner/redline';
import type { AppContext } from '../context.ts';
import { attachmentFile } from '../download-name.ts';
import { ProblemError, reviewNotFound } from '../problem.ts';
import { ClausePreviewsSchema } from '../review-response-schemas.ts';
import { ReviewParams } from '../schemas.ts';
import { decisionsOf } from '../store/review-store.ts';
import type { ZodTypeProvider } from '../zod-validation.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const IssuesQuery = z.strictObject({
  audience: z.enum(['payer', 'internal'], { error: 'audience is "payer" (the requested changes only, the default) or "internal" (every finding with decisions and reasons)' }).optional(),
});

const ISSUES_TYPES: Record<IssuesListFormat, string> = { xlsx: XLSX, docx: DOCX, csv: 'text/csv; charset=utf-8' };

/** Saved decisions that no longer fit (e.g. a fallback removed by a ruleset change) are fixable by the user. */
function decisionsProblem(error: unknown): unknown {
  return isRedlineError(error) ? new ProblemError(error.code, `${error.message} Review the decisions on this contract and export again.`) : error;
}

const ExportQuery = z.strictObject({
  /** The name on the tracked changes and comments (the person sending the redline). */
  author: z.string().trim().max(100, 'the author name is at most 100 characters').optional(),
  audience: z.enum(['payer', 'internal'], { error: 'audience is "payer" (the copy to send, the default) or "internal" (with the analysis, decisions and reasons)' }).optional(),
  comments: z.enum(['true', 'false']).optional(),
});

/**
 * Register GET /api/reviews/:id/export.docx?author=NAME&audience=payer|internal&comments=true|false
 * GET /api/reviews/:id/issues.(xlsx|docx|csv)?audience=payer|internal (the issues list), and
 * GET /api/reviews/:id/clauses (each finding's clause as the saved decisions make it read).
 */
export function exportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/reviews/:id/export.docx', { schema: { params: ReviewParams, querystring: ExportQuery } }, async (request, reply) => {
    const { id } = request.params;
    const [record, original] = await Promise.all([ctx.store.get(id), ctx.store.original(id)]);
    if (!record || !original) throw reviewNotFound(id);
    const audience = request.query.audience ?? 'payer';
    // Off the main thread: a large contract takes tens of seconds to redline.
    const result = await ctx.exports.redline({
      document: record.document,
      findings: record.report.findings,
      decisions: decisionsOf(record.decisions),
      original: original.bytes,
      options: { ...(request.query.author ? { author: request.query.author } : {}), audience, comments: request.query.comments !== 'false' },
    });
    if (!result.ok) throw new ProblemError(result.code, `${result.message} Review the decisions on this contract and export again.`);
    return reply
      .type(DOCX)
      .header('content-disposition', attachmentFile(redlineFileName(record.summary.name, audience)))
      .header('x-redliner-audience', audience)
      // Tracked changes made, and changes that could only be left as comments.
      .header('x-redliner-applied', String(result.changes))
      .header('x-redliner-skipped', String(result.skipped))
      .send(Buffer.from(result.bytes.buffer, result.bytes.byteOffset, result.bytes.byteLength));
  });

  for (const format of ISSUES_LIST_FORMATS) {
    r.get(`/api/reviews/:id/issues.${format}`, { schema: { params: ReviewParams, querystring: IssuesQuery } }, async (request, reply) => {
      const { id } = request.params;
      const record = await ctx.store.get(id);
      if (!record) throw reviewNotFound(id);
      const audience = request.query.audience ?? 'payer';
      let bytes: Uint8Array;
      try {
        bytes = await issuesListFile(issuesList({ document: record.document, findings: record.report.findings, decisions: decisionsOf(record.decisions), audience }), format);
      } catch (error) {
        throw decisionsProblem(error);
      }
      return reply
        .type(ISSUES_TYPES[format])
        .header('content-disposition', attachmentFile(issuesListFileName(record.summary.name, audience, format)))
        .header('x-redliner-audience', audience)
        .send(Buffer.from(bytes));
    });
  }

  r.get('/api/reviews/:id/clauses', { schema: { params: ReviewParams, response: { 200: ClausePreviewsSchema } } }, async (request) => {
    const { id } = request.params;
    const record = await ctx.store.get(id);
    if (!record) throw reviewNotFound(id);
    try {
      return { previews: clausePreviews({ document: record.document, findings: record.report.findings, decisions: decisionsOf(record.decisions) }) };
    } catch (error) {
      throw decisionsProblem(error);
    }
  });
}
