/**
 * The portfolio of saved reviews: one row per contract with its key terms (corrections
 * applied), findings by concept and severity, decisions progress, worse-than-best marks and
 * the payer scorecard; as JSON, CSV and XLSX.
 */
import type { FastifyInstance } from 'fastify';
import { buildPortfolio, portfolioCsv, portfolioXlsx, type PortfolioInput } from '@redliner/portfolio';
import type { AppContext } from '../context.ts';
import { attachmentFile } from '../download-name.ts';
import { summaryKeyTerms, type ReadingMemo } from '../key-terms.ts';
import { ReviewsPortfolioSchema, type ReviewsPortfolio } from '../review-response-schemas.ts';
import type { ZodTypeProvider } from '../zod-validation.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The portfolio of every saved review; a review whose key terms cannot be read is left out (its page says why). */
export async function reviewsPortfolio(ctx: AppContext): Promise<ReviewsPortfolio> {
  const inputs: PortfolioInput[] = [];
  const skipped: ReviewsPortfolio['skipped'] = [];
  // Findings are counted from the store's index and key terms come stored with each review, so
  // opening the matrix reads no contract (issue 12: under a second with 200 reviews).
  const tallies = await ctx.store.findingTallies();
  const memo: ReadingMemo = new Map();
  for (const summary of await ctx.store.list()) {
    try {
      const terms = await summaryKeyTerms(ctx, summary, memo);
      if (!terms) continue; // deleted meanwhile
      inputs.push({ id: summary.id, name: summary.name, terms, findings: tallies.get(summary.id) ?? [], decided: summary.decided, total: summary.total });
    } catch (error) {
      skipped.push({ id: summary.id, name: summary.name, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return { ...buildPortfolio(inputs), skipped };
}

/** Register GET /api/portfolio, /api/portfolio.csv and /api/portfolio.xlsx. */
export function portfolioRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/portfolio', { schema: { response: { 200: ReviewsPortfolioSchema } } }, async () => reviewsPortfolio(ctx));
  app.get('/api/portfolio.csv', async (_request, reply) =>
    reply.type('text/csv; charset=utf-8').header('content-disposition', attachmentFile('contract portfolio.csv')).header('cache-control', 'no-store').send(portfolioCsv(await reviewsPortfolio(ctx))),
  );
  app.get('/api/portfolio.xlsx', async (_request, reply) =>
    reply.type(XLSX).header('content-disposition', attachmentFile('contract portfolio.xlsx')).header('cache-control', 'no-store').send(Buffer.from(await portfolioXlsx(await reviewsPortfolio(ctx)))),
  );
}
