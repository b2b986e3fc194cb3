/**
 * The deadlines a review's contract creates (from its key terms, corrections applied), as JSON
 * and as an iCalendar file, for one review or across every saved review (the home screen's
 * "upcoming deadlines").
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { computeDeadlines, deadlinesIcs, isIsoDate, todayIso } from '@redliner/portfolio';
import type { KeyTermsReport } from '@redliner/rules';
import type { AppContext } from '../context.ts';
import { attachment, attachmentFile } from '../download-name.ts';
import { reviewKeyTerms, summaryKeyTerms, type ReadingMemo } from '../key-terms.ts';
import { DeadlinesOverviewSchema, ReviewDeadlinesSchema, type ReviewDeadlines } from '../review-response-schemas.ts';
import { ReviewParams } from '../schemas.ts';
import type { ZodTypeProvider } from '../zod-validation.ts';

const ICS = 'text/calendar; charset=utf-8';

const DeadlinesQuery = z.strictObject({
  renegotiateMonths: z.coerce
    .number({ error: 'renegotiateMonths is a number of months, e.g. 6' })
    .int('renegotiateMonths is a whole number of months')
    .min(0, 'renegotiateMonths is at least 0')
    .max(36, 'renegotiateMonths is at most 36')
    .optional(),
  /** The day to count from (default: today on this computer); for planning ahead and for tests. */
  today: z.string().refine(isIsoDate, 'today is a date written yyyy-mm-dd, e.g. 2027-01-31').optional(),
});
type DeadlinesQuery = z.output<typeof DeadlinesQuery>;

async function deadlinesOf(ctx: AppContext, id: string, query: DeadlinesQuery, terms?: KeyTermsReport): Promise<ReviewDeadlines> {
  const report = terms ?? (await reviewKeyTerms(ctx, id)).report;
  const options = { today: query.today ?? todayIso(), ...(query.renegotiateMonths !== undefined ? { renegotiateMonths: query.renegotiateMonths } : {}) };
  return { reviewId: id, ...computeDeadlines(report, options) };
}

/** Every review's deadlines; a review whose key terms cannot be read is skipped (its own page says why). */
async function allDeadlines(ctx: AppContext, query: DeadlinesQuery): Promise<ReviewDeadlines[]> {
  const out: ReviewDeadlines[] = [];
  const memo: ReadingMemo = new Map();
  for (const summary of await ctx.store.list()) {
    try {
      const terms = await summaryKeyTerms(ctx, summary, memo);
      if (terms) out.push(await deadlinesOf(ctx, summary.id, query, terms));
    } catch {
      // A ruleset whose key terms no longer load (422 KEY_TERMS_UNUSABLE) hides only that review.
    }
  }
  return out;
}

/** Register GET /api/reviews/:id/deadlines(.ics) and GET /api/deadlines(.ics). */
export function deadlineRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/reviews/:id/deadlines', { schema: { params: ReviewParams, querystring: DeadlinesQuery, response: { 200: ReviewDeadlinesSchema } } }, async (request) => deadlinesOf(ctx, request.params.id, request.query));

  r.get('/api/reviews/:id/deadlines.ics', { schema: { params: ReviewParams, querystring: DeadlinesQuery } }, async (request, reply) => {
    const deadlines = await deadlinesOf(ctx, request.params.id, request.query);
    const ics = deadlinesIcs([{ key: deadlines.reviewId, deadlines }], { stamp: new Date(), name: `Deadlines: ${deadlines.document.name}` });
    return reply.type(ICS).header('content-disposition', attachment(deadlines.document.name, 'deadlines.ics')).header('cache-control', 'no-store').send(ics);
  });

  // Across reviews: every contract's dated deadlines, earliest first, and what each one is missing.
  r.get('/api/deadlines', { schema: { querystring: DeadlinesQuery, response: { 200: DeadlinesOverviewSchema } } }, async (request) => {
    const reviews = await allDeadlines(ctx, request.query);
    const deadlines = reviews
      .flatMap((rd) => rd.deadlines.map((d) => ({ reviewId: rd.reviewId, name: rd.document.name, ...d })))
      .sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name));
    const missing = reviews.filter((rd) => rd.missing.length > 0).map((rd) => ({ reviewId: rd.reviewId, name: rd.document.name, missing: rd.missing }));
    return { today: reviews[0]?.today ?? request.query.today ?? todayIso(), deadlines, missing };
  });

  r.get('/api/deadlines.ics', { schema: { querystring: DeadlinesQuery } }, async (request, reply) => {
    const reviews = await allDeadlines(ctx, request.query);
    const ics = deadlinesIcs(reviews.map((rd) => ({ key: rd.reviewId, deadlines: rd })), { stamp: new Date(), name: 'Contract deadlines', upcomingOnly: true });
    return reply.type(ICS).header('content-disposition', attachmentFile('contract deadlines.ics')).header('cache-control', 'no-store').send(ics);
  });
}
