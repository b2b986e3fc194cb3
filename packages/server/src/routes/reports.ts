/** Downloadable reports of a review: the JSON report, a markdown memo, and SARIF. */
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import { toMarkdownMemo, toSarif, type AnalysisReport } from '@redliner/rules';
import type { AppContext } from '../context.ts';
import { attachment } from '../download-name.ts';
import { reviewNotFound } from '../problem.ts';
import { ReviewParams } from '../schemas.ts';
import { decisionsOf, type ReviewRecord } from '../store/review-store.ts';
import type { ZodTypeProvider } from '../zod-validation.ts';

const VERSION = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

/** The JSON report plus the lead's decisions (an addition, so REPORT_VERSION stays). */
function jsonReport(record: ReviewRecord): AnalysisReport & { decisions: Record<string, unknown> } {
  return { ...record.report, decisions: Object.fromEntries(record.decisions.map((d) => [d.findingId, d])) };
}

/** SARIF where rejected findings are suppressed, so viewers show what is still open. */
function sarifReport(record: ReviewRecord) {
  const log = toSarif(record.report, VERSION);
  const rejected = new Map(record.decisions.filter((d) => d.action === 'reject').map((d) => [d.findingId, d]));
  for (const result of log.runs[0]?.results ?? []) {
    const id = result.partialFingerprints?.['findingId'];
    const decision = id ? rejected.get(id) : undefined;
    if (decision) result.suppressions = [{ kind: 'external', status: 'accepted', ...(decision.reason ? { justification: decision.reason } : {}) }];
  }
  return log;
}

const FORMATS = {
  json: { type: 'application/json; charset=utf-8', extension: 'json', render: (r: ReviewRecord) => JSON.stringify(jsonReport(r)) },
  md: { type: 'text/markdown; charset=utf-8', extension: 'md', render: (r: ReviewRecord) => toMarkdownMemo(r.report, decisionsOf(r.decisions)) },
  sarif: { type: 'application/sarif+json; charset=utf-8', extension: 'sarif', render: (r: ReviewRecord) => JSON.stringify(sarifReport(r)) },
} as const;

/** Register GET /api/reviews/:id/report.(json|md|sarif). */
export function reportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  for (const [format, spec] of Object.entries(FORMATS)) {
    r.get(`/api/reviews/:id/report.${format}`, { schema: { params: ReviewParams } }, async (request, reply) => {
      const record = await ctx.store.get(request.params.id);
      if (!record) throw reviewNotFound(request.params.id);
      return reply.type(spec.type).header('content-disposition', attachment(record.summary.name, `redliner.${spec.extension}`)).send(spec.render(record));
    });
  }
}
