/** What every route needs, passed explicitly rather than decorated onto fastify. */
import type { AnalysisPool } from './analysis/analysis-pool.ts';
import type { ResolvedOptions } from './options.ts';
import type { ReviewStore } from './store/review-store.ts';

/** Shared services of one app instance. */
export interface AppContext {
  store: ReviewStore;
  analysis: AnalysisPool;
  options: ResolvedOptions;
}
