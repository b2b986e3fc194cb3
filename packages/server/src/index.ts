/**
 * @redliner/server: the review app's HTTP API. `startServer` for `redliner serve`, `buildApp`
 * for tests (fastify inject), and the storage interface for other backends.
 */
export { buildApp } from './app.ts';
export { startServer } from './start-server.ts';
export type { RunningServer } from './start-server.ts';
export type { ServerOptions } from './options.ts';
export { DEFAULT_RULESET_DIR, isLoopback } from './options.ts';
export { openSqliteStore } from './store/sqlite-store.ts';
export type * from './store/review-store.ts';
export type { Problem } from './problem.ts';
export { PROBLEM_CODES } from './problem-codes.ts';
export type { ProblemCode, ProblemGroup, ProblemSpec } from './problem-codes.ts';
export type { RulesetInfo, RulesetList, StorageStatus, UploadProgressStatus } from './response-schemas.ts';
export type { ClausePreviews, DeadlinesOverview, ReanalysisResult, ReviewDeadlines, ReviewList, ReviewsPortfolio, ReviewView } from './review-response-schemas.ts';
export type { LocatedError, RuleFile, RuleList, RuleListEntry, RuleSwitch, RuleTryResult, RuleValidation, SavedRule, VocabularyClassView, VocabularyError, VocabularyList, VocabularyPlace, VocabularySaved } from './rule-response-schemas.ts';
export type { ReanalyzeRequest, SaveRuleRequest, TermCorrectionRequest, TryRequest, UploadRequestFields, ValidateRequest, VocabularyClassRequest } from './schemas.ts';
export { WARNING_CODES } from './warning-codes.ts';
export type { WarningSpec } from './warning-codes.ts';
export { CONTENT_SECURITY_POLICY } from './security.ts';
