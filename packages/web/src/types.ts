/**
 * The shapes the review API returns: the server's response schemas' types and the packages'
 * types they name (see packages/server/src/*response-schemas.ts), never copies.
 */

// The engine's own types, imported for type checking only: nothing of the packages reaches
// the browser bundle, which depends on the HTTP contract alone.
import type { Decision as RedlineDecision } from '@redliner/redline';
import type { Severity } from '@redliner/rules';
import type { DeadlinesOverview, Problem as ServerProblem, ReanalysisResult as ServerReanalysis, ReviewView } from '@redliner/server';

export type { ClausePreview } from '@redliner/redline';

export type { Block, PageBox } from '@redliner/parser';
export type { ContractDeadlines, Deadline, DeadlineKind, MissingDeadline, PayerScore, Portfolio, PortfolioCell, PortfolioColumn, PortfolioRow } from '@redliner/portfolio';
export type { ChecklistEntry, Evidence, Finding, FindingLocation, KeyTerm, KeyTermsReport, Redline, SearchedRule, Severity, Span } from '@redliner/rules';

/** Severities, most serious first. */
export const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low'];

/** What the reader decided on one finding, as sent to the API: redline's own decision shape. */
export type DecisionInput = RedlineDecision;

/** A saved decision, one row of the reviews list, and one review, as the server's response schemas define them. */
export type { StoredDecision as Decision, ReviewSummary, ReviewView as Review } from '@redliner/server';

/** The parsed contract as the review API returns it (source maps left out). */
export type ReviewDocument = ReviewView['document'];

/**
 * RFC 9457 problem details as the server sends them, read from a body that may not be one (a
 * proxy's error page): every member the web reads may be absent.
 */
export type Problem = Partial<Pick<ServerProblem, 'title' | 'detail' | 'code' | 'status'>>;

/** A ruleset the server can analyse with (GET /api/rulesets), as the server's response schema defines it. */
export type { RulesetInfo } from '@redliner/server';

/** The answer of GET /api/deadlines, as the server's response schema defines it. */
export type { DeadlinesOverview } from '@redliner/server';

/**
 * The answer of POST /api/reviews/:id/reanalyze, as the server's response schema defines it;
 * `added` and `removed` may be absent when a tab outlives an upgrade from a server without them.
 */
export type ReanalysisResult = Omit<ServerReanalysis, 'added' | 'removed'> & Partial<Pick<ServerReanalysis, 'added' | 'removed'>>;

/** One dated deadline of a review, as GET /api/deadlines lists it across reviews. */
export type UpcomingDeadline = DeadlinesOverview['deadlines'][number];
