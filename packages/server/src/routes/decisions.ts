/** Decisions on findings, and re-analysis that keeps them. */
import type { FastifyInstance } from 'fastify';
import { analyzeWith } from '../analysis/run-analysis.ts';
import { keepReading } from '../key-terms.ts';
import type { AppContext } from '../context.ts';
import { ProblemError, reviewNotFound } from '../problem.ts';
import { ReanalysisSchema, StoredDecisionSchema } from '../review-response-schemas.ts';
import { DecisionBody, DecisionParams, ReanalyzeBody, ReviewParams } from '../schemas.ts';
import type { ZodTypeProvider } from '../zod-validation.ts';

function findingNotFound(reviewId: string, findingId: string): ProblemError {
  return new ProblemError('FINDING_NOT_FOUND', `Review "${reviewId}" has no finding "${findingId}". The review may have been re-analysed; reload it and decide on the findings it lists.`);
}

/** Register decision and re-analysis routes. */
export function decisionRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.put('/api/reviews/:id/decisions/:findingId', { schema: { params: DecisionParams, body: DecisionBody, response: { 200: StoredDecisionSchema } }, config: { invalidBody: 'INVALID_DECISION' } }, async (request) => {
    const { id, findingId } = request.params;
    const decision = request.body;
    const finding = await ctx.store.finding(id, findingId);
    if (finding === 'no-review') throw reviewNotFound(id);
    if (finding === 'no-finding') throw findingNotFound(id, findingId);
    if (decision.action === 'accept' && decision.alternative !== undefined) {
      const count = finding.redline?.alternatives.length ?? 0;
      if (decision.alternative >= count) {
        throw new ProblemError('NO_SUCH_ALTERNATIVE', `Finding "${findingId}" offers ${count} fallback alternative(s) (indexes 0 to ${count - 1}); alternative ${decision.alternative} does not exist.`);
      }
    }
    // The store re-checks the finding inside its transaction, so a concurrent re-analysis cannot orphan this decision.
    const saved = await ctx.store.setDecision(id, findingId, decision);
    if (saved === 'no-review') throw reviewNotFound(id);
    if (saved === 'no-finding') throw findingNotFound(id, findingId);
    return saved;
  });

  r.post('/api/reviews/:id/reanalyze', { schema: { params: ReviewParams, body: ReanalyzeBody, response: { 200: ReanalysisSchema } } }, async (request) => {
    const { id } = request.params;
    const record = await ctx.store.get(id);
    if (!record) throw reviewNotFound(id);
    const { report, ruleset, keyTerms } = await analyzeWith(ctx, record.document, request.body?.ruleset ?? record.summary.ruleset.id);
    const outcome = await ctx.store.replaceAnalysis(id, report, ruleset);
    if (!outcome) throw reviewNotFound(id);
    if (keyTerms) await keepReading(ctx, id, keyTerms).catch(() => undefined);
    // Which findings came and went, so the UI can say what changed without holding the old review.
    const before = new Set(record.report.findings.map((f) => f.id));
    const after = new Set(report.findings.map((f) => f.id));
    return {
      review: outcome.summary,
      kept: outcome.kept,
      dropped: outcome.dropped.map((d) => ({ findingId: d.decision.findingId, reason: d.reason, decision: d.decision })),
      added: report.findings.filter((f) => !before.has(f.id)).map((f) => f.id),
      removed: record.report.findings.filter((f) => !after.has(f.id)).map((f) => f.id),
    };
  });
}
