/**
 * Response schemas of the review routes: the review list, one review, decisions, re-analysis,
 * clause previews, key terms, deadlines and the portfolio. The summary and the saved decision
 * are the server's own shapes and are defined here (the store and the web app take their types
 * from these schemas); findings, key terms, deadlines and the portfolio keep their one
 * definition in their packages and are named here with `sharedShape`.
 */
import * as z from 'zod';
import type { DocumentFormat, PageBox } from '@redliner/parser';
import type { ContractDeadlines, Deadline, MissingDeadline, Portfolio } from '@redliner/portfolio';
import { DecisionSchema, type ClausePreview } from '@redliner/redline';
import { SeveritySchema, type AnalysisReport, type ChecklistEntry, type Finding, type KeyTerm, type KeyTermsReport } from '@redliner/rules';
import { sharedShape } from './response-schemas.ts';

/** The ruleset a review was analysed with (`id` as GET /api/rulesets lists it). */
export const ReviewRulesetSchema = z.strictObject({ id: z.string(), name: z.string(), version: z.string().optional() });

const DocumentFormatSchema = z.enum(['pdf', 'docx']) satisfies z.ZodType<DocumentFormat>;

/** One row of GET /api/reviews: the review's name, dates, ruleset, findings by severity and decisions made. */
export const ReviewSummarySchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  created: z.string(),
  updated: z.string(),
  format: DocumentFormatSchema,
  ruleset: ReviewRulesetSchema,
  counts: z.record(SeveritySchema, z.number().int()),
  /** Findings with a decision. */
  decided: z.number().int(),
  /** All findings. */
  total: z.number().int(),
});

const decisionStamp = { findingId: z.string(), decidedAt: z.string() };
const [acceptDecision, editDecision, rejectDecision] = DecisionSchema.options;

/** A saved decision: @redliner/redline's decision as the reader made it, with its finding and time. */
export const StoredDecisionSchema = z.discriminatedUnion('action', [acceptDecision.extend(decisionStamp), editDecision.extend(decisionStamp), rejectDecision.extend(decisionStamp)]);

/** GET /api/reviews. */
export const ReviewListSchema = z.strictObject({ reviews: z.array(ReviewSummarySchema) });

/**
 * One review (GET /api/reviews/:id, and the 201 of an upload): the summary, the parsed document
 * without its source map, findings, checklist, decisions by finding id, and for PDF reviews each
 * located finding's rectangles on the pages.
 */
export const ReviewViewSchema = ReviewSummarySchema.extend({
  document: sharedShape<AnalysisReport['document']>('the parsed document'),
  // Titles and concepts only: where rule files sit on the server's disk is none of the browser's business.
  rules: z.record(z.string(), z.strictObject({ title: z.string(), concept: z.string() })),
  findings: z.array(sharedShape<Finding>('a finding')),
  checklist: z.array(sharedShape<ChecklistEntry>('a checklist entry')),
  summary: sharedShape<AnalysisReport['summary']>('the findings by severity'),
  decisions: z.record(z.string(), StoredDecisionSchema),
  pageBoxes: z.record(z.string(), z.array(sharedShape<PageBox>('a rectangle on a page'))).optional(),
});

/** Why re-analysis could not keep a decision. */
export const DropReasonSchema = z.enum(['finding-gone', 'alternative-gone']);

/** POST /api/reviews/:id/reanalyze: the new summary and which decisions and findings came and went. */
export const ReanalysisSchema = z.strictObject({
  review: ReviewSummarySchema,
  /** Finding ids whose decisions were kept. */
  kept: z.array(z.string()),
  dropped: z.array(z.strictObject({ findingId: z.string(), reason: DropReasonSchema, decision: StoredDecisionSchema })),
  /** Finding ids the new analysis has and the old one did not. */
  added: z.array(z.string()),
  /** Finding ids the old analysis had and the new one does not. */
  removed: z.array(z.string()),
});

/** GET /api/reviews/:id/clauses. */
export const ClausePreviewsSchema = z.strictObject({ previews: z.array(sharedShape<ClausePreview>('a clause preview')) });

/** GET /api/reviews/:id/terms: the key terms, corrections applied. */
export const KeyTermsReportSchema = sharedShape<KeyTermsReport>('the key terms');

/** PUT /api/reviews/:id/terms/:fieldId: the corrected term as every view now shows it. */
export const KeyTermSchema = sharedShape<KeyTerm>('a key term');

/** One review's deadlines, with the review they belong to. */
export type ReviewDeadlines = ContractDeadlines & { reviewId: string };

/** GET /api/reviews/:id/deadlines. */
export const ReviewDeadlinesSchema = sharedShape<ReviewDeadlines>("a review's deadlines");

/** GET /api/deadlines: every review's dated deadlines, earliest first, and what each review is missing. */
export const DeadlinesOverviewSchema = z.strictObject({
  today: z.string(),
  deadlines: z.array(sharedShape<Deadline & { reviewId: string; name: string }>('a deadline')),
  missing: z.array(z.strictObject({ reviewId: z.string(), name: z.string(), missing: z.array(sharedShape<MissingDeadline>('a missing deadline')) })),
});

/** A review the portfolio leaves out because its key terms cannot be read, and why. */
export const SkippedReviewSchema = z.strictObject({ id: z.string(), name: z.string(), reason: z.string() });

/** GET /api/portfolio: the matrix, scorecard, and the reviews left out. */
export const ReviewsPortfolioSchema = sharedShape<Portfolio & { skipped: Array<z.output<typeof SkippedReviewSchema>> }>('the portfolio');

/** The answer of GET /api/reviews/:id. */
export type ReviewView = z.output<typeof ReviewViewSchema>;
/** The answer of GET /api/deadlines. */
export type DeadlinesOverview = z.output<typeof DeadlinesOverviewSchema>;
/** The answer of POST /api/reviews/:id/reanalyze. */
export type ReanalysisResult = z.output<typeof ReanalysisSchema>;
/** The answer of GET /api/reviews. */
export type ReviewList = z.output<typeof ReviewListSchema>;
/** The answer of GET /api/reviews/:id/clauses. */
export type ClausePreviews = z.output<typeof ClausePreviewsSchema>;
/** The answer of GET /api/portfolio: the matrix and scorecard, and the reviews left out. */
export type ReviewsPortfolio = z.output<typeof ReviewsPortfolioSchema>;
