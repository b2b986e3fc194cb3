/** What every route needs, passed explicitly rather than decorated onto fastify. */
import type { AnalysisPool } from './analysis/analysis-pool.ts';
import type { RuleCheckPool } from './analysis/rule-check-pool.ts';
import type { ExportPool } from './export/export-pool.ts';
import type { ResolvedOptions } from './options.ts';
import type { ReviewStore } from './store/review-store.ts';

/** Shared services of one app instance. */
export interface AppContext {
  store: ReviewStore;
  analysis: AnalysisPool;
  /** Rule validation and the check before a save. */
  ruleChecks: RuleCheckPool;
  /** The redlined DOCX export. */
  exports: ExportPool;
  options: ResolvedOptions;
}
